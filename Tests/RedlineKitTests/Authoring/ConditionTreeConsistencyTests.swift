import RedlineKit
import Testing

/// The condition tree evaluates to what the engine evaluates: on every inline example of every
/// default rule, the tree's truth agrees with the rule's outcome, and every part's text is the
/// part of the expression at its offset.
struct ConditionTreeConsistencyTests {
    static let explainer = RuleExplainer(ruleSet: Fixtures.defaultRuleSet)

    static let examples: [String] = Fixtures.defaultRuleSet.rules.flatMap { rule in
        rule.examples.indices.map { "\(rule.id)#\($0)" }
    }

    @Test(arguments: examples)
    func treeTruthAgreesWithTheEngine(_ name: String) throws {
        let parts = name.split(separator: "#")
        let rule = try #require(Fixtures.defaultRuleSet.rule(String(parts[0])))
        let index = try #require(Int(parts[1]))
        let outcome = Self.explainer.engine.runExample(rule, index: index)
        let explanation = try #require(Self.explainer.explain(rule, example: index))
        #expect(explanation.outcome == outcome.actual)
        switch explanation.outcome {
        case .pass:
            #expect(explanation.assertion?.truth == true)
            #expect(explanation.when?.truth ?? true)
        case .fail, .partial:
            #expect(explanation.assertion?.truth == false)
            #expect(explanation.partial.map { $0.truth == (explanation.outcome == .partial) } ?? true)
        case .notApplicable where explanation.reason == "condition not met":
            #expect(explanation.when?.truth == false)
        default:
            break
        }
    }

    @Test func everyPartIsTheTextAtItsOffset() {
        for rule in Fixtures.defaultRuleSet.rules {
            for text in [rule.when?.text, rule.assertion.text, rule.partial?.condition.text].compactMap({ $0 }) {
                let characters = Array(text)
                func check(_ node: ConditionNode) {
                    let end = node.offset + node.text.count
                    #expect(
                        end <= characters.count && String(characters[node.offset..<end]) == node.text,
                        "\(rule.id): \(node.text)")
                    node.children.forEach(check)
                }
                check(ConditionNode.parse(text))
            }
        }
    }
}
