import Foundation
import RedlineKit
import RedlineTestSupport
import Testing

/// `redline explain` output on known records (Tests/Fixtures/explain/records, with the rule
/// set Tests/Fixtures/explain/rules.xml), compared with golden files in Tests/Fixtures/explain.
/// `RECORD_GOLDEN=1 swift test --filter ExplainGolden` rewrites them (and fails, so a rewrite is
/// never silent); review the diff with git.
struct ExplainGoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var golden: String
        var record: String
        var asOf: String
        var rules: [String]
        var testDescription: String { golden }
    }

    static let cases = [
        Case(golden: "failing-rules.txt", record: "unlimited-flagged.xml", asOf: "2024-01-01", rules: []),
        Case(golden: "passing-rule.txt", record: "limited.xml", asOf: "2024-01-01", rules: ["EX-001"]),
        Case(golden: "no-rule-failed.txt", record: "limited.xml", asOf: "2024-01-01", rules: []),
        Case(
            golden: "list-not-yet-in-force.txt", record: "unlimited-flagged.xml", asOf: "2019-06-01", rules: ["EX-002"]),
        Case(golden: "evidence-changes.txt", record: "self-declared-assessment.xml", asOf: "2024-01-01", rules: []),
        Case(
            golden: "evidence-changes-recent.txt", record: "self-declared-assessment.xml", asOf: "2022-09-01",
            rules: ["EX-004"]),
    ]

    /// A small rule set of its own, so that changes to the default rules do not touch these files.
    static let ruleSet: RuleSet = {
        do {
            return try RuleSetLoader.load(path: Fixtures.path("Tests/Fixtures/explain/rules.xml"))
        } catch {
            fatalError("explain fixture does not load: \(error)")
        }
    }()

    @Test(arguments: cases)
    func explanationMatchesGolden(_ golden: Case) throws {
        let explainer = RuleExplainer(ruleSet: Self.ruleSet)
        let root = Fixtures.repositoryRoot.path + "/"
        let result = try explainer.explain(
            file: root + "Tests/Fixtures/explain/records/" + golden.record, ruleIDs: golden.rules,
            options: EvaluationOptions(asOf: try #require(LocalDate(golden.asOf))))
        let text = ExplanationRenderer().render(report: result.report, explanations: result.explanations)
            .replacingOccurrences(of: root, with: "")
        try GoldenFile("Tests/Fixtures/explain/" + golden.golden).expectMatches(text)
    }

    @Test func explainsTheDefaultRulesOnAnExampleRecord() throws {
        let explainer = RuleExplainer(ruleSet: Fixtures.defaultRuleSet)
        let result = try explainer.explain(
            file: Fixtures.path("examples/records/bg-2019-nso-group-licence.xml"), ruleIDs: ["NSO-001"],
            options: EvaluationOptions(asOf: LocalDate("2021-11-04")!))
        let explanation = try #require(result.explanations.first)
        #expect(explanation.outcome == .fail)
        #expect(explanation.flipGoal == "to pass")
        #expect(!explanation.flip.isEmpty)
        #expect(explanation.assertion?.truth == false)
    }

    /// The smallest change is said as a change of evidence: which element fails which part of
    /// a path's predicate, redline's functions in evidence words, which name is on which list.
    @Test(arguments: [
        (
            "examples/records/self-declared-lawful-interception.xml", "2024-04-01", "HRDD-001",
            "the impactAssessment at line 58 is self-declared: make it independent (provenance "
                + "forensic|court|regulator|audit|independent)"
        ),
        (
            "examples/records/bg-2019-nso-group-licence.xml", "2021-11-04", "SANC-001",
            "'NSO Group Technologies Ltd' at line 20 is a hit on list us-entity-list (\"US Entity List: the four "
                + "spyware vendors added in November 2021\"): \"NSO Group Technologies\" of entry us-entity-list#2 — "
                + "list us-entity-list (rules/lists.xml:7), listed from 2021-11-04; rule set redline-default 1.0.0: "
                + "no name may be on the list (if a match is wrong, record the party's distinct identity)"
        ),
        (
            "examples/records/licence-without-limits.xml", "2025-06-01", "LIMITS-001",
            "add `r:limits/r:volume/@maxTargets` to the record (it has no limits)"
        ),
    ])
    func theSmallestChangeIsAChangeOfEvidence(_ record: String, _ asOf: String, _ rule: String, _ expected: String)
        throws
    {
        let explainer = RuleExplainer(ruleSet: Fixtures.defaultRuleSet)
        let result = try explainer.explain(
            file: Fixtures.path(record), ruleIDs: [rule],
            options: EvaluationOptions(asOf: try #require(LocalDate(asOf))))
        let explanation = try #require(result.explanations.first)
        #expect(explanation.flipGoal == "to pass")
        #expect(explanation.flip.first == expected, "\(explanation.flip)")
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
        let failing = try #require(rule.examples.indices.first { rule.examples[$0].expect == .fail })
        let explanation = try #require(explainer.explain(rule, example: failing))
        let changes = explanation.assertion?.changes(toBecome: true) ?? []
        #expect(!changes.isEmpty)
        #expect(changes.allSatisfy { !$0.part.truth })
        #expect(explanation.flip.count == changes.count)
    }
}
