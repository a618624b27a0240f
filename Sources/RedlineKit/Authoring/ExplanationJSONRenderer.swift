/// Renders explanations as JSON (`redline explain --format json`): the record's report and,
/// per rule, each condition as a tree of parts with their truth and value. Sorted keys.
public struct ExplanationJSONRenderer: Sendable {
    /// One part of a condition.
    struct Part: Encodable {
        var kind: String
        var text: String
        var truth: Bool
        var value: String
        var nodes: [ConditionValue.Node]?
        var line: Int
        var column: Int
        var parts: [Part]

        init(_ condition: EvaluatedCondition) {
            switch condition.node {
            case .and: kind = "and"
            case .or: kind = "or"
            case .not: kind = "not"
            case .comparison(let op, _, _, _, _): kind = "comparison " + op
            case .call(let name, _, _, _): kind = "call " + name
            case .leaf: kind = "leaf"
            }
            text = condition.node.text
            truth = condition.truth
            value = condition.value.description
            if case .nodes(let found) = condition.value { nodes = found }
            line = condition.position.line
            column = condition.position.column
            parts = condition.children.map(Part.init)
        }
    }

    struct Rule: Encodable {
        var id: String
        var title: String
        var severity: String
        var outcome: String
        var reason: String?
        var finding: Finding?
        var when: Part?
        var assertion: Part?
        var partial: Part?
        var pointsAt: [ConditionValue.Node]
        var flipGoal: String
        var flip: [String]
        var remedy: String

        enum CodingKeys: String, CodingKey {
            case id, title, severity, outcome, reason, finding, when, partial, flip, remedy
            case assertion = "assert"
            case pointsAt
            case flipGoal
        }
    }

    struct Document: Encodable {
        var formatVersion: Int
        var record: RecordReport
        var rules: [Rule]
    }

    /// Creates a renderer.
    public init() {}

    /// The JSON text (pretty-printed, sorted keys, trailing newline).
    public func render(report: RecordReport, explanations: [RuleExplanation]) -> String {
        let rules = explanations.map { explanation in
            Rule(
                id: explanation.ruleID, title: explanation.title, severity: explanation.severity.rawValue,
                outcome: explanation.outcome.rawValue, reason: explanation.reason, finding: explanation.finding,
                when: explanation.when.map(Part.init), assertion: explanation.assertion.map(Part.init),
                partial: explanation.partial.map(Part.init), pointsAt: explanation.located,
                flipGoal: explanation.flipGoal,
                flip: explanation.flip, remedy: explanation.remedy)
        }
        return PrettyJSONEncoder().document(Document(formatVersion: 1, record: report, rules: rules))
    }
}
