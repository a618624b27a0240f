import RedlineKit
import Testing

/// The accumulator behind `redline audit --coverage`.
struct RuleCoverageTests {
    static let engine = Engine(ruleSet: Fixtures.defaultRuleSet)

    static func reports(_ files: [String], asOf: String) -> [RecordReport] {
        let options = EvaluationOptions(asOf: LocalDate(asOf)!)
        return files.map { engine.check(file: Fixtures.path("examples/records/\($0)"), options: options) }
    }

    @Test func aCleanRecordFiresNothing() {
        var coverage = RuleCoverage(ruleSet: Fixtures.defaultRuleSet)
        coverage.add(Self.reports(["approve-lawful-interception.xml"], asOf: "2024-04-01"))
        #expect(coverage.evaluatedRecords == 1)
        #expect(coverage.neverFired == coverage.ruleIDs)
        #expect(!coverage.neverPassed.contains("HRDD-001"))
        // The moratorium rule is only in the moratorium profile: it never applies here.
        #expect(coverage.neverApplied.contains("MORATORIUM-001"))
    }

    @Test func firedRulesLeaveNeverFired() {
        var coverage = RuleCoverage(ruleSet: Fixtures.defaultRuleSet)
        coverage.add(
            Self.reports(["cy-marketing-licence.xml", "bg-2019-nso-group-licence.xml"], asOf: "2021-11-04"))
        #expect(!coverage.neverFired.contains("NSO-001"))
        let nso = coverage.rules.first { $0.ruleID == "NSO-001" }
        #expect(nso?.fired == 1)
        #expect(nso.map { $0.fired + $0.passed + $0.notApplicable + $0.errors } == 2)
    }

    @Test func unevaluatedReportsCountForNothing() throws {
        var coverage = RuleCoverage(ruleSet: Fixtures.defaultRuleSet)
        let options = EvaluationOptions(asOf: LocalDate("2024-01-01")!)
        coverage.add(Self.engine.check(file: "/nonexistent.xml", options: options))
        #expect(coverage.evaluatedRecords == 0)
        #expect(coverage.neverApplied == coverage.ruleIDs)
    }

    @Test func theRendererListsTheGapsFirst() {
        var coverage = RuleCoverage(ruleSet: Fixtures.defaultRuleSet)
        coverage.add(Self.reports(["approve-lawful-interception.xml"], asOf: "2024-04-01"))
        let lines = RuleCoverageRenderer().render(coverage).split(separator: "\n").map(String.init)
        #expect(lines[0] == "rule coverage over 1 evaluated record:")
        #expect(lines[1] == "  never fired (\(coverage.ruleIDs.count)): " + coverage.ruleIDs.joined(separator: " "))
        #expect(lines[3].hasPrefix("  never applied (\(coverage.neverApplied.count)): "))
        #expect(lines.count == 4 + coverage.ruleIDs.count)
    }
}
