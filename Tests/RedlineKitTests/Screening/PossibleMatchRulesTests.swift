import Foundation
import RedlineTestSupport
import Testing

@testable import RedlineKit

/// A possible match goes to review with what matched and never refuses or revokes; a hit does.
/// The records are the example application that is approved (2024-04-01) and the licence
/// issued on it that is maintained (2025-06-01), with one more party: a Greek intermediary whose
/// name is, or is close to, a company the Entity List added on 2023-07-18 (the CSL fixture).
struct PossibleMatchRulesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var example: String
        var asOf: String
        var party: String
        var cleared: Bool = false
        var verdict: String
        var fails: [String]
        var testDescription: String { "\(party) in \(example)\(cleared ? " (cleared)" : "") → \(verdict)" }
    }

    static let application = "examples/records/approve-lawful-interception.xml"
    static let licence = "examples/records/complete-transparency-licence.xml"

    static let cases: [Case] = [
        // A typo of a listed name: review (or conditions on an application), with the entry.
        Case(
            example: application, asOf: "2024-04-01", party: "Intelexa Limited", verdict: "approve-with-conditions",
            fails: ["SANC-004"]),
        Case(example: licence, asOf: "2025-06-01", party: "Intelexa Limited", verdict: "review", fails: ["SANC-004"]),
        // The officer recorded that it is another company.
        Case(
            example: licence, asOf: "2025-06-01", party: "Intelexa Limited", cleared: true, verdict: "maintain",
            fails: []),
        // The listed name, with its legal form written out: a hit.
        Case(example: application, asOf: "2024-04-01", party: "Intellexa Ltd", verdict: "refuse", fails: ["SANC-001"]),
        Case(example: licence, asOf: "2025-06-01", party: "Intellexa Ltd", verdict: "revoke", fails: ["SANC-001"]),
        // "Positive" alone is not Positive Technologies (the generic word differs): never a hit,
        // but the distinctive word is the same, so the officer checks.
        Case(example: licence, asOf: "2025-06-01", party: "Positive Ltd", verdict: "review", fails: ["SANC-004"]),
        // An entry removed from the list on 2022-06-30 is neither a hit nor a possible match.
        Case(
            example: licence, asOf: "2025-06-01", party: "Fictional Interception Trading Ltd", verdict: "maintain",
            fails: []),
        Case(
            example: licence, asOf: "2025-06-01", party: "Lumivaara Integration Hellas", verdict: "maintain", fails: []),
    ]

    static let ruleSet: RuleSet = {
        let lists = ["us-csl.json", "eu-fsf-1.1.xml"].compactMap {
            try? ScreeningListLoader.load(path: Repository.path("Tests/Fixtures/lists/\($0)"))
        }
        return Fixtures.defaultRuleSet.importing(lists)
    }()

    static func record(_ example: Case) throws -> String {
        var text = try String(contentsOfFile: Repository.path(example.example), encoding: .utf8)
        let party =
            "<party role=\"intermediary\" sector=\"commercial\"><name>\(example.party)</name><country>GR</country></party>"
        let end = try #require(text.range(of: "</parties>"))
        text.replaceSubrange(end, with: party + "</parties>")
        if example.cleared {
            let review =
                "<event type=\"screening-review\" status=\"closed-cleared\" date=\"2024-11-20\" "
                + "source=\"Greek GEMI extract 000000000000 compared with the Entity List entry\">"
                + "<subject>\(example.party)</subject><list>US Entity List</list></event>"
            if let events = text.range(of: "<events>") {
                text.replaceSubrange(events, with: "<events>" + review)
            } else {
                let close = try #require(text.range(of: "</licenceRecord>"))
                text.replaceSubrange(close, with: "<events>" + review + "</events></licenceRecord>")
            }
        }
        return text
    }

    @Test(arguments: cases)
    func aPossibleMatchIsReviewedAndAHitRefusesOrRevokes(_ example: Case) throws {
        let report = Engine(ruleSet: Self.ruleSet).check(
            bytes: Array(try Self.record(example).utf8), path: "case.xml",
            options: EvaluationOptions(asOf: LocalDate(example.asOf)!))
        #expect(report.error == nil, "\(String(describing: report.error))")
        #expect(report.verdict == example.verdict)
        let failed = report.results.filter { $0.outcome == .fail }.map(\.ruleID)
        #expect(failed == example.fails)
    }

    /// The finding names the record's name, the entry's matched name and id, its list, act and
    /// listing date, the file and its version, the score and the tier.
    @Test func theFindingSaysWhatMatched() throws {
        let example = Self.cases[1]
        let report = Engine(ruleSet: Self.ruleSet).check(
            bytes: Array(try Self.record(example).utf8), path: "case.xml",
            options: EvaluationOptions(asOf: LocalDate(example.asOf)!))
        let finding = try #require(report.findings.first { $0.ruleID == "SANC-004" })
        #expect(
            finding.message.hasPrefix(
                "\"Intelexa Limited\" is close to a listed name but not equal to it: \"Intellexa Limited\" of entry "
                    + "PLACEHOLDER-el-0006 — Entity List (EL) - Bureau of Industry and Security / EL, 88 FR PLACEHOLDER"
            ),
            "\(finding.message)")
        #expect(finding.message.contains("listed from 2023-07-18; "), "\(finding.message)")
        #expect(finding.message.contains("us-csl.json (16 entries, latest date 2023-07-18)"), "\(finding.message)")
        #expect(finding.message.hasSuffix(", possible match"), "\(finding.message)")
        #expect(finding.message.contains(", score 0.91, "), "\(finding.message)")
        #expect(finding.location.line > 0)
    }

    /// A weak alias equal to the record's name is only a possible match (EU `strong="false"`).
    @Test func aWeakAliasIsOnlyAPossibleMatch() throws {
        let report = Engine(ruleSet: Self.ruleSet).check(
            bytes: Array(
                try Self.record(
                    Case(example: Self.licence, asOf: "2025-06-01", party: "The Bureau", verdict: "", fails: [])
                ).utf8),
            path: "case.xml", options: EvaluationOptions(asOf: LocalDate("2025-06-01")!))
        let failed = report.results.filter { $0.outcome == .fail }.map(\.ruleID)
        #expect(failed == ["SANC-004"])
        #expect(report.verdict == "review")
        let finding = try #require(report.findings.first { $0.ruleID == "SANC-004" })
        #expect(finding.message.contains("\"The Bureau\" (weak alias) of entry"), "\(finding.message)")
    }
}
