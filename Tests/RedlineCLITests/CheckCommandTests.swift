import Foundation
import RedlineTestSupport
import Testing

/// `redline check` run as a process: output and exit codes.
struct CheckCommandTests {
    static let example = "examples/records/approve-lawful-interception.xml"

    @Test func cleanRecordExitsZeroWithVerdictFirst() throws {
        let result = try CLIRunner.run(["check", Self.example, "--as-of", "2024-04-01"])
        #expect(result.status == 0, "\(result.stderr)")
        let firstLine = result.stdout.split(separator: "\n").first ?? ""
        #expect(firstLine.hasPrefix("\(Self.example): APPROVE  score 100/100"))
        #expect(firstLine.contains("as of 2024-04-01"))
        #expect(firstLine.contains("profile due-diligence"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a TTY")
    }

    @Test func failingRecordExitsOneWithFindings() throws {
        let record = """
            <licenceRecord xmlns="urn:redline:licence-record:1" formatVersion="1" id="X-1" stage="licence">
              <lifecycle kind="individual" status="issued"><issuingState>BG</issuingState><authority>A</authority></lifecycle>
              <exporter><name>Candiru Ltd</name><country>IL</country></exporter>
            </licenceRecord>
            """
        let path = try temporaryRecord(record)
        let result = try CLIRunner.run(["check", path, "--as-of", "2022-01-01"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(path):3: critical: [SANC-001]"))
        #expect(result.stdout.contains("cites SX21: \"added NSO Group to its trade restriction list\""))
        #expect(result.stdout.contains("fix: "))
        #expect(result.stdout.contains("REVOKE"))
    }

    @Test func malformedRecordExitsTwoWithLine() throws {
        let path = try temporaryRecord("<licenceRecord>\n<lifecycle>\n</licenceRecord>")
        let result = try CLIRunner.run(["check", path, "--as-of", "2022-01-01"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("\(path):3:"))
        #expect(result.stdout.contains("not well-formed XML"))
    }

    @Test func aRecordEvaluatedBeforeItsSubmissionExitsTwoNamingTheDates() throws {
        let result = try CLIRunner.run(["check", Self.example, "--as-of", "2023-01-01"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("not-yet-submitted"))
        #expect(result.stdout.contains("submitted on 2024-03-04, after the evaluation date 2023-01-01"))
        #expect(result.stdout.contains("--as-of 2024-03-04"))
        #expect(!result.stdout.contains("APPROVE"))
    }

    @Test func anExpiredLicenceSaysSoAndIsNotACleanMaintain() throws {
        let path = "Tests/Fixtures/scenarios/3b-expired-licence.xml"
        let live = try CLIRunner.run(["check", path, "--as-of", "2022-03-01"])
        #expect(live.status == 0)
        #expect(live.stdout.contains("MAINTAIN"))
        let expired = try CLIRunner.run(["check", path, "--as-of", "2023-06-01", "--format", "json"])
        #expect(expired.status == 1, "not-in-force is not a clean maintain")
        #expect(expired.stdout.contains("\"verdict\" : \"not-in-force\""))
        #expect(expired.stdout.contains("\"reason\" : \"expired\""))
        #expect(expired.stdout.contains("\"standard\" : \"as-of\""))
        let text = try CLIRunner.run(["check", path, "--as-of", "2023-06-01"])
        #expect(text.stdout.contains("NOT-IN-FORCE"))
        #expect(text.stdout.contains("licence not in force: expired on 2022-05-11"))
    }

    @Test func theStandardIsAnOptionAndEveryReportStatesIt() throws {
        let path = "examples/records/bg-2019-nso-group-licence.xml"
        let asOf = try CLIRunner.run(["check", path, "--as-of", "2019-05-14"])
        #expect(asOf.stdout.contains("judged by the demands in force on 2019-05-14"))
        let current = try CLIRunner.run(["check", path, "--as-of", "2019-05-14", "--standard", "current"])
        #expect(current.stdout.contains("judged by every current demand"))
        #expect(current.stdout.contains("[TRANS-001]") && !asOf.stdout.contains("[TRANS-001]"))
        let wrong = try CLIRunner.run(["check", path, "--standard", "latest"])
        #expect(wrong.status == 64, "\(wrong.status)")
        #expect(wrong.stderr.contains("standard"))
    }

    @Test func hostileRecordExitsTwo() throws {
        let path = try temporaryRecord("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>")
        let result = try CLIRunner.run(["check", path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("DOCTYPE"))
        #expect(!result.stdout.contains("root:"))
    }

    @Test func badRulesExitThreeWithLocation() throws {
        let path = try temporaryRecord(
            "<ruleset xmlns=\"urn:redline:rules:1\" formatVersion=\"1\" id=\"x\" "
                + "version=\"1\">\n<title>t</title>\n<bogus/>\n</ruleset>",
            name: "rules.xml")
        let result = try CLIRunner.run(["check", Self.example, "--rules", path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("\(path):3:"))
        #expect(result.stderr.contains("error:"))
    }

    @Test(arguments: [
        ["check"], ["check", "x.xml", "--as-of", "2021-13-01"], ["check", "x.xml", "--format", "xml"],
        ["check", "x.xml", "--profile", "nope"],
    ])
    func usageErrorsExit64(_ arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("Error:"))
    }

    @Test func jsonIsParseableAndStable() throws {
        let first = try CLIRunner.run([
            "check", Self.example, "--as-of", "2024-04-01", "--format", "json", "--jobs", "1",
        ])
        let second = try CLIRunner.run([
            "check", Self.example, Self.example, "--as-of", "2024-04-01", "--format", "json", "--jobs", "2",
        ])
        #expect(first.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        #expect(object?["asOf"] as? String == "2024-04-01")
        #expect(object?["profile"] as? String == "due-diligence")
        let records = object?["records"] as? [[String: Any]]
        #expect(records?.first?["verdict"] as? String == "approve")
        #expect(records?.first?["score"] as? Double == 100)
        let two = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any]
        #expect((two?["records"] as? [Any])?.count == 2)
        let again = try CLIRunner.run([
            "check", Self.example, "--as-of", "2024-04-01", "--format", "json", "--jobs", "1",
        ])
        #expect(again.stdout == first.stdout)
    }

    @Test func asOfChangesTheVerdict() throws {
        let record = """
            <licenceRecord xmlns="urn:redline:licence-record:1" formatVersion="1" id="X-2" stage="licence">
              <lifecycle kind="individual" status="issued"><issuingState>BG</issuingState><authority>A</authority></lifecycle>
              <exporter><name>Exporter</name><country>BG</country></exporter>
              <events><event type="misuse-report" date="2021-07-18" provenance="forensic"><summary>Misuse</summary></event></events>
            </licenceRecord>
            """
        let path = try temporaryRecord(record)
        let before = try CLIRunner.run(["check", path, "--as-of", "2019-05-14", "--format", "json"])
        let after = try CLIRunner.run(["check", path, "--as-of", "2021-11-04", "--format", "json"])
        #expect(!before.stdout.contains("\"verdict\" : \"revoke\""))
        #expect(after.stdout.contains("\"verdict\" : \"revoke\""))
    }

    /// The default rule set is embedded: a copied binary runs with the build folder out of reach.
    @Test func copiedBinaryRunsWithoutTheBuildFolder() throws {
        let folder = try TemporaryFolder.make("redline-copy")
        let copy = folder.appendingPathComponent("redline")
        try FileManager.default.copyItem(at: CLIRunner.binary, to: copy)
        let record = try String(
            contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(Self.example), encoding: .utf8)
        try Data(record.utf8).write(to: folder.appendingPathComponent("record.xml"))
        let process = Process()
        process.executableURL = copy
        process.arguments = ["check", "record.xml", "--as-of", "2024-04-01"]
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self).contains("APPROVE"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("redline.resources").path))
    }

    private func temporaryRecord(_ text: String, name: String = "record.xml") throws -> String {
        try TemporaryFolder.file(text, name: name, prefix: "redline-cli")
    }
}
