import ArgumentParser
import RedlineKit

#if canImport(Glibc)
    import Glibc
#endif

/// `redline check FILE...`: the verdict, score and findings of each licence record.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check licence record files and print each verdict, score and findings.",
        discussion: """
            Text output shows the verdict and score first, then findings by severity as \
            `file:line: severity: [RULE-ID] message` with the letter cited and the remedy. \
            JSON output is documented in docs/json-format.md. HTML output (--format html) is one \
            self-contained page per run, with each record's own lines, the letters' words and the \
            licence's verdict over time.

            Examples:
              redline check examples/records/approve-lawful-interception.xml --as-of 2024-04-01
              redline check licence.xml --format json --lists lists/
              cat licence.xml | redline check - --profile moratorium
              redline check licence.xml --format html > report.html
            """
    )

    /// `--format`: a report format `check` offers.
    struct Format: ExpressibleByArgument {
        var format: ReportFormat

        init?(argument: String) {
            guard let format = ReportFormat.named(argument), format.isOffered(by: .check) else { return nil }
            self.format = format
        }

        static var allValueStrings: [String] { ReportFormat.offered(by: .check).map(\.name) }

        var defaultValueDescription: String { format.name }
    }

    @Argument(
        help: ArgumentHelp("Licence record files (XML); - reads one record from standard input.", valueName: "file"))
    var files: [String] = []

    @OptionGroup var evaluation: EvaluationFlags

    @OptionGroup var colour: ColourFlags

    @Option(name: .long, help: "Output format: \(Format.allValueStrings.joined(separator: " or ")).")
    var format = Format(argument: "text")!

    @Option(
        name: .long,
        help: ArgumentHelp("Threads to evaluate records on (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Flag(name: [.short, .long], help: "Print nothing; the exit status gives the result.")
    var quiet = false

    func validate() throws {
        guard !files.isEmpty else {
            throw ValidationError(
                "Please provide at least one licence record file, e.g. "
                    + "redline check examples/records/approve-lawful-interception.xml")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if files.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("- (standard input) can be given once: it holds one record.")
        }
    }

    /// The inputs: each file, and for `-` the record read from standard input (at most
    /// `--max-bytes`; a longer one is the too-large error of any record), named `<stdin>`.
    func inputs() -> [AuditInput] {
        files.map { file in
            guard file == "-" else { return AuditInput(path: FileSystemPath.display(file), location: file) }
            let limit = evaluation.limits.maxBytes
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while bytes.count <= limit {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                bytes.append(contentsOf: buffer[..<count])
            }
            guard bytes.count <= limit else {
                let error = RedlineError(
                    .tooLarge, "standard input holds more than the limit of \(limit) bytes",
                    at: SourcePosition(file: "<stdin>"), suggestion: "give the record as a file, or raise --max-bytes")
                return AuditInput(path: "<stdin>", location: "-", error: error)
            }
            return AuditInput(path: "<stdin>", bytes: bytes)
        }
    }

    func run() throws {
        // A reader that goes away (`| head -1`) is an EPIPE, reported with exit 2, not a death by SIGPIPE (141).
        signal(SIGPIPE, SIG_IGN)
        colour.apply()
        let (evaluation, configuration) = try self.evaluation.configured()
        let engine = Engine(ruleSet: try evaluation.loadRuleSet())
        ProcessLifetime.keep(engine)
        let options = try evaluation.options(for: engine)
        let auditor = Auditor(
            engine: engine, options: options, jobs: jobs ?? configuration?.jobs ?? Redline.coreCount)
        let destinations = ReportDestinations()
        let outcome: Auditor.Outcome
        let output = destinations.standardOutput
        do {
            let reporters =
                quiet ? [] : try destinations.reporters(for: [ReportRequest(format.format)], command: .check)
            outcome = try auditor.run(
                inputs(), reporters: reporters,
                shouldStop: { output.failure != nil })
            try output.flush()
        } catch {
            Terminal.error("redline check: cannot write the output: \(error)")
            throw ExitCode(ExitStatus.inputError)
        }
        if let failure = output.failure {
            let reason = failure.code == EPIPE ? "its reader closed it early (EPIPE)" : failure.message
            Terminal.error(
                "redline check: standard output is incomplete: \(reason)"
                    + "\n  fix: let the reader read to the end, or redirect the output to a file")
            throw ExitCode(ExitStatus.inputError)
        }
        let status = ExitStatus.of(AuditFailLevel.review.outcome(of: outcome.summary))
        if status != ExitStatus.clean { throw ExitCode(status) }
    }
}
