import RedlineKit
import Testing

/// Every inline example of every rule in the default rule set gives the outcome it declares.
struct RuleExamplesTests {
    static let outcomes = Engine(ruleSet: Fixtures.defaultRuleSet).runAllExamples()

    @Test(arguments: outcomes.map { "\($0.ruleID)#\($0.index)" })
    func exampleGivesDeclaredOutcome(_ name: String) {
        let outcome = Self.outcomes.first { "\($0.ruleID)#\($0.index)" == name }
        #expect(
            outcome?.passed == true,
            "\(name): expected \(outcome?.expected.rawValue ?? "?"), got \(outcome?.actual.rawValue ?? "?") (\(outcome?.detail ?? ""))"
        )
    }

    @Test func everyRuleHasPassingAndFailingExamples() {
        for rule in Fixtures.defaultRuleSet.rules {
            let expectations = Set(rule.examples.map(\.expect))
            #expect(expectations.contains(.pass), "\(rule.id) has no passing example")
            #expect(!expectations.isDisjoint(with: [.fail, .partial]), "\(rule.id) has no failing example")
        }
    }
}
