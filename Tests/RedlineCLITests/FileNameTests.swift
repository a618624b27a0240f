import Foundation
import RedlineTestSupport
import Testing

/// Records whose names are not valid UTF-8 are found, audited once each, and named with their odd
/// bytes as `\xNN` (issue 13, item 7). Before, 13 such files gave 12 report entries, the ones
/// with odd bytes "No such file or directory".
struct FileNameTests {
    /// Runs `script` in `/bin/sh` from `folder`, with `$REDLINE` the binary.
    static func shell(_ script: String, in folder: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["REDLINE"] = CLIRunner.binary.path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    /// Twelve names with bytes that are not UTF-8 (each alone, and pairs that replacement
    /// decoding would make equal), and one plain name.
    static let oddBytes = [
        "\\377", "\\376", "\\303", "\\200", "\\300\\257", "\\355\\240\\200", "\\364\\220\\200\\200",
        "\\377\\377", "\\376\\377", "x\\377", "x\\376", "\\341\\200",
    ]

    static func folder() throws -> String {
        let folder = try TemporaryFolder.make("redline-names").path
        let record = CLIRunner.repositoryRoot.appendingPathComponent("examples/records/cy-marketing-licence.xml").path
        let copies = Self.oddBytes.map { "cp '\(record)' \"records/$(printf 'r\($0)').xml\"" }.joined(separator: " && ")
        let made = try shell("mkdir records && cp '\(record)' records/plain.xml && \(copies)", in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        return folder
    }

    @Test func everyOddNameIsAuditedOnce() throws {
        let folder = try Self.folder()
        let result = try Self.shell("$REDLINE audit records --as-of 2024-04-01 --report json=out.json", in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/out.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let records = try #require(report["records"] as? [[String: Any]])
        let files = records.compactMap { $0["file"] as? String }
        #expect(files.count == 13)
        #expect(Set(files).count == 13, "\(files)")
        #expect(files.contains("records/r\\xFF.xml") && files.contains("records/x\\xFE.xml") == false)
        #expect(files.contains("records/rx\\xFE.xml"))
        let statuses = Set(records.compactMap { $0["status"] as? String })
        #expect(statuses == ["evaluated"], "every file was read: \(statuses)")
    }

    /// Named on the command line, in a path list on standard input (lines or NUL-separated), the
    /// file is read, and named as `\xNN` in what is printed.
    @Test(arguments: [
        "$REDLINE check \"records/$(printf 'r\\377').xml\" --as-of 2024-04-01",
        "printf 'records/r\\377.xml\\n' | $REDLINE audit - --as-of 2024-04-01",
        "printf 'records/r\\377.xml\\0' | $REDLINE audit -0 - --as-of 2024-04-01",
    ])
    func anOddNameGivenDirectlyIsRead(_ script: String) throws {
        let folder = try Self.folder()
        let result = try Self.shell(script, in: folder)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("records/r\\xFF.xml: REVIEW"), "\(result.stdout)")
        #expect(!result.stdout.contains("No such file"))
    }
}
