import Foundation
import RedlineKit
import Testing

/// How far misuse is established, and whom an event is about, decide what it does to a licence
/// (docs/verdicts.md): an allegation calls for review (MISUSE-001), corroborated misuse or an
/// open investigation into a party suspends (SUSPEND-001), confirmed or adjudicated misuse
/// revokes (REVOKE-001); a signal about another agency of the destination state is reviewed
/// (DEST-002); a cleared investigation or an event about someone else is context (CONTEXT-001).
struct EvidenceStrengthTests {
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

    /// An event, the rule it must trigger and the licence's verdict.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var event: String
        var rule: String
        var verdict: String
        var testDescription: String { name }
    }

    static func event(_ attributes: String, subject: String? = nil, country: String? = nil) -> String {
        "<event date=\"2025-03-01\" \(attributes)>" + (subject.map { "<subject>\($0)</subject>" } ?? "")
            + (country.map { "<country>\($0)</country>" } ?? "") + "<summary>Reported.</summary></event>"
    }

    static let cases: [Case] = [
        Case(
            name: "a blog allegation with no subject", event: event("type=\"misuse-report\""), rule: "MISUSE-001",
            verdict: "review"),
        Case(
            name: "a newspaper allegation about the end user",
            event: event("type=\"misuse-report\" provenance=\"independent\"", subject: endUser), rule: "MISUSE-001",
            verdict: "review"),
        Case(
            name: "corroborated misuse by the end user",
            event: event(
                "type=\"misuse-report\" provenance=\"independent\" verification=\"corroborated\"", subject: endUser),
            rule: "SUSPEND-001", verdict: "suspend"),
        Case(
            name: "the exporter suspended the end user pending investigation",
            event: event("type=\"customer-suspension\" provenance=\"self-declared\"", subject: endUser),
            rule: "SUSPEND-001", verdict: "suspend"),
        Case(
            name: "an open investigation into the end user",
            event: event("type=\"investigation\" provenance=\"regulator\"", subject: endUser), rule: "SUSPEND-001",
            verdict: "suspend"),
        Case(
            name: "forensic proof of misuse by the end user",
            event: event("type=\"misuse-report\" provenance=\"forensic\"", subject: endUser), rule: "REVOKE-001",
            verdict: "revoke"),
        Case(
            name: "a court's substantiated investigation",
            event: event("type=\"investigation\" status=\"substantiated\" provenance=\"court\"", subject: endUser),
            rule: "REVOKE-001", verdict: "revoke"),
        Case(
            name: "an investigation in the destination state",
            event: event("type=\"investigation\" provenance=\"regulator\"", country: "EE"), rule: "DEST-002",
            verdict: "review"),
        Case(
            name: "forensic proof of misuse by another agency of the destination state",
            event: event(
                "type=\"misuse-report\" provenance=\"forensic\"", subject: "Estonian Internal Security Service",
                country: "EE"),
            rule: "DEST-002", verdict: "review"),
        Case(
            name: "forensic proof of misuse by another client in another country",
            event: event(
                "type=\"misuse-report\" provenance=\"forensic\"", subject: "Directorate of Internal Security",
                country: "TG"),
            rule: "CONTEXT-001", verdict: "maintain"),
        Case(
            name: "an investigation that cleared the end user",
            event: event("type=\"investigation\" status=\"closed-cleared\" provenance=\"regulator\"", subject: endUser),
            rule: "CONTEXT-001", verdict: "maintain"),
        Case(
            name: "a customer terminated after an investigation",
            event: event("type=\"customer-termination\"", subject: endUser), rule: "CUST-001", verdict: "revoke"),
    ]

    @Test func theBaseRecordIsClean() throws {
        let report = try Self.check(events: "")
        #expect(report.findings.isEmpty)
        #expect(report.verdict == "maintain")
    }

    @Test(arguments: cases)
    func anEventMovesTheVerdictAsFarAsItIsEstablishedAndAboutThisLicence(_ item: Case) throws {
        let report = try Self.check(events: item.event)
        let fired = Set(report.findings.map(\.ruleID))
        #expect(fired.contains(item.rule), "\(fired.sorted())")
        #expect(report.verdict == item.verdict)
        // Only one rule of the ladder reacts to one event.
        let ladder: Set = ["MISUSE-001", "SUSPEND-001", "REVOKE-001", "DEST-002", "CONTEXT-001", "CUST-001"]
        #expect(fired.intersection(ladder) == [item.rule])
    }

    @Test func anApplicationToACustomerSuspendedPendingInvestigationIsRefused() throws {
        let report = try Self.check(
            events: Self.event("type=\"customer-suspension\" provenance=\"self-declared\"", subject: Self.endUser),
            stage: "application")
        #expect(report.findings.map(\.ruleID).contains("CUST-001"))
        #expect(!report.findings.map(\.ruleID).contains("SUSPEND-001"))
        #expect(report.verdict == "refuse")
    }

    @Test func anApplicationIsNeverToldToRevoke() throws {
        let events = Self.cases.map(\.event).joined()
        let report = try Self.check(events: events, stage: "application")
        #expect(!report.findings.isEmpty)
        for finding in report.findings {
            #expect(!finding.remedy.lowercased().contains("revoke"), "\(finding.ruleID): \(finding.remedy)")
        }
        let licence = try Self.check(events: events)
        for finding in licence.findings {
            #expect(!finding.remedy.lowercased().contains("refuse the application"), "\(finding.ruleID)")
        }
    }
}
