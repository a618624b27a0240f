import RedlineKit

#if canImport(Glibc)
    import Glibc
#endif

/// Where the reports of one run go: standard output, report files (``ReportFileSink``: written
/// atomically to a regular file, streamed to a FIFO or a device), spill files, and GitHub's job
/// summary, appended to `$GITHUB_STEP_SUMMARY` once everything else is written.
///
/// The set of report files is all or nothing: every target is checked before anything is
/// created or evaluated (``reporters(for:command:namedTemporaryFiles:shouldStop:)``), and at the
/// end every report is complete and synced and every target checked again before the first is
/// put in place (``commit()``).
final class ReportDestinations: ReportHost {
    /// Standard output.
    let standardOutput = StandardOutputSink()
    private var files: [(sink: ReportFileSink, request: ReportRequest)] = []
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

    /// Two reports that would land in the same file, as a sentence with a fix; nil when there are
    /// none. Paths are compared by what they name (folder and name, or device and inode), not by
    /// spelling: `x`, `./x`, `/abs/x`, a path through a linked folder, a symbolic link to `x` and
    /// a hard link are one file. A report file that is standard output while another report
    /// writes there counts too. The null device takes any number of reports.
    static func sameFileProblem(in requests: [ReportRequest]) -> String? {
        var seen: [ReportTarget.Identity: String] = [:]
        if requests.contains(where: \.toStandardOutput), let output = ReportTarget.identity(ofDescriptor: 1) {
            let names = requests.filter(\.toStandardOutput).map { "--report \($0.format.name)" }
            seen[output] = "standard output (\(names.joined(separator: ", ")))"
        }
        for request in requests where !request.toStandardOutput {
            guard let file = request.file, let identity = ReportTarget.identity(of: file),
                identity != .characterDevice(ReportTarget.nullDeviceNumber)
            else { continue }
            let option = "--report \(request.format.name)=\(file)"
            if let earlier = seen[identity] {
                return "\(option) names the same file as \(earlier); two reports in one file would overwrite each "
                    + "other. Give each report its own file."
            }
            seen[identity] = option
        }
        return nil
    }

    /// A file name to suggest inside a folder given as a report's target.
    private static func suggestion(for format: ReportFormat) -> String {
        switch format.name {
        case "junit": "redline.junit.xml"
        case "markdown": "redline.md"
        default: "redline.\(format.name)"
        }
    }

    /// Checks the target of every request, then opens the sink of each and makes its reporters
    /// for `command`. Nothing is created or opened until every target has passed its check: the
    /// error lists every target that did not, each with its fix. Waiting for the reader of a FIFO
    /// stops when `shouldStop` returns true.
    func reporters(
        for requests: [ReportRequest], command: ReportFormat.Command, namedTemporaryFiles: Bool = false,
        shouldStop: () -> Bool = { false }
    ) throws -> [any AuditReporter] {
        var targets: [ReportTarget?] = []
        var problems: [String] = []
        for request in requests {
            guard !request.toStandardOutput, let file = request.file else {
                targets.append(nil)
                continue
            }
            do {
                targets.append(try ReportTarget.resolve(file, suggestion: Self.suggestion(for: request.format)))
            } catch {
                problems.append("--report \(request.format.name)=\(file): \(error)")
            }
        }
        guard problems.isEmpty else {
            let what = problems.count == 1 ? "a report file cannot be written" : "report files cannot be written"
            throw ReportFileError(
                message: "\(what); nothing was evaluated and no file was changed:\n"
                    + problems.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") }.joined(separator: "\n"))
        }
        for (request, target) in zip(requests, targets) {
            guard let target else { continue }
            do {
                let file = try ReportFileSink(target, namedTemporaryFile: namedTemporaryFiles, shouldStop: shouldStop)
                files.append((file, request))
            } catch {
                discard()
                throw ReportFileError(
                    message: "--report \(request.format.name)=\(target.path): \(error)\n  (nothing was evaluated and "
                        + "no file was changed)")
            }
        }
        var reporters: [any AuditReporter] = []
        for request in requests {
            let sink: DescriptorSink
            if request.toStandardOutput {
                sink = standardOutput
                usesStandardOutput = true
            } else {
                sink = files.first { $0.request == request }!.sink
            }
            let colour = request.toStandardOutput && Terminal.colourAllowed(fileDescriptor: 1)
            let output = ReportOutput(sink: sink, file: request.file, colour: colour, host: self)
            reporters += try request.format.reporters(for: command, to: output)
        }
        return reporters
    }

    /// Spill files go next to an atomic report (its file system); a stream's, in /tmp.
    func spill(near file: String?) throws -> any SpillSink {
        let atomic = files.first { $0.request.file == file }.map(\.sink.target.isAtomic) ?? false
        return try TemporarySpill(near: atomic ? file : nil)
    }

    func jobSummary() throws -> (any SpillSink)? {
        guard jobSummarySpill == nil, jobSummaryPath != nil else { return nil }
        let spill = try TemporarySpill(near: nil)
        jobSummarySpill = spill
        return spill
    }

    /// Puts every report file in place: first every report is written out and synced, and every
    /// target checked again (still nothing there, or a regular file), so that a full disk or a
    /// target replaced meanwhile changes no file; then each is linked or renamed into place.
    /// Streams are flushed; their failures are in ``streamFailures``.
    func commit() throws {
        for (file, _) in files { try file.prepare() }
        for (file, _) in files { try file.verify() }
        var written: [String] = []
        for (file, request) in files {
            do {
                try file.place()
            } catch {
                guard !written.isEmpty else { throw error }
                throw ReportFileError(
                    message: "\(error) (already written: \(written.joined(separator: ", ")))", code: 0)
            }
            if file.target.isAtomic { written.append("\(request.format.name) report \(file.target.path)") }
        }
    }

    /// Removes every temporary report file; the targets are left as they were.
    func discard() {
        for (file, _) in files { file.discard() }
    }

    /// Whether nothing this run writes can still be written: every report goes to a stream whose
    /// reader has gone (`redline audit DIR | head -1`), and there is no job summary.
    var nothingLeftToWrite: Bool {
        // No report at all (--quiet without one): the exit status is the audit's result.
        guard usesStandardOutput || !files.isEmpty else { return false }
        guard jobSummarySpill == nil, !usesStandardOutput || standardOutput.failure != nil else { return false }
        return files.allSatisfy { $0.sink.failure != nil }
    }

    /// The streams (standard output, FIFOs, devices) that could not be written to the end, one
    /// line each: what was not written and why.
    var streamFailures: [String] {
        var lines: [String] = []
        if usesStandardOutput, let failure = standardOutput.failure {
            let reason = failure.code == EPIPE ? "its reader closed it early (EPIPE)" : failure.message
            lines.append("standard output is incomplete: \(reason)")
        }
        for (file, request) in files {
            guard let failure = file.failure else { continue }
            let reason = failure.code == EPIPE ? "its reader closed it early (EPIPE)" : failure.message
            lines.append("\(request.format.name) report \(file.target.path) is incomplete: \(reason)")
        }
        return lines
    }

    /// The report files written, for a message.
    var writtenFiles: [String] {
        files.filter { $0.sink.failure == nil }.map { "\($0.request.format.name) report \($0.sink.target.path)" }
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
        var lines = files.map { file, request in
            let name = "\(request.format.name) report \(file.target.path)"
            return file.target.isAtomic
                ? "not written: \(name) (temporary file removed; any existing file left unchanged)"
                : "incomplete: \(name) (streamed as it was written)"
        }
        if usesStandardOutput { lines.append("standard output is incomplete (no summary)") }
        if jobSummarySpill != nil { lines.append("nothing appended to $GITHUB_STEP_SUMMARY") }
        return lines
    }
}
