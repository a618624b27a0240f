import Foundation
import RedlineTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Where `redline audit` writes its reports (issue 13; docs/security.md, guarantee 9): only a
/// regular file is ever replaced, a FIFO or a character device is written to, a symbolic link is
/// refused; every target is checked before anything is evaluated; one file under two spellings is
/// a usage error; a reader that goes away does not kill the audit; a killed audit leaves no
/// temporary file. None of these tests replaces anything outside its own temporary folder: the
/// one that writes to `/dev/null` first shows, on a private device node or a FIFO, that the
/// binary writes to special files rather than renaming over them.
struct ReportTargetTests {
    static let valid = "Tests/Fixtures/audit/valid"
    static let audit = ["audit", valid, "--as-of", "2024-04-01"]

    static func folder() throws -> String { try TemporaryFolder.make("redline-report-targets").path }

    /// The type bits of what `path` names (not following a link), nil when nothing is there.
    static func type(of path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    static func contents(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The JSON report of `valid`, written to a regular file: what every stream must receive.
    static func referenceJSON() throws -> String {
        let folder = try folder()
        let result = try CLIRunner.run(audit + ["--report", "json=\(folder)/reference.json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try read(folder + "/reference.json")
    }

    /// Starts `cat FIFO > file`, the FIFO's reader.
    static func reader(of fifo: String, into file: String) throws -> Process {
        #expect(FileManager.default.createFile(atPath: file, contents: nil))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/cat")
        process.arguments = [fifo]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try process.run()
        return process
    }

    /// Waits up to `seconds` for `process` to exit; kills it (SIGKILL: it is ours, and a reader
    /// blocked on a FIFO that was replaced may not be reached by SIGTERM) if it does not.
    static func finished(_ process: Process, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }

    /// Whether process `pid` has a descriptor open on a file in `folder` (a report's temporary
    /// file, named or unlinked: `/proc/PID/fd/N` links to `folder/NAME` or `folder/#INODE (deleted)`).
    static func hasOpened(_ pid: Int32, into folder: String) -> Bool {
        let descriptors = "/proc/\(pid)/fd"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: descriptors)) ?? []
        return entries.contains { entry in
            let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(descriptors)/\(entry)")) ?? ""
            return link.hasPrefix(folder + "/")
        }
    }

    /// Writes the JSON report to a FIFO that `cat` reads: what the reader gets is the report, and the
    /// FIFO is still a FIFO. False when this binary replaced the FIFO instead.
    static func writesToAFIFO() throws -> Bool {
        let folder = try folder()
        let fifo = folder + "/report.fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        let cat = try reader(of: fifo, into: folder + "/read.json")
        let result = try CLIRunner.run(audit + ["--report", "json=\(fifo)"])
        let done = finished(cat, within: 30)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(type(of: fifo) == S_IFIFO, "the FIFO is still a FIFO")
        #expect(done, "the reader saw the end of the report")
        #expect(try read(folder + "/read.json") == referenceJSON(), "the reader got the whole report")
        #expect(try contents(folder) == ["read.json", "report.fifo"], "no temporary file beside the FIFO")
        return type(of: fifo) == S_IFIFO && done
    }

    /// Whether this binary refuses a symbolic link in a temporary folder (rather than renaming over
    /// it): the tests that name `/dev/stdout`, itself a link, run only when it does.
    static func leavesLinksAlone() throws -> Bool {
        let folder = try folder()
        #expect(symlink("elsewhere.json", folder + "/link.json") == 0)
        let result = try CLIRunner.run(audit + ["--report", "json=\(folder)/link.json"])
        return result.status == 2 && type(of: folder + "/link.json") == S_IFLNK
    }

    // MARK: - Item 1: a target that is not a regular file

    @Test(.timeLimit(.minutes(2)))
    func aFIFOIsWrittenToNotReplaced() throws {
        _ = try Self.writesToAFIFO()
    }

    /// A FIFO nobody reads: the audit waits for a reader (saying so) and SIGINT still stops it.
    @Test(.timeLimit(.minutes(2)))
    func waitingForTheReaderOfAFIFOCanBeInterrupted() throws {
        let folder = try Self.folder()
        let fifo = folder + "/report.fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        try "old report\n".write(toFile: folder + "/r.sarif", atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.currentDirectoryURL = CLIRunner.repositoryRoot
        process.arguments = Self.audit + ["--report", "sarif=\(folder)/r.sarif", "--report", "json=\(fifo)"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait for the note (printed after a second of waiting; later on a loaded machine), then
        // interrupt.
        var seen = Data()
        let note = "waiting for a process to read the FIFO \(fifo)"
        let started = ContinuousClock.now
        while !String(decoding: seen, as: UTF8.self).contains(note), ContinuousClock.now - started < .seconds(60) {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: seen + err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains(note))
        #expect(Self.type(of: fifo) == S_IFIFO)
        #expect(try Self.contents(folder) == ["r.sarif", "report.fifo"])
        #expect(try Self.read(folder + "/r.sarif") == "old report\n")
    }

    /// A character device is written to: first a private node of the null device in a temporary
    /// folder (as root), then, only if that node is still a device, `/dev/null` itself.
    @Test(.timeLimit(.minutes(2)))
    func aCharacterDeviceIsWrittenToNotReplaced() throws {
        let folder = try Self.folder()
        let node = folder + "/null"
        if mknod(node, S_IFCHR | 0o666, dev_t(0x103)) == 0 {
            let result = try CLIRunner.run(Self.audit + ["--report", "json=\(node)", "--report", "text"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("redline audit: 1 input(s)"), "the other reports are written")
            #expect(Self.type(of: node) == S_IFCHR, "the device node is still a device node")
            #expect(try Self.contents(folder) == ["null"], "no temporary file beside it")
            try #require(Self.type(of: node) == S_IFCHR, "this binary replaces devices: /dev/null is not tried")
        } else if getuid() == 0 {
            // Root without CAP_MKNOD: a FIFO shows that this binary writes to special files.
            try #require(try Self.writesToAFIFO(), "this binary replaces FIFOs: /dev/null is not tried")
        }
        var before = stat()
        #expect(stat("/dev/null", &before) == 0)
        let result = try CLIRunner.run(Self.audit + ["--report", "json=/dev/null"])
        #expect(result.status == 0, "\(result.stderr)")
        var after = stat()
        #expect(lstat("/dev/null", &after) == 0)
        #expect(after.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a character device")
        #expect(after.st_rdev == 0x103 && after.st_ino == before.st_ino, "and still the same one")
        #expect(try !Self.contents("/dev").contains { $0.hasPrefix(".null.redline-") })
    }

    /// A symbolic link is not followed: refused, with the file it points to as the fix, and left as
    /// it is. The kernel's links to this process's descriptors are the exception.
    @Test func aSymbolicLinkIsRefusedAndLeftAsItIs() throws {
        let folder = try Self.folder()
        let link = folder + "/link.json"
        try "old\n".write(toFile: folder + "/real.json", atomically: false, encoding: .utf8)
        #expect(symlink("real.json", link) == 0)
        let result = try CLIRunner.run(Self.audit + ["--report", "text", "--report", "json=\(link)"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(link) is a symbolic link (to real.json)"), "\(result.stderr)")
        #expect(result.stderr.contains("fix: give the file it points to instead (\(folder)/real.json)"))
        #expect(result.stdout.isEmpty, "refused before anything was evaluated")
        #expect(Self.type(of: link) == S_IFLNK, "the link is still a link")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.json")
        #expect(try Self.read(folder + "/real.json") == "old\n")
        #expect(try Self.contents(folder) == ["link.json", "real.json"])
        // Only with a binary that leaves links alone: /dev/stdout is a link too.
        try #require(Self.type(of: link) == S_IFLNK)
        let stdout = try CLIRunner.run(Self.audit + ["--report", "json=/dev/stdout"])
        #expect(stdout.status == 0, "\(stdout.stderr)")
        #expect(stdout.stdout == (try Self.referenceJSON()), "/dev/stdout is written to, as descriptor 1")
    }

    // MARK: - Item 15: every target is checked before anything is evaluated

    @Test func everyTargetIsCheckedBeforeAnythingIsEvaluatedOrReplaced() throws {
        let folder = try Self.folder()
        try "old\n".write(toFile: folder + "/a.json", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/dir", withIntermediateDirectories: false)
        let result = try CLIRunner.run(
            Self.audit + [
                "--report", "text", "--report", "json=\(folder)/a.json", "--report", "sarif=\(folder)/dir",
                "--report", "junit=\(folder)/missing/r.junit.xml",
            ])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "nothing was evaluated: \(result.stdout)")
        #expect(try Self.read(folder + "/a.json") == "old\n", "the earlier report's file is unchanged")
        #expect(try Self.contents(folder) == ["a.json", "dir"], "no temporary file")
        #expect(try Self.contents(folder + "/dir").isEmpty)
        let stderr = result.stderr
        #expect(stderr.contains("nothing was evaluated and no file was changed"), "\(stderr)")
        #expect(stderr.contains("--report sarif=\(folder)/dir: \(folder)/dir is a directory, not a file"))
        #expect(stderr.contains("fix: name a file in it: \(folder)/dir/redline.sarif"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/missing"), "no folder is created either")
    }

    // MARK: - Report folders are created

    @Test func missingReportFoldersAreCreatedWithTheReports() throws {
        let folder = try Self.folder()
        let result = try CLIRunner.run(
            Self.audit + [
                "--report", "sarif=\(folder)/reports/2024/redline.sarif", "--report", "junit=\(folder)/j/r.xml",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.contents(folder) == ["j", "reports"])
        #expect(try Self.contents(folder + "/reports/2024") == ["redline.sarif"])
        #expect(try Self.read(folder + "/reports/2024/redline.sarif").contains("\"version\": \"2.1.0\""))
        #expect(try Self.contents(folder + "/j") == ["r.xml"])
    }

    @Test func aReportPathThroughAFileIsRefused() throws {
        let folder = try Self.folder()
        try "old\n".write(toFile: folder + "/a.json", atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(Self.audit + ["--report", "junit=\(folder)/a.json/sub/r.junit.xml"])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "the path \(folder)/a.json/sub (of \(folder)/a.json/sub/r.junit.xml) goes through \(folder)/a.json, "
                    + "a file, not a folder"),
            "\(result.stderr)")
        #expect(try Self.contents(folder) == ["a.json"])
    }

    // MARK: - Item 12: one file under two spellings

    /// `CLIRunner` runs in the repository root: `path` (absolute) relative to it.
    static func relativeToRepository(_ path: String) -> String {
        let root = CLIRunner.repositoryRoot.resolvingSymlinksInPath().path
        let depth = root.split(separator: "/").count
        return String(repeating: "../", count: depth) + path.drop { $0 == "/" }
    }

    @Test(arguments: ["./x", "//x", "sub/../x", "relative", "linked folder", "hard link", "symbolic link"])
    func oneFileUnderTwoSpellingsIsAUsageError(_ spelling: String) throws {
        let folder = try Self.folder()
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: false)
        #expect(symlink(folder, folder + "/linked") == 0)
        var first = folder + "/x"
        let second: String
        switch spelling {
        case "relative": second = Self.relativeToRepository(first)
        case "linked folder": second = folder + "/linked/x"
        case "hard link", "symbolic link":
            first = folder + "/f"
            try "old\n".write(toFile: first, atomically: false, encoding: .utf8)
            second = folder + "/other"
            #expect((spelling == "hard link" ? link(first, second) : symlink("f", second)) == 0)
        default: second = folder + "/" + spelling
        }
        let before = try Self.contents(folder)
        let result = try CLIRunner.run(
            Self.audit + ["--report", "json=\(first)", "--report", "junit=\(second)", "--report", "text"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(
            result.stderr.contains("--report junit=\(second) names the same file as --report json=\(first)"),
            "\(result.stderr)")
        #expect(result.stderr.contains("Give each report its own file."))
        #expect(result.stdout.isEmpty)
        #expect(try Self.contents(folder) == before, "nothing written")
        if spelling == "hard link" || spelling == "symbolic link" { #expect(try Self.read(first) == "old\n") }
    }

    /// A report file that is also standard output, while another report writes there.
    @Test func aReportFileThatIsStandardOutputIsAUsageError() throws {
        try #require(try Self.leavesLinksAlone(), "this binary replaces links: /dev/stdout is not tried")
        let result = try CLIRunner.run(Self.audit + ["--report", "text", "--report", "json=/dev/stdout"])
        #expect(result.status == 64)
        #expect(
            result.stderr.contains("--report json=/dev/stdout names the same file as standard output (--report text)"))
    }

    // MARK: - Item 11: standard output closed early

    struct Closed {
        var status: Int32
        var signalled: Bool
        var stderr: String
    }

    /// Runs redline with standard output a pipe that nobody reads (its read end closed before the
    /// start, so every write fails with EPIPE, or kills with SIGPIPE).
    static func runWithClosedStandardOutput(_ arguments: [String]) throws -> Closed {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        close(ends[0])
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.currentDirectoryURL = CLIRunner.repositoryRoot
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["GITHUB_STEP_SUMMARY"] = ""
        process.environment = environment
        process.standardOutput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: false)
        let err = Pipe()
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        close(ends[1])
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Closed(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, stderr: stderr)
    }

    @Test func aClosedStandardOutputStillWritesTheReportFiles() throws {
        let folder = try Self.folder()
        let run = try Self.runWithClosedStandardOutput(
            Self.audit + ["--report", "text", "--report", "json=\(folder)/r.json", "--report", "github"])
        #expect(!run.signalled && run.status == 2, "exit 2, not death by SIGPIPE (141): \(run.status) \(run.stderr)")
        #expect(run.stderr.contains("standard output is incomplete: its reader closed it early (EPIPE)"))
        #expect(run.stderr.contains("the audit ran to the end; written: json report \(folder)/r.json"))
        #expect(try Self.read(folder + "/r.json") == Self.referenceJSON(), "the file report is complete")
        #expect(try Self.contents(folder) == ["r.json"], "no temporary file")
    }

    /// With nothing but standard output to write, the audit stops at the next chunk.
    @Test func aClosedStandardOutputWithNothingElseToWriteStopsTheAudit() throws {
        let run = try Self.runWithClosedStandardOutput([
            "audit", "examples/records", "--as-of", "2024-04-01", "--chunk-size", "1", "--jobs", "1",
        ])
        #expect(!run.signalled && run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("standard output is incomplete: its reader closed it early (EPIPE)"))
        #expect(run.stderr.contains("no report was left to write"), "\(run.stderr)")
    }

    @Test func checkWithAClosedStandardOutputExitsTwo() throws {
        let run = try Self.runWithClosedStandardOutput([
            "check", "examples/records/approve-lawful-interception.xml", "--as-of", "2024-04-01",
        ])
        #expect(!run.signalled && run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("redline check: standard output is incomplete: its reader closed it early (EPIPE)"))
    }

    // MARK: - Item 13: SIGKILL leaves no temporary file

    @Test(.timeLimit(.minutes(3)))
    func aKilledAuditLeavesNoTemporaryFile() throws {
        let records = try Self.folder()
        let record = try Self.read(CLIRunner.repositoryRoot.appendingPathComponent(AuditCommandTests.review).path)
        for index in 0..<1500 {
            try record.write(toFile: "\(records)/r\(index).xml", atomically: false, encoding: .utf8)
        }
        let out = try Self.folder()
        try "old report\n".write(toFile: "\(out)/r.json", atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = [
            "audit", records, "--as-of", "2024-04-01", "--jobs", "1", "--chunk-size", "1",
            "--report", "json=\(out)/r.json", "--report", "sarif=\(out)/r.sarif",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var writing = false
        for _ in 0..<2000 where !writing {
            writing = Self.hasOpened(process.processIdentifier, into: out)
            if !writing { usleep(5000) }
        }
        #expect(writing, "the audit opened its report files")
        usleep(300_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try Self.contents(out) == ["r.json"], "no temporary file left")
        #expect(try Self.read("\(out)/r.json") == "old report\n")
    }

    /// What a killed run left where `O_TMPFILE` is not available (or an older redline left):
    /// swept before the report is written, when stale; anything else is left alone.
    @Test func staleTemporaryFilesOfAKilledRunAreSwept() throws {
        let out = try Self.folder()
        let old = Date(timeIntervalSinceNow: -3600)
        let names = [
            ".r.json.redline-Stale1", ".redline-spill-Stale2", ".r.json.redline-Fresh1", ".r.json.redline-Lockd1",
            ".r.json.redline-TooLong1", ".other.json.redline-Stale3",
        ]
        for name in names {
            #expect(FileManager.default.createFile(atPath: "\(out)/\(name)", contents: Data("partial".utf8)))
            if name != ".r.json.redline-Fresh1" {
                try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: "\(out)/\(name)")
            }
        }
        #expect(symlink("/etc/passwd", "\(out)/.r.json.redline-Link01") == 0)
        // A run still writing holds its lock.
        let locked = open("\(out)/.r.json.redline-Lockd1", O_RDONLY)
        defer { close(locked) }
        #expect(flock(locked, LOCK_EX) == 0)
        let result = try CLIRunner.run(Self.audit + ["--report", "json=\(out)/r.json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try Self.contents(out) == [
                ".other.json.redline-Stale3", ".r.json.redline-Fresh1", ".r.json.redline-Link01",
                ".r.json.redline-Lockd1", ".r.json.redline-TooLong1", "r.json",
            ])
        #expect(try Self.read("\(out)/r.json") == Self.referenceJSON())
        #expect(Self.type(of: "/etc/passwd") == S_IFREG)
    }

    /// An existing report is replaced with the same bytes as a new one, through an unlinked
    /// temporary file and through the named fallback for file systems without `O_TMPFILE`, and
    /// nothing else is left.
    @Test(arguments: [false, true])
    func anExistingReportIsReplacedWithTheSameBytes(_ named: Bool) throws {
        let out = try Self.folder()
        try "old\n".write(toFile: "\(out)/r.json", atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(
            Self.audit + (named ? ["--named-temporary-files"] : []) + [
                "--report", "json=\(out)/r.json", "--report", "markdown=\(out)/r.md",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.contents(out) == ["r.json", "r.md"])
        #expect(try Self.read("\(out)/r.json") == Self.referenceJSON())
    }
}
