import Foundation
import RedlineTestSupport
import Testing

/// `redline timeline`: the text, JSON and HTML of one record's verdict over time, and its errors.
@Suite struct TimelineCommandTests {
    static let record = "examples/records/bg-2019-nso-group-licence.xml"

    @Test func theTextShowsEachDateAndTheChangeWithItsCause() throws {
        let result = try CLIRunner.run(["timeline", Self.record, "--as-of", "2022-01-01", "--standard", "current"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("\(Self.record): timeline of licence BG-2019-IMCEC-0042") == true)
        #expect(
            lines.contains(
                "2021-07-18  event misuse-report (forensic, IN) → DEST-001 fails → REVOKE-001 fails → maintain → revoke"
            ))
        #expect(lines.last?.hasPrefix("2022-01-01  the evaluation date") == true)
    }

    @Test func jsonAndHTMLCarryTheSameSteps() throws {
        let json = try CLIRunner.run(["timeline", Self.record, "--as-of", "2022-01-01", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let steps = try #require(object["steps"] as? [[String: Any]])
        let text = try CLIRunner.run(["timeline", Self.record, "--as-of", "2022-01-01"]).stdout
        #expect(steps.count == text.split(separator: "\n").count - 1)
        let html = try CLIRunner.run(["timeline", Self.record, "--as-of", "2022-01-01", "--format", "html"]).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<g class=\"step").count - 1 == steps.count)
    }

    @Test func aRecordThatCannotBeReadIsAnInputError() throws {
        let result = try CLIRunner.run(["timeline", "examples/records/no-such-record.xml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("examples/records/no-such-record.xml"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
