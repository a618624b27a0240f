import RedlineKit
import Testing

/// `rules test`: inline examples and record declarations with wrong expectations are caught,
/// with the values the conditions saw; coverage counts outcomes and branches.
struct RuleSetTesterTests {
    static let wrong: RuleSetTester.Run = {
        do {
            let ruleSet = try RuleSetLoader.load(
                path: Fixtures.path("Tests/Fixtures/rules-test/wrong-expectations.xml"))
            return try RuleSetTester(ruleSet: ruleSet).run(
                recordsDirectory: Fixtures.path("Tests/Fixtures/rules-test/records"))
        } catch {
            fatalError("fixture does not load: \(error)")
        }
    }()

    @Test func wrongInlineExpectationsAreCaughtWithTheValuesSeen() throws {
        let failures = Self.wrong.failures.filter { $0.suite == "T-001" }
        #expect(
            failures.map(\.name) == [
                "example 2 'wrongly expects pass' (pass)", "example 3 'wrongly expects fail' (fail)",
            ])
        #expect(failures.map(\.actual) == ["fail", "not-applicable"])
        #expect(failures.map(\.position.line) == [17, 20])
        let first = try #require(failures.first)
        #expect(
            first.details.contains(
                "        `r:limits/r:duration/@months` → 1 node: /licenceRecord/limits/duration/@months (line 1) '24'"))
        #expect(
            first.details.contains(
                "    [true] r:limits/r:geography  → 1 node: /licenceRecord/limits/geography (line 1)"))
    }

    @Test func wrongRecordDeclarationsAreCaught() throws {
        let failure = try #require(Self.wrong.failures.first { $0.suite.hasSuffix("wrong-declaration.xml") })
        #expect(failure.expected == "verdict approve, fires HRDD-001")
        #expect(failure.actual == "verdict approve-with-conditions, fires T-001")
        #expect(
            failure.details.first?.hasPrefix("verdict: expected approve, got approve-with-conditions (score ") == true)
        #expect(
            failure.details.dropFirst().prefix(2) == [
                "expected to fire but did not: HRDD-001", "fired but not expected: T-001",
            ])
        #expect(failure.position.line == 2)
    }

    @Test func everythingElsePasses() {
        #expect(Self.wrong.failures.count == 3)
        #expect(Self.wrong.cases.count == Fixtures.defaultRuleSet.rules.reduce(0) { $0 + $1.examples.count } + 3 + 1)
    }

    @Test func theExampleNationalSetPassesItsTests() throws {
        let ruleSet = try RuleSetLoader.load(path: Fixtures.path("examples/rulesets/bg-national.xml"))
        let run = try RuleSetTester(ruleSet: ruleSet).run(recordsDirectory: Fixtures.path("examples/rulesets/records"))
        #expect(run.failures.isEmpty, "\(run.failures.map { "\($0.suite) \($0.name): \($0.details)" })")
        #expect(run.cases.filter { $0.suite.hasSuffix(".xml") }.count == 2)
        let coverage = try #require(run.coverage.first { $0.ruleID == "BGN-001" })
        #expect(coverage.gaps == [])
        #expect(coverage.hit == coverage.total)
    }

    @Test func theDefaultSetPassesItsExampleRecords() throws {
        let run = try RuleSetTester(ruleSet: Fixtures.defaultRuleSet).run(
            recordsDirectory: Fixtures.path("examples/records"))
        #expect(run.failures.isEmpty, "\(run.failures.map { "\($0.suite) \($0.name): \($0.details)" })")
        #expect(run.undeclaredRecords.isEmpty)
        #expect(run.cases.contains { $0.suite.hasSuffix(".xml") })
    }

    @Test func coverageNamesTheBranchesNeverExercised() throws {
        let coverage = try #require(Self.wrong.coverage.first { $0.ruleID == "T-001" })
        // Examples: pass; fail (months false, geography true); not applicable (when false).
        #expect(coverage.passed && coverage.failed)
        #expect(
            coverage.branches.map(\.text) == [
                "r:items/r:item[@cyberSurveillance = 'true']", "r:limits/r:duration/@months <= 12",
                "r:limits/r:geography",
            ])
        #expect(coverage.branches.map(\.seenTrue) == [true, true, true])
        #expect(coverage.branches.map(\.seenFalse) == [true, true, false])
        #expect(coverage.hit == 7)
        #expect(coverage.total == 8)
    }

    @Test func coverageCountsNestedOperands() throws {
        let ruleSet = try RuleSetLoader.load(path: Fixtures.path("Tests/Fixtures/explain/rules.xml"))
        let rule = try #require(ruleSet.rule("EX-001"))
        var coverage = ConditionCoverage(rule: rule)
        #expect(
            coverage.branches.map { "\($0.condition) \($0.text)" } == [
                "when r:items/r:item[@cyberSurveillance = 'true']",
                "assert r:limits/r:volume/@maxTargets or r:limits/r:volume/@maxInstallations",
                "assert r:limits/r:volume/@maxTargets", "assert r:limits/r:volume/@maxInstallations",
                "assert r:limits/r:geography/r:country", "assert r:limits/r:duration/@months <= 12",
                "partial r:limits/r:duration",
            ])
        let explainer = RuleExplainer(ruleSet: ruleSet)
        for record in ["limited.xml", "unlimited-flagged.xml"] {
            let result = try explainer.explain(
                file: Fixtures.path("Tests/Fixtures/explain/records/" + record), ruleIDs: ["EX-001"],
                options: EvaluationOptions(asOf: try #require(LocalDate("2024-01-01"))))
            coverage.record(try #require(result.explanations.first))
        }
        // maxInstallations is in neither record: the nested operand is never true.
        #expect(coverage.branches[3].seenFalse && !coverage.branches[3].seenTrue)
        #expect(coverage.branches[2].seenTrue && coverage.branches[2].seenFalse)
        #expect(
            coverage.gaps.contains {
                $0.hasPrefix("assert `r:limits/r:volume/@maxInstallations` (") && $0.hasSuffix(") is never true")
            })
    }

    @Test func aMissingRecordsFolderIsAClearError() throws {
        let ruleSet = Fixtures.defaultRuleSet
        #expect(throws: RedlineError.self) {
            try RuleSetTester(ruleSet: ruleSet).run(recordsDirectory: "/nonexistent-records")
        }
    }

    @Test func unknownNamesInADeclarationAreErrorsAtItsLine() throws {
        let ruleSet = try RuleSetLoader.load(path: Fixtures.path("Tests/Fixtures/rules-test/wrong-expectations.xml"))
        let run = try RuleSetTester(ruleSet: ruleSet).run(
            recordsDirectory: Fixtures.path("Tests/Fixtures/rules-test/bad-declarations"))
        let records = run.cases.filter { $0.suite.hasSuffix(".xml") }
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.isError && !$0.passed })
        let errors = records.flatMap(\.declarationErrors).map {
            "\($0.position.line):\($0.position.column): \($0.message)"
        }
        #expect(
            errors == [
                "2:1: <?redline-expect?> names verdict 'aprove', which is not a verdict for an application",
                "2:1: <?redline-expect?> fires names rule 'NOPE-001', which the rule set does not define",
                "2:1: <?redline-expect?> errors names rule 'hrdd-001', which the rule set does not define",
                "3:1: <?redline-expect?> names profile 'strict', which the rule set does not declare",
            ])
        let suggestions = records.flatMap(\.declarationErrors).map(\.suggestion)
        #expect(suggestions[0] == "did you mean approve? the verdicts are: refuse, approve-with-conditions, approve")
        #expect(suggestions[2] == "did you mean HRDD-001?")
        #expect(records[0].actual == "an invalid declaration")
    }
}
