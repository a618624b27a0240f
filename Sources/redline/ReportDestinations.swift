import RedlineKit

#if canImport(Glibc)
    import Glibc
#endif

/// Where the reports of one run go: standard output, report files written atomically (renamed
/// over their targets only when complete), spill files, and GitHub's job summary, appended to
/// `$GITHUB_STEP_SUMMARY` once everything else is written.
final class ReportDestinations: ReportHost {
    /// Standard output.
    let standardOutput = StandardOutputSink()
    private var files: [(sink: AtomicFileSink, name: String)] = []
    private var usesStandardOutput = false
    private let jobSummaryPath: String?
    private var jobSummarySpill: TemporarySpill?

    /// Destinations; `jobSummaryPath` is the file a Markdown job summary is appended to.
    init(jobSummaryPath: String? = nil) {
        self.jobSummaryPath = jobSummaryPath
    }

    /// `$GITHUB_STEP_SUMMARY`, when it is set and not empty.
    static var gitHubStepSummary: String? {
        guard let value = getenv("GITHUB_STEP_SUMMARY").map({ String(cString: $0) }), !value.isEmpty else { return nil }
        return value
    }

    /// Opens the sink of every request and makes its reporters for `command`.
    func reporters(for requests: [ReportRequest], command: ReportFormat.Command) throws -> [any AuditReporter] {
        var reporters: [any AuditReporter] = []
        for request in requests {
            let sink: DescriptorSink
            if request.toStandardOutput {
                sink = standardOutput
                usesStandardOutput = true
            } else {
                let file = try AtomicFileSink(target: request.file ?? "")
                files.append((file, "\(request.format.name) report \(request.file ?? "")"))
                sink = file
            }
            let colour = request.toStandardOutput && Terminal.colourAllowed(fileDescriptor: 1)
            let output = ReportOutput(sink: sink, file: request.file, colour: colour, host: self)
            reporters += try request.format.reporters(for: command, to: output)
        }
        return reporters
    }

    func spill(near file: String?) throws -> any SpillSink { try TemporarySpill(near: file) }

    func jobSummary() throws -> (any SpillSink)? {
        guard jobSummarySpill == nil, jobSummaryPath != nil else { return nil }
        let spill = try TemporarySpill(near: nil)
        jobSummarySpill = spill
        return spill
    }

    /// Renames every report file over its target.
    func commit() throws {
        for (file, _) in files { try file.commit() }
    }

    /// Removes every temporary report file; the targets are left as they were.
    func discard() {
        for (file, _) in files { file.discard() }
    }

    /// Appends the job summary to its file; an error message when it cannot.
    func appendJobSummary() -> String? {
        guard let spill = jobSummarySpill, let path = jobSummaryPath else { return nil }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else {
            return "cannot append to $GITHUB_STEP_SUMMARY (\(path)): \(String(cString: strerror(errno)))"
        }
        let target = DescriptorSink(descriptor: descriptor)
        try? spill.replay(into: target)
        try? target.flush()
        close(descriptor)
        return nil
    }

    /// What an interruption left unwritten, one line each.
    var unwritten: [String] {
        var lines = files.map { "not written: \($0.name) (temporary file removed; any existing file left unchanged)" }
        if usesStandardOutput { lines.append("standard output is incomplete (no summary)") }
        if jobSummarySpill != nil { lines.append("nothing appended to $GITHUB_STEP_SUMMARY") }
        return lines
    }
}
