import Foundation
import RedlineTestSupport
import Testing

/// `.redline.toml` found from the working folder, `--config`, `--no-config`, options over the
/// file; `--quiet`; `--exclude`; records outside the base in SARIF; the progress bar's line.
@Suite struct ConfigurationCLITests {
    /// A records repository: `.git`, `records/` with an application that the moratorium profile
    /// refuses, `records/drafts/` with a malformed draft, and a `tools/` folder to run from.
    static func repository(config: String?) throws -> URL {
        let root = try TemporaryFolder.make("redline-config-cli")
        let files = FileManager.default
        for folder in [".git", "records/drafts", "tools"] {
            try files.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try files.copyItem(
            at: Repository.root.appendingPathComponent("examples/records/approve-lawful-interception.xml"),
            to: root.appendingPathComponent("records/lawful-interception.xml"))
        try "<licenceRecord".write(
            to: root.appendingPathComponent("records/drafts/unfinished.xml"), atomically: true, encoding: .utf8)
        if let config {
            try config.write(to: root.appendingPathComponent(".redline.toml"), atomically: true, encoding: .utf8)
        }
        return root
    }

    static let settings = """
        profile = "moratorium"
        fail-on = "error"
        exclude = ["drafts"]
        reports = ["junit=reports/redline.junit.xml", "text"]
        """

    @Test func theFileAboveTheWorkingFolderDecidesProfileFailLevelExcludesAndReports() throws {
        let root = try Self.repository(config: Self.settings)
        let result = try CLIRunner.run(
            ["audit", "../records", "--as-of", "2024-04-01"], in: root.appendingPathComponent("tools"))
        #expect(result.status == 0, "fail-on = error: a refusal does not fail; \(result.stderr)")
        #expect(result.stdout.contains("records/lawful-interception.xml: REFUSE"), "\(result.stdout)")
        #expect(result.stdout.contains("profile moratorium"))
        #expect(!result.stdout.contains("unfinished"), "the drafts folder is excluded")
        let junit = try String(
            contentsOf: root.appendingPathComponent("reports/redline.junit.xml"), encoding: .utf8)
        #expect(junit.contains("MORATORIUM-001"), "the report lands relative to the configuration file")
    }

    @Test func optionsWinOverTheFile() throws {
        let root = try Self.repository(config: Self.settings)
        let result = try CLIRunner.run(
            ["audit", "records", "--as-of", "2024-04-01", "--fail-on", "review", "--profile", "due-diligence"],
            in: root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("records/lawful-interception.xml: APPROVE"))
        let failing = try CLIRunner.run(["audit", "records", "--as-of", "2024-04-01", "--fail-on", "review"], in: root)
        #expect(failing.status == 1, "the file's profile refuses, the option's level fails on it")
    }

    @Test func noConfigIgnoresTheFileAndConfigNamesOne() throws {
        let root = try Self.repository(config: Self.settings)
        let plain = try CLIRunner.run(["audit", "records", "--as-of", "2024-04-01", "--no-config"], in: root)
        #expect(plain.status == 2, "the draft is audited and malformed: \(plain.stdout)")
        #expect(plain.stdout.contains("records/drafts/unfinished.xml"))
        let other = root.appendingPathComponent("tools/strict.toml").path
        try "fail-on = \"review\"\nprofile = \"moratorium\"\nexclude = [\"drafts/\"]\n".write(
            toFile: other, atomically: true, encoding: .utf8)
        let named = try CLIRunner.run(
            ["check", "records/lawful-interception.xml", "--as-of", "2024-04-01", "--config", other], in: root)
        #expect(named.status == 1)
        #expect(named.stdout.contains("REFUSE"), "\(named.stdout)")
    }

    @Test func anUnknownSettingIsAUsageErrorWithItsLine() throws {
        let root = try Self.repository(config: "profile = \"moratorium\"\n\nfail_on = \"never\"\n")
        let result = try CLIRunner.run(["check", "records/lawful-interception.xml"], in: root)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.hasPrefix(
                ".redline.toml:3:1: error: unknown setting 'fail_on'\n  fix: did you mean 'fail-on'?"),
            "\(result.stderr)")
    }

    @Test func quietPrintsNothingButKeepsTheExitStatusAndTheReportFiles() throws {
        let root = try Self.repository(config: nil)
        let check = try CLIRunner.run(
            ["check", "-q", "records/lawful-interception.xml", "--as-of", "2024-04-01", "--profile", "moratorium"],
            in: root)
        #expect(check.status == 1)
        #expect(check.stdout.isEmpty && check.stderr.isEmpty, "\(check.stdout)\(check.stderr)")
        let audit = try CLIRunner.run(
            [
                "audit", "--quiet", "records", "--exclude", "drafts", "--as-of", "2024-04-01", "--report",
                "sarif=out/r.sarif",
            ], in: root)
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stdout.isEmpty && audit.stderr.isEmpty, "\(audit.stdout)\(audit.stderr)")
        let sarif = try String(contentsOf: root.appendingPathComponent("out/r.sarif"), encoding: .utf8)
        #expect(sarif.contains("\"uri\": \"records/lawful-interception.xml\""))
        #expect(!sarif.contains("unfinished"), "--exclude drafts")
        let explicit = try CLIRunner.run(
            ["audit", "-q", "records", "--exclude", "drafts", "--as-of", "2024-04-01", "--report", "text"], in: root)
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(explicit.stdout.isEmpty && explicit.stderr.isEmpty, "quiet wins over --report text: \(explicit.stdout)")
        let nothing = try CLIRunner.run(
            ["audit", "-q", "records", "--as-of", "2024-04-01", "--profile", "moratorium"], in: root)
        #expect(nothing.status == 2, "no report at all: the exit status alone (the draft is malformed)")
        #expect(nothing.stdout.isEmpty && nothing.stderr.isEmpty, "\(nothing.stdout)\(nothing.stderr)")
    }

    @Test func recordsOutsideTheBaseGetAbsoluteFileURIsAndAWarning() throws {
        let root = try Self.repository(config: nil)
        let record = root.appendingPathComponent("records/lawful-interception.xml").path
        let sarif = root.appendingPathComponent("r.sarif").path
        let result = try CLIRunner.run(
            ["audit", record, "--as-of", "2024-04-01", "--report", "sarif=\(sarif)", "--fail-on", "never"])
        #expect(result.status == 0)
        #expect(
            result.stderr.contains(
                "redline audit: warning: 1 of 1 records are outside \(CLIRunner.repositoryRoot.path)"),
            "\(result.stderr)")
        #expect(result.stderr.contains("fix: run redline from the repository root, or pass --base"))
        let text = try String(contentsOfFile: sarif, encoding: .utf8)
        #expect(text.contains("\"uri\": \"file://\(record)\""))
        #expect(!text.contains("\"uri\": \"file://\(record)\", \"uriBaseId\""))
        let inside = try CLIRunner.run(
            ["audit", "records", "--as-of", "2024-04-01", "--report", "sarif=r.sarif", "--fail-on", "never"], in: root)
        #expect(!inside.stderr.contains("warning"), "\(inside.stderr)")
    }

    /// On a terminal (a pseudo-terminal made by script(1)), every drawing of the bar is erased
    /// before the next text: no report line lands after the bar on its line.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func theProgressBarIsErasedBeforeAnyOtherOutput() throws {
        let root = try Self.repository(config: nil)
        let record = root.appendingPathComponent("records/lawful-interception.xml")
        for index in 0..<300 {
            try FileManager.default.copyItem(
                at: record, to: root.appendingPathComponent("records/copy-\(index).xml"))
        }
        let log = root.appendingPathComponent("tty.log").path
        let command =
            "\(CLIRunner.binary.path) audit records --exclude drafts --as-of 2024-04-01 --chunk-size 20 --fail-on never"
        let result = try CLIRunner.run(
            ["-q", "-e", "-c", command, log], environment: ["CI": "false"],
            executable: URL(fileURLWithPath: "/usr/bin/script"),
            in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try String(contentsOfFile: log, encoding: .utf8)
        let bars = bytes.components(separatedBy: "\r[").dropFirst()
        #expect(bars.count >= 10, "the bar is drawn once per chunk: \(bars.count)")
        for bar in bars {
            let end = bar.range(of: " records")
            #expect(end != nil)
            guard let end else { continue }
            let after = bar[end.upperBound...]
            #expect(after.isEmpty || after.hasPrefix("\r\u{1B}[K"), "text after the bar: \(after.prefix(40))")
        }
        #expect(bytes.contains("301 input(s)"))
        #expect(bytes.contains("records/copy-299.xml: APPROVE"))
    }
}
