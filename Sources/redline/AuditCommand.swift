import ArgumentParser
import Foundation
import RedlineKit

#if canImport(Glibc)
    import Glibc
#endif

/// `redline audit PATH...`: audits a batch of records for CI, with several reports in one run.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit a batch of licence records (files, directories, or - for paths on stdin) for CI.",
        discussion: """
            Every input appears exactly once in every report, sorted by path, with its verdict or \
            its error. Reports (--report, repeatable): text (stdout), json[=FILE], sarif=FILE, \
            junit=FILE, github (workflow-command annotations on stdout), markdown[=FILE] (a job \
            summary, also appended to $GITHUB_STEP_SUMMARY when set), codequality=FILE (GitLab's \
            code-quality report). Report folders are created as needed. Report files are written \
            atomically: every target is checked before anything is evaluated, and only a regular \
            file is ever replaced; a FIFO or a character device (/dev/null) is written to, a \
            symbolic link is refused. See docs/audit.md.

            --fail-on: never; error (an input could not be evaluated); refuse (also a refuse or \
            revoke verdict); review (also any verdict that is not clean; the default); any-finding \
            (also any finding). Waived findings never count.

            Exit codes: 0 nothing the --fail-on level fails on; 1 the policy failed (a record \
            fails the --fail-on level); 2 an input could not be evaluated (unreadable, not a \
            regular file, symlink loop, malformed, hostile, schema-invalid; outranks 1, not with \
            --fail-on never) or a report could not be written (a target that is not a file, \
            standard output closed early as by `| head`: the report files are still written) or no \
            record was found at all; 3 the rule set or the waivers file is invalid; 64 usage error \
            (two reports in one file, however spelt); 130/143 interrupted by SIGINT/SIGTERM (no \
            report file is left behind that looks complete).

            Examples:
              redline audit records/ --report sarif=reports/redline.sarif --report junit=reports/redline.junit.xml
              git diff --name-only main -- '*.xml' | redline audit - --fail-on refuse
              redline audit records/ --exclude drafts --quiet --report codequality=gl-code-quality.json

            Settings shared by local runs and CI (rules, profile, fail-on, waivers, exclude, reports) \
            can live in .redline.toml, found in this folder or above it (docs/configuration.md).
            """
    )

    @Argument(
        help: ArgumentHelp(
            "Record files, directories (walked for *.xml), or - to read paths from stdin.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var evaluation: EvaluationFlags

    @OptionGroup var colour: ColourFlags

    @Option(
        name: .long,
        help: ArgumentHelp("Threads to evaluate records on (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A report: \(ReportRequest.allValueStrings.joined(separator: ", ")) (repeatable; default text).",
            valueName: "format[=file]"))
    var report: [ReportRequest] = []

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp("When the audit fails: never, error, refuse, review, any-finding.", valueName: "level"))
    var failOn: AuditFailLevel?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Leave out of the walk of folders the paths that match (repeatable): a pattern with / against the path "
                + "from the current folder, one without against each name; files named as arguments are always "
                + "audited.",
            valueName: "glob"))
    var exclude: [String] = []

    @Flag(
        name: [.short, .long],
        help: ArgumentHelp(
            "No text report on standard output and no progress bar (report files are still written); the exit "
                + "status gives the result."))
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("A waivers file (docs/audit.md).", valueName: "file"))
    var waivers: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Directory report paths are relative to (default: the current directory).", valueName: "path"))
    var base: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "After the reports, print on standard error which rules never fired, never passed or never applied over "
                + "the batch.")
    )
    var coverage = false

    @Flag(
        name: [.customShort("0"), .customLong("null")],
        help: "Paths read from standard input (-) are separated by NUL bytes, as find -print0 writes them.")
    var null = false

    @Option(name: .customLong("chunk-size"), help: .hidden)
    var chunkSize: Int = 256

    /// Writes report files through named temporary files, the fallback for file systems without
    /// `O_TMPFILE` (for the tests).
    @Flag(name: .customLong("named-temporary-files"), help: .hidden)
    var namedTemporaryFiles = false

    func validate() throws {
        guard !paths.isEmpty else {
            throw ValidationError(
                "Please give at least one path, e.g. redline audit examples/records (or - to read paths from stdin).")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if chunkSize < 1 { throw ValidationError("--chunk-size must be at least 1.") }
        if let problem = ReportRequest.problem(with: report) { throw ValidationError(problem) }
        if let problem = ReportDestinations.sameFileProblem(in: report) { throw ValidationError(problem) }
    }

    func run() throws {
        // A reader that goes away (`| head -1`) is an EPIPE on that stream, not the end of the run.
        signal(SIGPIPE, SIG_IGN)
        colour.apply()
        let (evaluation, configuration) = try self.evaluation.configured()
        let requests = try reportRequests(configuration)
        let engine = Engine(ruleSet: try evaluation.loadRuleSet())
        ProcessLifetime.keep(engine)
        var options = try evaluation.options(for: engine)
        let cancellation = Cancellation()
        options.cancellation = cancellation
        let waivers = try loadWaivers(waivers ?? configuration?.waivers, for: engine.ruleSet)
        let here = AuditPath.currentDirectory()
        var exclusions = exclude.map { Exclusion($0, root: here) }
        if let configuration {
            let root = AuditPath.normalize(configuration.directory, in: here)
            exclusions = configuration.exclude.map { Exclusion($0, root: root) } + exclusions
        }
        let collector = InputCollector(base: base, exclusions: exclusions)
        let inputs = collector.collect(try arguments())
        guard !inputs.isEmpty else {
            // An audit of nothing is not a clean audit: a mistyped folder or an empty path list must fail CI.
            Terminal.error(
                "redline audit: no licence records found in \(paths.map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: " "))"
                    + "\n  fix: give record files or folders that hold *.xml records (or - with one path per line on stdin)"
            )
            throw ExitCode(ExitStatus.inputError)
        }
        // Before any report file exists: from here on SIGINT/SIGTERM only set a flag.
        let trap = SignalTrap(cancellation: cancellation)
        let destinations = ReportDestinations(jobSummaryPath: ReportDestinations.gitHubStepSummary)
        let auditor = Auditor(
            engine: engine, options: options, waivers: waivers, jobs: jobs ?? configuration?.jobs ?? Redline.coreCount,
            chunkSize: chunkSize)
        if requests.contains(where: { $0.format == .sarif || $0.format == .github }) {
            warnOutsideBase(inputs, base: collector.base)
        }
        let outcome = try audit(inputs, requests: requests, with: auditor, to: destinations, trap: trap)
        trap.release()
        do {
            try destinations.commit()
        } catch {
            destinations.discard()
            Terminal.error("redline audit: \(error)")
            throw ExitCode(ExitStatus.inputError)
        }
        if let problem = destinations.appendJobSummary() { Terminal.error("redline audit: \(problem)") }
        if coverage { Terminal.error(RuleCoverageRenderer().render(outcome.coverage)) }
        let failures = destinations.streamFailures
        guard failures.isEmpty else {
            // A report could not be written to the end: exit 2, whatever the records gave.
            var message = "redline audit: " + failures.joined(separator: "\nredline audit: ")
            let written = destinations.writtenFiles
            message +=
                "\n  the audit ran to the end; " + (written.isEmpty ? "no report file was requested" : "written: ")
            message += written.joined(separator: ", ")
            Terminal.error(message + "\n  fix: let the reader read to the end, or write the report to a file")
            throw ExitCode(ExitStatus.inputError)
        }
        let level = failOn ?? configuration?.failOn ?? .review
        let status = ExitStatus.of(level.outcome(of: outcome.summary))
        if status != ExitStatus.clean { throw ExitCode(status) }
    }

    /// The reports: the --report options, else the configuration's, else the text report; with
    /// --quiet never the text report on standard output. The configuration's are checked as the
    /// options were; a problem is a usage error.
    private func reportRequests(_ configuration: RedlineConfiguration?) throws -> [ReportRequest] {
        let quieted = { (requests: [ReportRequest]) in
            quiet ? requests.filter { !($0.format == .text && $0.toStandardOutput) } : requests
        }
        guard report.isEmpty, let configured = configuration?.reports, !configured.isEmpty else {
            return quieted(report.isEmpty ? [ReportRequest(.text)] : report)
        }
        if let problem = ReportRequest.problem(with: configured) ?? ReportDestinations.sameFileProblem(in: configured) {
            Terminal.error(
                "\(configuration?.file ?? RedlineConfiguration.fileName): error: reports: \(problem)"
                    + "\n  fix: correct the reports setting, or give --report options")
            throw ExitCode(ExitStatus.usage)
        }
        return quieted(configured)
    }

    /// SARIF locations and annotations are relative to the repository (`%SRCROOT%`): a record
    /// outside `base` has an absolute `file:` URI, which GitHub cannot place. Says so once.
    private func warnOutsideBase(_ inputs: [AuditInput], base: String) {
        let outside = inputs.filter { $0.path.hasPrefix("/") }
        guard let first = outside.first else { return }
        Terminal.error(
            "redline audit: warning: \(outside.count) of \(inputs.count) records are outside "
                + "\(OutputEscaping.terminal(base)) (e.g. \(OutputEscaping.terminal(first.path))); "
                + "GitHub cannot place their code-scanning results or annotations (absolute file: URIs and paths)"
                + "\n  fix: run redline from the repository root, or pass --base with the folder the records are in")
    }

    /// The waivers file's waivers, or none; exits with the bad-rules status when it is invalid.
    private func loadWaivers(_ waivers: String?, for ruleSet: RuleSet) throws -> WaiverSet {
        guard let waivers else { return .none }
        do {
            return try WaiversLoader.load(path: waivers, ruleSet: ruleSet)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(ExitStatus.badRules)
        }
    }

    /// The paths, with `-` replaced by the non-empty lines of standard input.
    /// The paths to audit: the arguments, with `-` replaced by the paths on standard input (one per
    /// line, or NUL-separated with `-0`). A NUL in a line-separated list is an input error: the list
    /// came from `find -print0` and would be read as one joined name.
    private func arguments() throws -> [String] {
        var result: [String] = []
        for path in paths {
            guard path == "-" else {
                result.append(path)
                continue
            }
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            if !null, bytes.contains(0) {
                Terminal.error(
                    "redline audit: the path list on standard input contains a NUL byte (as find -print0 writes)"
                        + "\n  fix: add -0 (--null) to read NUL-separated paths, or list one path per line")
                throw ExitCode(ExitStatus.inputError)
            }
            let separator = null ? UInt8(0) : UInt8(ascii: "\n")
            for part in bytes.split(separator: separator, omittingEmptySubsequences: true) {
                var name = FileSystemPath.decode(part)
                if !null, name.hasSuffix("\r") { name.removeLast() }
                if !name.isEmpty { result.append(name) }
            }
        }
        return result
    }

    /// Runs the audit into the reports, with progress on standard error; an interrupted or
    /// failed run removes every report file and exits.
    private func audit(
        _ inputs: [AuditInput], requests: [ReportRequest], with auditor: Auditor, to destinations: ReportDestinations,
        trap: SignalTrap
    ) throws -> Auditor.Outcome {
        let reporters: [any AuditReporter]
        do {
            reporters = try destinations.reporters(
                for: requests, command: .audit, namedTemporaryFiles: namedTemporaryFiles,
                shouldStop: { trap.caught != 0 })
        } catch {
            destinations.discard()
            if trap.caught != 0 {
                throw interrupted(after: 0, of: inputs.count, destinations: destinations, trap: trap)
            }
            Terminal.error("redline audit: \(error)")
            throw ExitCode(ExitStatus.inputError)
        }
        let stdout = destinations.standardOutput
        let progress = ProgressBar(total: quiet ? 0 : inputs.count)
        let outcome: Auditor.Outcome
        do {
            outcome = try auditor.run(
                inputs, reporters: reporters, shouldStop: { trap.caught != 0 || destinations.nothingLeftToWrite },
                progress: { done in progress.update(done, after: { try? stdout.flush() }) })
            progress.clear()
            try stdout.flush()
        } catch {
            progress.clear()
            destinations.discard()
            Terminal.error("redline audit: cannot write a report: \(error); no report file was written")
            throw ExitCode(ExitStatus.inputError)
        }
        guard outcome.completed else {
            if trap.caught != 0 {
                throw interrupted(after: outcome.processed, of: inputs.count, destinations: destinations, trap: trap)
            }
            // Every report went to a stream whose reader has gone: nothing left to write.
            destinations.discard()
            Terminal.error(
                "redline audit: " + destinations.streamFailures.joined(separator: "\nredline audit: ")
                    + "\n  stopped after \(outcome.processed) of \(inputs.count) records: no report was left to write"
                    + "\n  fix: let the reader read to the end, or write the report to a file")
            throw ExitCode(ExitStatus.inputError)
        }
        return outcome
    }

    /// Removes the report files, says what was not written and gives the signal's exit status.
    private func interrupted(
        after processed: Int, of total: Int, destinations: ReportDestinations, trap: SignalTrap
    ) -> ExitCode {
        try? destinations.standardOutput.flush()
        destinations.discard()
        let signal = trap.caught
        var message = "redline audit: interrupted by \(SignalTrap.name(of: signal)) after \(processed) "
        message += "of \(total) records; \(total - processed) records were not audited."
        for line in destinations.unwritten { message += "\n  " + line }
        Terminal.error(message)
        return ExitCode(SignalTrap.exitStatus(for: signal))
    }
}
