import Foundation
import RedlineTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `redline audit` run as a process: exit codes, report files, stdin, signals, the job summary.
struct AuditCommandTests {
    static let corpus = "Tests/Fixtures/audit"

    static func folder() throws -> String {
        try TemporaryFolder.make("redline-audit-cli").path
    }

    struct ExitCase: Sendable, CustomTestStringConvertible {
        let paths: [String]
        let failOn: String
        let status: Int32
        var testDescription: String { "\(paths.joined(separator: " ")) --fail-on \(failOn) → \(status)" }
    }

    static let valid = "Tests/Fixtures/audit/valid"
    static let review = "Tests/Fixtures/audit/failing/intra-eu-review.xml"
    static let revoke = "Tests/Fixtures/audit/failing/nso-revoke.xml"
    static let broken = "Tests/Fixtures/audit/broken/empty.xml"

    @Test(arguments: [
        ExitCase(paths: [valid], failOn: "any-finding", status: 0),
        ExitCase(paths: [valid, review], failOn: "review", status: 1),
        ExitCase(paths: [valid, review], failOn: "refuse", status: 0),
        ExitCase(paths: [valid, revoke], failOn: "refuse", status: 1),
        ExitCase(paths: [valid, review], failOn: "error", status: 0),
        ExitCase(paths: [valid, review, broken], failOn: "error", status: 2),
        ExitCase(paths: [revoke, broken], failOn: "review", status: 2),
        ExitCase(paths: [revoke, broken], failOn: "never", status: 0),
        ExitCase(paths: [corpus], failOn: "review", status: 2),
    ])
    func exitStatusFollowsFailOn(_ item: ExitCase) throws {
        let result = try CLIRunner.run(["audit"] + item.paths + ["--as-of", "2024-04-01", "--fail-on", item.failOn])
        #expect(result.status == item.status, "\(result.stderr)")
    }

    @Test func reportsAreWrittenAtomicallyAndOnlyTheReportsAreLeft() throws {
        let out = try Self.folder()
        let result = try CLIRunner.run(
            [
                "audit", Self.corpus, "--as-of", "2024-04-01", "--report", "sarif=\(out)/r.sarif", "--report",
                "junit=\(out)/r.junit.xml",
                "--report", "json=\(out)/r.json", "--report", "markdown=\(out)/r.md", "--report", "github",
                "--waivers", "Tests/Fixtures/waivers/waivers.xml", "--jobs", "2",
            ], environment: ["GITHUB_STEP_SUMMARY": ""])
        #expect(result.status == 2)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
                "r.json", "r.junit.xml", "r.md", "r.sarif",
            ])
        #expect(result.stdout.contains("::error file=Tests/Fixtures/audit/broken/binary.xml,line=3,"))
        // The CLI's reports are the golden ones: same bytes as the in-process reporters.
        for (file, golden) in [
            ("r.sarif", "audit.sarif"), ("r.junit.xml", "audit.junit.xml"), ("r.json", "audit.json"),
            ("r.md", "audit.md"),
        ] {
            let written = try String(contentsOfFile: "\(out)/\(file)", encoding: .utf8)
            try GoldenFile("Tests/Fixtures/golden/\(golden)").expectMatches(written)
        }
    }

    /// An audit that finds no record is an input error, never a clean pass: an empty argument,
    /// an empty path list on stdin, a folder without `*.xml`.
    @Test(arguments: [
        (["audit", ""], ""), (["audit", "-"], ""), (["audit", "-"], "\n\n"), (["audit", "<empty folder>"], ""),
    ])
    func anAuditWithNoRecordsIsAnInputError(_ arguments: [String], _ stdin: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "not a record".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let paths = arguments.map { $0 == "<empty folder>" ? folder.path : $0 }
        let result = try CLIRunner.run(paths + ["--as-of", "2024-04-01"], stdin: stdin)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no licence records found"))
        #expect(result.stdout.isEmpty)
    }

    /// `find -print0 | redline audit -0 -` reads NUL-separated paths; without `-0` a NUL in the
    /// list is an input error, not one joined name.
    @Test func nulSeparatedPathsNeedTheNullFlag() throws {
        let list = "\(Self.review)\u{0}\(Self.valid)/approve.xml\u{0}"
        let refused = try CLIRunner.run(["audit", "-", "--as-of", "2024-04-01"], stdin: list)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("NUL byte"))
        let read = try CLIRunner.run(["audit", "-0", "-", "--as-of", "2024-04-01", "--report", "github"], stdin: list)
        #expect(read.status == 1)
        let lines = read.stdout.split(separator: "\n").filter { $0.hasPrefix("redline: Tests/") }
        #expect(lines == ["redline: \(Self.review): review", "redline: \(Self.valid)/approve.xml: approve"])
    }

    @Test func pathsCanComeFromStandardInput() throws {
        let result = try CLIRunner.run(
            ["audit", "-", "--as-of", "2024-04-01", "--report", "github"],
            stdin: "\(Self.review)\n\n\(Self.valid)/approve.xml\n")
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("redline: Tests/") }
        #expect(
            lines == ["redline: \(Self.review): review", "redline: \(Self.valid)/approve.xml: approve"],
            "sorted by path")
    }

    @Test func pathsAreRelativeToTheBase() throws {
        let result = try CLIRunner.run([
            "audit", Self.valid, "--as-of", "2024-04-01", "--base", "Tests/Fixtures", "--report", "github",
        ])
        #expect(result.stdout.contains("redline: audit/valid/approve.xml: approve"))
    }

    @Test func anExplicitFIFODoesNotHang() throws {
        let folder = try Self.folder()
        #expect(mkfifo(folder + "/pipe.xml", 0o644) == 0)
        let result = try CLIRunner.run(["audit", folder + "/pipe.xml", "--as-of", "2024-04-01"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("not a regular file"))
    }

    /// An unreadable file and an unreadable directory (chmod 000) among readable records, in one
    /// audit with every report: the two are error entries, exactly once in each report, and every
    /// other record is still evaluated. Root reads through permission bits, so as root redline
    /// runs under `setpriv --inh-caps=-all --bounding-set=-all` (util-linux, in every Debian):
    /// still uid 0, owner of the report folder, but without CAP_DAC_OVERRIDE and
    /// CAP_DAC_READ_SEARCH the mode-000 file and directory are really unreadable to it.
    @Test(.timeLimit(.minutes(2)))
    func unreadableFileAndDirectoryAreReportedOnceInEveryReport() throws {
        let folder = try Self.folder()
        let records = folder + "/records"
        try FileManager.default.createDirectory(atPath: records + "/locked", withIntermediateDirectories: true)
        let record = try Data(
            contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(
                "examples/records/approve-lawful-interception.xml"))
        for name in ["a.xml", "secret.xml", "z.xml", "locked/inner.xml"] {
            #expect(FileManager.default.createFile(atPath: records + "/" + name, contents: record))
        }
        #expect(chmod(records + "/secret.xml", 0) == 0)
        #expect(chmod(records + "/locked", 0) == 0)
        defer { chmod(records + "/locked", 0o755) }
        let prefix = getuid() == 0 ? ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--"] : []
        let out = folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let measured = try CLIRunner.runMeasured(
            [
                "audit", records, "--base", folder, "--as-of", "2024-04-01", "--jobs", "2", "--report", "text",
                "--report", "github",
                "--report", "json=\(out)/r.json", "--report", "sarif=\(out)/r.sarif", "--report",
                "junit=\(out)/r.junit.xml",
                "--report", "markdown=\(out)/r.md",
            ], prefix: prefix, environment: ["GITHUB_STEP_SUMMARY": ""])
        let stdout = measured.result.stdout
        #expect(measured.result.status == 2, "an input could not be evaluated: \(measured.result.stderr)")
        let bad = [
            "records/locked": "cannot read directory: Permission denied",
            "records/secret.xml": "cannot open file: Permission denied",
        ]
        let good = ["records/a.xml", "records/z.xml"]
        func count(_ text: String, _ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }
        // text and github annotations (standard output)
        for (path, message) in bad {
            #expect(count(stdout, "\n\(path): ERROR unreadable: \(message)\n") == 1, "\(path) in text: \(stdout)")
            #expect(count(stdout, "::error file=\(path),") == 1, "\(path) in github")
        }
        for path in good { #expect(count(stdout, "\n\(path): APPROVE ") == 1, "\(path) evaluated: \(stdout)") }
        #expect(!stdout.contains("inner.xml"), "nothing is read from the unreadable directory")
        // JSON
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/r.json")))
            as? [String: Any]
        let entries = try #require(json?["records"] as? [[String: Any]])
        #expect(
            entries.compactMap { $0["file"] as? String } == [
                "records/a.xml", "records/locked", "records/secret.xml", "records/z.xml",
            ])
        for entry in entries {
            let file = entry["file"] as? String ?? ""
            if bad[file] != nil {
                #expect((entry["error"] as? [String: Any])?["code"] as? String == "unreadable", "\(file)")
            } else {
                #expect(entry["verdict"] as? String == "approve", "\(file)")
            }
        }
        // SARIF: one result per unreadable input
        let sarif =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/r.sarif")))
            as? [String: Any]
        let results = try #require(((sarif?["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        let uris = results.compactMap { result -> String? in
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            return (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        for path in bad.keys { #expect(uris.filter { $0 == path }.count == 1, "\(path) in SARIF: \(uris)") }
        // JUnit and Markdown
        let junit = try String(contentsOfFile: out + "/r.junit.xml", encoding: .utf8)
        let markdown = try String(contentsOfFile: out + "/r.md", encoding: .utf8)
        for path in bad.keys {
            #expect(count(junit, "<testsuite name=\"\(path)\" ") == 1, "\(path) in JUnit")
            #expect(
                count(junit, "<error type=\"unreadable\" message=\"\(bad[path]!)\">\(path):") == 1, "\(path) in JUnit")
            #expect(count(markdown, "- `\(path)`: **error** (unreadable)") == 1, "\(path) in Markdown: \(markdown)")
        }
        for path in good { #expect(count(junit, "<testsuite name=\"\(path)\" ") == 1, "\(path) in JUnit") }
    }

    @Test func theJobSummaryIsAppended() throws {
        let folder = try Self.folder()
        let summary = folder + "/step-summary.md"
        try "previous step\n".write(toFile: summary, atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(
            ["audit", Self.valid, "--as-of", "2024-04-01", "--report", "markdown=\(folder)/r.md", "--report", "text"],
            environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "no progress bar when standard error is not a terminal")
        let text = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(text.hasPrefix("previous step\n## redline audit: 1 record(s), 0 not clean, 0 input error(s)"))
        #expect(text.contains("| Verdict | Records |"))
    }

    @Test func badWaiversExitThreeWithFileLineColumn() throws {
        let result = try CLIRunner.run(["audit", Self.valid, "--waivers", "Tests/Fixtures/waivers/unknown-rule.xml"])
        #expect(result.status == 3)
        #expect(
            result.stderr.contains(
                "Tests/Fixtures/waivers/unknown-rule.xml:3:5: error: waiver 'W-1' is for rule 'NO-SUCH-RULE'"))
    }

    @Test(arguments: [
        ["audit"], ["audit", "x", "--report", "sarif"], ["audit", "x", "--report", "pdf"],
        ["audit", "x", "--fail-on", "sometimes"],
        ["audit", "x", "--report", "json", "--report", "text"], ["audit", "x", "--jobs", "0"],
        ["audit", "x", "--report", "text=out.txt"],
    ])
    func usageErrorsExit64(_ arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
    }

    @Test func helpDocumentsTheExitCodes() throws {
        let result = try CLIRunner.run(["audit", "--help"])
        #expect(result.stdout.contains("Exit codes: 0"))
        #expect(result.stdout.contains("130/143"))
        #expect(result.stdout.contains("any-finding"))
    }

    @Test(arguments: [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")])
    func anInterruptedAuditLeavesNoReportThatLooksComplete(_ signal: Int32, _ name: String) throws {
        let folder = try Self.folder()
        let record = try String(
            contentsOfFile: CLIRunner.repositoryRoot.appendingPathComponent(Self.review).path, encoding: .utf8)
        for index in 0..<3000 {
            try record.write(toFile: "\(folder)/r\(index).xml", atomically: false, encoding: .utf8)
        }
        let out = try Self.folder()
        try "old report\n".write(toFile: "\(out)/r.sarif", atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = [
            "audit", folder, "--as-of", "2024-04-01", "--jobs", "1", "--chunk-size", "1", "--report",
            "sarif=\(out)/r.sarif", "--report",
            "junit=\(out)/r.junit.xml",
        ]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until the audit has started writing (it has its temporary reports open: unlinked ones,
        // so they are seen in /proc/PID/fd, not in the folder), then interrupt it.
        var started = false
        for _ in 0..<2000 where !started {
            started = ReportTargetTests.hasOpened(process.processIdentifier, into: out)
            if !started { usleep(5000) }
        }
        #expect(started)
        kill(process.processIdentifier, signal)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal, "\(stderr)")
        #expect(stderr.contains("interrupted by \(name) after"))
        #expect(stderr.contains("not written: sarif report \(out)/r.sarif"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out) == ["r.sarif"],
            "temporary files removed, no junit report")
        #expect(
            try String(contentsOfFile: "\(out)/r.sarif", encoding: .utf8) == "old report\n",
            "an existing report is left unchanged")
    }

    @Test func coverageGoesToStandardErrorAndLeavesTheReportsAlone() throws {
        let plain = try CLIRunner.run(["audit", "examples/records", "--as-of", "2024-04-01"])
        let covered = try CLIRunner.run(["audit", "examples/records", "--as-of", "2024-04-01", "--coverage"])
        #expect(covered.status == plain.status)
        #expect(covered.stdout == plain.stdout)
        #expect(!plain.stderr.contains("rule coverage"))
        let lines = covered.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.first?.hasPrefix("rule coverage over ") == true
                && lines.first?.hasSuffix(" evaluated records:") == true)
        #expect(lines.contains { $0.hasPrefix("  never fired (") && $0.contains("MORATORIUM-001") })
        #expect(lines.contains { $0.hasPrefix("  never applied (") && $0.contains("MORATORIUM-001") })
        #expect(lines.contains { $0.hasPrefix("  NSO-001 ") && !$0.contains("fired 0 ") })
    }
}
