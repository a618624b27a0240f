import ArgumentParser
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
            summary, also appended to $GITHUB_STEP_SUMMARY when set). Report files are written \
            atomically. See docs/audit.md.

            --fail-on: never; error (an input could not be evaluated); refuse (also a refuse or \
            revoke verdict); review (also any verdict that is not clean; the default); any-finding \
            (also any finding). Waived findings never count.

            Exit codes: 0 nothing the --fail-on level fails on; 1 the policy failed (a record \
            fails the --fail-on level); 2 an input could not be evaluated (unreadable, not a \
            regular file, symlink loop, malformed, hostile, schema-invalid; outranks 1, not with \
            --fail-on never) or a report could not be written; 3 the rule set or the waivers file \
            is invalid; 64 usage error; 130/143 interrupted by SIGINT/SIGTERM (no report file is \
            left behind that looks complete).
            """
    )

    @Argument(help: ArgumentHelp("Record files, directories (walked for *.xml), or - to read paths from stdin.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var evaluation: EvaluationFlags

    @Option(name: .long, help: ArgumentHelp("Threads to evaluate records on (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A report: text, json[=FILE], sarif=FILE, junit=FILE, github, markdown[=FILE] (repeatable; default text).",
            valueName: "format[=file]"))
    var report: [ReportRequest] = []

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp("When the audit fails: never, error, refuse, review, any-finding.", valueName: "level"))
    var failOn: FailLevel = .review

    @Option(name: .long, help: ArgumentHelp("A waivers file (docs/audit.md).", valueName: "file"))
    var waivers: String?

    @Option(name: .long, help: ArgumentHelp("Directory report paths are relative to (default: the current directory).", valueName: "path"))
    var base: String?

    @Flag(
        name: .long,
        help: "After the reports, print on standard error which rules never fired, never passed or never applied over the batch.")
    var coverage = false

    @Option(name: .customLong("chunk-size"), help: .hidden)
    var chunkSize: Int = 256

    enum FailLevel: String, ExpressibleByArgument, CaseIterable {
        case never, error, refuse, review
        case anyFinding = "any-finding"

        var level: AuditFailLevel { AuditFailLevel(rawValue: rawValue) ?? .review }
    }

    func validate() throws {
        guard !paths.isEmpty else {
            throw ValidationError("Please give at least one path, e.g. redline audit examples/records (or - to read paths from stdin).")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if chunkSize < 1 { throw ValidationError("--chunk-size must be at least 1.") }
        for request in report where !request.toStdout || request.format == .sarif || request.format == .junit {
            if request.format == .sarif || request.format == .junit, request.toStdout {
                throw ValidationError("--report \(request.format.rawValue) needs a file: --report \(request.format.rawValue)=FILE.")
            }
            if request.format == .text || request.format == .github {
                throw ValidationError("--report \(request.format.rawValue) writes to standard output; it takes no file.")
            }
        }
        let stdoutReports = report.filter(\.toStdout)
        if stdoutReports.contains(where: { $0.format == .json || $0.format == .markdown }), stdoutReports.count > 1 {
            throw ValidationError(
                "--report json or markdown on standard output cannot be combined with another report on standard output; give it a file (json=FILE)."
            )
        }
        let files = report.compactMap { $0.toStdout ? nil : $0.file }
        if Set(files).count != files.count { throw ValidationError("two --report options name the same file.") }
    }

    func run() throws {
        let ruleSet = try evaluation.loadRuleSet()
        let engine = Engine(ruleSet: ruleSet)
        let profile: String
        do {
            profile = try engine.resolveProfile(evaluation.profile)
        } catch {
            throw ValidationError("\(error.message); \(error.suggestion ?? "")")
        }
        var waiverSet = WaiverSet.none
        if let waivers {
            do {
                waiverSet = try WaiversLoader.load(path: waivers, ruleSet: ruleSet)
            } catch {
                Terminal.error(error.description)
                throw ExitCode(ExitStatus.badRules)
            }
        }
        var arguments: [String] = []
        for path in paths {
            if path == "-" {
                while let line = readLine(strippingNewline: true) {
                    if !line.isEmpty { arguments.append(line) }
                }
            } else {
                arguments.append(path)
            }
        }
        let inputs = InputCollector(base: base).collect(arguments)
        let options = EvaluationOptions(asOf: evaluation.date, profile: profile, limits: evaluation.limits)

        // Before any report file exists: from here on SIGINT/SIGTERM only set a flag.
        let trap = SignalTrap()

        // Sinks and reporters.
        let stdout = StandardOutputSink()
        var files: [(AtomicFileSink, String)] = []
        var reporters: [any AuditReporter] = []
        var stepSummary: (DescriptorSink & SpillSink, String)?
        func discardAll() { for (file, _) in files { file.discard() } }
        do {
            for request in report.isEmpty ? [ReportRequest(argument: "text")!] : report {
                let sink: DescriptorSink
                if request.toStdout {
                    sink = stdout
                } else {
                    let file = try AtomicFileSink(target: request.file ?? "")
                    files.append((file, "\(request.format.rawValue) report \(request.file ?? "")"))
                    sink = file
                }
                switch request.format {
                case .text: reporters.append(AuditTextReporter(sink: sink, colour: Terminal.colourAllowed(fileDescriptor: 1)))
                case .json: reporters.append(AuditJSONReporter(sink: sink))
                case .sarif: reporters.append(SARIFReporter(sink: sink, artifacts: try TemporarySpill(near: request.file)))
                case .junit: reporters.append(JUnitReporter(sink: sink))
                case .github: reporters.append(GitHubAnnotationsReporter(sink: sink))
                case .markdown:
                    reporters.append(
                        MarkdownReporter(
                            sink: sink, findings: try TemporarySpill(near: request.file), records: try TemporarySpill(near: request.file)))
                    if stepSummary == nil, let path = getenv("GITHUB_STEP_SUMMARY").map({ String(cString: $0) }), !path.isEmpty {
                        let spill = try TemporarySpill(near: nil)
                        stepSummary = (spill, path)
                        reporters.append(
                            MarkdownReporter(
                                sink: spill, findings: try TemporarySpill(near: nil), records: try TemporarySpill(near: nil),
                                byteLimit: 900_000))
                    }
                }
            }
        } catch {
            discardAll()
            Terminal.error("redline audit: \(error)")
            throw ExitCode(ExitStatus.inputError)
        }

        let progress = ProgressBar(total: inputs.count)
        let auditor = Auditor(engine: engine, options: options, waivers: waiverSet, jobs: jobs ?? Redline.coreCount, chunkSize: chunkSize)
        let outcome: Auditor.Outcome
        do {
            outcome = try auditor.run(
                inputs, reporters: reporters, shouldStop: { trap.caught != 0 },
                progress: { done in
                    progress.update(done)
                    try? stdout.flush()
                })
            progress.clear()
            try stdout.flush()
        } catch {
            progress.clear()
            discardAll()
            Terminal.error("redline audit: cannot write a report: \(error); no report file was written")
            throw ExitCode(ExitStatus.inputError)
        }
        if !outcome.completed {
            try? stdout.flush()
            discardAll()
            let signal = trap.caught
            var message =
                "redline audit: interrupted by \(SignalTrap.name(of: signal)) after \(outcome.processed) of \(inputs.count) records; \(inputs.count - outcome.processed) records were not audited."
            for (_, name) in files { message += "\n  not written: \(name) (temporary file removed; any existing file left unchanged)" }
            if report.isEmpty || report.contains(where: \.toStdout) { message += "\n  standard output is incomplete (no summary)" }
            if stepSummary != nil { message += "\n  nothing appended to $GITHUB_STEP_SUMMARY" }
            Terminal.error(message)
            throw ExitCode(SignalTrap.exitStatus(for: signal))
        }
        trap.release()
        do {
            for (file, _) in files { try file.commit() }
        } catch {
            discardAll()
            Terminal.error("redline audit: \(error)")
            throw ExitCode(ExitStatus.inputError)
        }
        if let (spill, path) = stepSummary {
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
            if descriptor >= 0 {
                let target = DescriptorSink(descriptor: descriptor)
                try? spill.replay(into: target)
                try? target.flush()
                close(descriptor)
            } else {
                Terminal.error("redline audit: cannot append to $GITHUB_STEP_SUMMARY (\(path)): \(String(cString: strerror(errno)))")
            }
        }
        if coverage { Terminal.error(RuleCoverageRenderer().render(outcome.coverage)) }
        switch failOn.level.outcome(of: outcome.summary) {
        case .pass: return
        case .policyFailed: throw ExitCode(ExitStatus.notClean)
        case .inputError: throw ExitCode(ExitStatus.inputError)
        }
    }
}
