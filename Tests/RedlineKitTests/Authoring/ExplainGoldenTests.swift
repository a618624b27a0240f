import Foundation
import RedlineKit
import Testing

/// `redline explain` output on known records, compared with golden files in
/// Tests/Fixtures/explain. `RECORD_GOLDEN=1 swift test --filter ExplainGolden` rewrites them
/// (and fails, so a rewrite is never silent); review the diff with git.
struct ExplainGoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var golden: String
        var record: String
        var asOf: String
        var rules: [String]
        var testDescription: String { golden }
    }

    static let cases = [
        Case(
            golden: "nso-licence-2021.txt", record: "bg-2019-nso-group-licence.xml", asOf: "2021-11-04",
            rules: ["NSO-001", "HRDD-001", "HRDD-002"]),
        Case(golden: "lawful-interception-pass.txt", record: "approve-lawful-interception.xml", asOf: "2024-04-01", rules: ["HRDD-001"]),
        Case(golden: "intra-eu-failing-rules.txt", record: "bg-intra-eu-no-licence-required.xml", asOf: "2024-04-01", rules: []),
        Case(
            golden: "nso-licence-2019-not-applicable.txt", record: "bg-2019-nso-group-licence.xml", asOf: "2019-05-14", rules: ["SANC-002"]),
    ]

    @Test(arguments: cases)
    func explanationMatchesGolden(_ golden: Case) throws {
        let explainer = RuleExplainer(ruleSet: Fixtures.defaultRuleSet)
        let root = Fixtures.repositoryRoot.path + "/"
        let result = try explainer.explain(
            file: root + "examples/records/" + golden.record, ruleIDs: golden.rules,
            options: EvaluationOptions(asOf: try #require(LocalDate(golden.asOf))))
        let text = ExplanationRenderer().render(report: result.report, explanations: result.explanations)
            .replacingOccurrences(of: root, with: "")
        let path = Fixtures.path("Tests/Fixtures/explain/" + golden.golden)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            Issue.record("recorded \(golden.golden); run again without RECORD_GOLDEN")
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected)
    }

    @Test func anUnknownRuleIsAUsageErrorWithASuggestion() throws {
        let explainer = RuleExplainer(ruleSet: Fixtures.defaultRuleSet)
        do {
            _ = try explainer.explain(
                file: Fixtures.path("examples/records/approve-lawful-interception.xml"), ruleIDs: ["hrdd-001"],
                options: EvaluationOptions(asOf: LocalDate("2024-04-01")!))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .usage)
            #expect(error.suggestion == "did you mean HRDD-001?")
        }
    }

    @Test func theSmallestChangeOfAnAndIsEveryFalseOperand() throws {
        let explainer = RuleExplainer(ruleSet: Fixtures.defaultRuleSet)
        let rule = try #require(Fixtures.defaultRuleSet.rule("HRDD-002"))
        let failing = try #require(rule.examples.indices.first { rule.examples[$0].expect == "fail" })
        let explanation = try #require(explainer.explain(rule, example: failing))
        let changes = explanation.assertion?.changes(toBecome: true) ?? []
        #expect(!changes.isEmpty)
        #expect(changes.allSatisfy { !$0.part.truth })
        #expect(explanation.flip.count == changes.count)
    }
}
