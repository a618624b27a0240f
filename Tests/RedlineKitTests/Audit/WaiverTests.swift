import Foundation
import Testing

@testable import RedlineKit

/// Waivers: loading with file:line:col errors, matching, and what an audit reports about them.
struct WaiverTests {
    @Test func appliedExpiredAndStaleWaiversAreReported() throws {
        let output = try AuditHarness.run(waivers: try AuditHarness.waivers())
        let statuses = Dictionary(
            uniqueKeysWithValues: output.outcome.summary.waivers.map { ($0.id, $0.status.rawValue) })
        #expect(
            statuses == [
                "W-INTRAEU": "applied", "W-RENEW": "applied", "W-NLR": "applied", "W-DUPLICATE-PARTY": "applied",
                "W-EXPIRED": "expired", "W-STALE": "stale",
            ])
        #expect(output.outcome.summary.waivers.first { $0.id == "W-EXPIRED" }?.matches == 1)
        // Waived findings are still in every report, marked waived.
        #expect(
            output["text"].contains(
                "[NLR-001] the no-licence-required determination does not record its legal basis and its disclosure "
                    + "[waived by W-NLR"
            ))
        #expect(
            output["text"].contains(
                "[TRANS-003] the contract with a state buyer is neither disclosed nor disclosable [waiver W-EXPIRED "
                    + "expired 2023-12-31]"
            ))
        #expect(output["junit"].contains("waived by W-NLR"))
        #expect(output["markdown"].contains("| `W-STALE` | `SANC-001` | stale | 0 |"))
        #expect(output.outcome.summary.findings["NLR-001"] == AuditSummary.RuleCount(active: 0, waived: 1))
        #expect(
            output.outcome.summary.findings["TRANS-003"] == AuditSummary.RuleCount(active: 1, waived: 0),
            "an expired waiver no longer applies")
    }

    @Test func waivedFindingsDoNotCountTowardFailOn() throws {
        let record = [AuditHarness.inputs(["Tests/Fixtures/audit/failing/intra-eu-review.xml"])].flatMap { $0 }
        let without = try AuditHarness.run(record).outcome.summary
        let with = try AuditHarness.run(record, waivers: try AuditHarness.waivers()).outcome.summary
        #expect(AuditFailLevel.review.outcome(of: without) == .policyFailed)
        #expect(AuditFailLevel.anyFinding.outcome(of: without) == .policyFailed)
        #expect(AuditFailLevel.review.outcome(of: with) == .pass)
        #expect(AuditFailLevel.anyFinding.outcome(of: with) == .pass)
        #expect(with.verdicts == ["review": 1], "the verdict as evaluated is still reported")
        #expect(with.verdictsAfterWaivers == ["maintain": 1])
    }

    @Test func expiryIsInclusive() {
        let waiver = Waiver(
            id: "W", rule: "A-*", records: ["R-1"], paths: [], justification: "j", approver: "a",
            expires: LocalDate("2024-04-01")!, position: SourcePosition(file: "w.xml"))
        #expect(!waiver.isExpired(on: LocalDate("2024-04-01")!))
        #expect(waiver.isExpired(on: LocalDate("2024-04-02")!))
        #expect(waiver.matches(ruleID: "A-7", recordID: "R-1", path: "x.xml"))
        #expect(!waiver.matches(ruleID: "B-7", recordID: "R-1", path: "x.xml"))
        #expect(!waiver.matches(ruleID: "A-7", recordID: "R-2", path: "x.xml"))
    }

    struct BadFile: Sendable, CustomTestStringConvertible {
        let name: String
        let line: Int
        let column: Int
        let message: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadFile(name: "unknown-rule", line: 3, column: 5, message: "rule 'NO-SUCH-RULE', which is not in rule set"),
        BadFile(
            name: "no-approver", line: 3, column: 3,
            message: "Missing child element(s). Expected is ( {urn:redline:waivers:1}approver )"),
        BadFile(
            name: "not-well-formed", line: 4, column: 1,
            message: "not well-formed XML: <waiver> (opened on line 3) is not closed: </waivers> comes first"),
    ])
    func badWaiversFilesGiveFileLineAndColumn(_ bad: BadFile) throws {
        let path = Fixtures.path("Tests/Fixtures/waivers/\(bad.name).xml")
        #expect {
            try WaiversLoader.load(path: path, ruleSet: Fixtures.defaultRuleSet)
        } throws: { error in
            guard let error = error as? RedlineError else { return false }
            return error.code == .invalidWaivers && error.position.line == bad.line
                && error.position.column == bad.column
                && error.message.contains(bad.message)
                && error.description.hasPrefix("\(path):\(bad.line):\(bad.column): error:")
        }
    }

    @Test func aMissingWaiversFileIsAnError() {
        #expect(throws: RedlineError.self) {
            try WaiversLoader.load(path: "/nonexistent/waivers.xml", ruleSet: Fixtures.defaultRuleSet)
        }
    }

    @Test func theWaiversSchemaIsEmbeddedAndCompiles() {
        #expect(BuiltIn.file(WaiversLoader.schemaPath) != nil)
        _ = WaiversLoader.schema
    }
}
