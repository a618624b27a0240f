import Testing

@testable import RedlineKit

/// The rule coverage an audit accumulates (`redline audit --coverage`): counted from the same
/// reports the reporters see, whatever the thread count.
struct AuditCoverageTests {
    @Test func coverageCountsEachRuleOutcomeOverTheBatch() throws {
        let inputs = AuditHarness.inputs()
        let outcome = try AuditHarness.run(inputs, jobs: 2).outcome
        // Recount independently, one record at a time.
        let engine = Engine(ruleSet: Fixtures.defaultRuleSet)
        let options = EvaluationOptions(asOf: AuditHarness.asOf)
        let reports = inputs.map { engine.check(file: $0.location, options: options) }
        let evaluated = reports.filter { $0.status == .evaluated }
        #expect(outcome.coverage.evaluatedRecords == evaluated.count)
        #expect(
            evaluated.count >= 4 && evaluated.count < inputs.count, "the dirty corpus has evaluated and broken records")
        for counts in outcome.coverage.rules {
            let outcomes = evaluated.compactMap { report in report.results.first { $0.ruleID == counts.ruleID }?.outcome
            }
            #expect(counts.fired == outcomes.filter { $0 == .fail }.count, "\(counts.ruleID)")
            #expect(counts.passed == outcomes.filter { $0 == .pass }.count, "\(counts.ruleID)")
            #expect(counts.notApplicable == outcomes.filter { $0 == .notApplicable }.count, "\(counts.ruleID)")
        }
        #expect(!outcome.coverage.neverFired.contains("NSO-001"))
        #expect(outcome.coverage.neverApplied.contains("MORATORIUM-001"), "not in the due-diligence profile")
    }

    @Test func coverageDoesNotDependOnJobsOrChunks() throws {
        let one = try AuditHarness.run(jobs: 1, chunkSize: 1).outcome.coverage
        let two = try AuditHarness.run(jobs: 2, chunkSize: 5).outcome.coverage
        #expect(one == two)
    }

    @Test func anInterruptedAuditCountsOnlyWhatItProcessed() throws {
        var polls = 0
        let outcome = try AuditHarness.run(chunkSize: 4) {
            polls += 1
            return polls > 1
        }.outcome
        #expect(!outcome.completed && outcome.processed == 4)
        #expect(outcome.coverage.evaluatedRecords <= 4)
    }
}
