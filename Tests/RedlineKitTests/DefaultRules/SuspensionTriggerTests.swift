import Foundation
import RedlineKit
import Testing

/// After a licence: credible signs of misuse that no independent source has confirmed are
/// suspension triggers (SUSPEND-001), independent evidence is a revocation trigger (REVOKE-001,
/// CUST-001). See rules/README.md, "Suspension triggers".
struct SuspensionTriggerTests {
    static let engine = Engine(ruleSet: Fixtures.defaultRuleSet)
    static let endUser = "Police and Border Guard Board, Central Criminal Police"

    /// The complete licence of examples/records/complete-transparency-licence.xml (maintain) with these events.
    static func check(events: String, stage: String = "licence") throws -> RecordReport {
        let base = try String(
            contentsOfFile: Fixtures.path("examples/records/complete-transparency-licence.xml"), encoding: .utf8)
        let text =
            base
            .replacingOccurrences(of: "</licenceRecord>", with: "  <events>\(events)</events>\n</licenceRecord>")
            .replacingOccurrences(of: "stage=\"licence\"", with: "stage=\"\(stage)\"")
        return engine.check(
            bytes: Array(text.utf8), path: "r.xml",
            options: EvaluationOptions(asOf: try #require(LocalDate("2025-06-01"))))
    }

    static let unverified = [
        "<event type=\"misuse-report\" date=\"2025-03-01\"><summary>Allegation in a blog post.</summary></event>",
        "<event type=\"customer-suspension\" date=\"2025-03-01\" "
            + "provenance=\"self-declared\"><subject>\(endUser)</subject></event>",
        "<event type=\"investigation\" date=\"2025-03-01\" "
            + "provenance=\"regulator\"><country>EE</country><summary>Inquiry opened.</summary></event>",
    ]

    @Test func theBaseRecordIsClean() throws {
        let report = try Self.check(events: "")
        #expect(report.findings.isEmpty)
        #expect(report.verdict == "maintain")
    }

    @Test(arguments: unverified)
    func anUnverifiedSignalIsASuspensionTriggerNotARevocationTrigger(_ event: String) throws {
        let report = try Self.check(events: event)
        #expect(report.findings.map(\.ruleID) == ["SUSPEND-001"])
        let finding = try #require(report.findings.first)
        #expect(finding.category == "suspension")
        #expect(finding.message.hasPrefix("suspension trigger pending an independent finding"))
        // A failed rule of category "suspension" is a suspend level of its own in the policy.
        #expect(report.verdict == "suspend")
    }

    @Test func independentEvidenceOfMisuseRevokes() throws {
        let report = try Self.check(
            events:
                "<event type=\"misuse-report\" date=\"2025-03-01\" provenance=\"forensic\"><summary>Spyware "
                + "found.</summary></event>"
        )
        #expect(report.findings.map(\.ruleID) == ["REVOKE-001"])
        #expect(report.verdict == "revoke")
    }

    @Test func aCustomerTerminatedAfterAnInvestigationRevokes() throws {
        let report = try Self.check(
            events:
                "<event type=\"customer-termination\" date=\"2025-03-01\"><subject>\(Self.endUser)</subject></event>")
        #expect(report.findings.map(\.ruleID) == ["CUST-001"])
        #expect(report.verdict == "revoke")
    }

    @Test func anApplicationToACustomerSuspendedPendingInvestigationIsRefused() throws {
        let report = try Self.check(events: Self.unverified[1], stage: "application")
        #expect(report.findings.map(\.ruleID).contains("CUST-001"))
        #expect(!report.findings.map(\.ruleID).contains("SUSPEND-001"))
        #expect(report.verdict == "refuse")
    }
}
