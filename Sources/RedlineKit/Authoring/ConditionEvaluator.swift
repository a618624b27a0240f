/// Evaluates every part of a condition tree on one prepared record, with the rule set's
/// namespaces, functions and evaluation date (the same context as the engine's).
struct ConditionEvaluator {
    let evaluator: XPathEvaluator
    /// The context node (nil: the record's root element, as for a rule's conditions).
    var context: XMLNode? = nil

    /// Evaluates `expression` split into its tree.
    func evaluate(_ expression: XPathExpression) -> EvaluatedCondition {
        evaluate(ConditionNode(expression.syntax), in: expression)
    }

    func evaluate(_ node: ConditionNode, in expression: XPathExpression) -> EvaluatedCondition {
        evaluate(node) { expression.position(atOffset: $0) }
    }

    /// Evaluates a tree whose parts are placed by `position(offset)`.
    func evaluate(_ node: ConditionNode, position place: (Int) -> SourcePosition) -> EvaluatedCondition {
        let position = place(node.offset)
        let children = node.children.map { evaluate($0, position: place) }
        var value: ConditionValue
        var truth: Bool
        switch node {
        case .and:
            truth = children.allSatisfy(\.truth)
            value = .boolean(truth)
        case .or:
            truth = children.contains(where: \.truth)
            value = .boolean(truth)
        case .not:
            truth = !(children.first?.truth ?? true)
            value = .boolean(truth)
        case .comparison, .call, .leaf:
            value = evaluateText(node.text, at: position)
            truth = value.truth
        }
        return EvaluatedCondition(node: node, value: value, truth: truth, children: children, position: position)
    }

    /// The value of an expression in this evaluator's context (an error value when it does not compile).
    func evaluateText(_ text: String, at position: SourcePosition) -> ConditionValue {
        do throws(RedlineError) {
            let expression = try XPathExpression(text, at: position)
            switch try evaluator.evaluate(expression, node: context) {
            case .nodes(let nodes): return .nodes(nodes.map(ConditionEvaluator.describe))
            case .boolean(let value): return .boolean(value)
            case .number(let value): return .number(value)
            case .string(let value): return .string(value)
            }
        } catch {
            return .error(error.message)
        }
    }

    /// A node's path, line and shortened string value.
    static func describe(_ node: XMLNode) -> ConditionValue.Node {
        var value = node.stringValue.replacingSpacesRuns()
        if value.count > 60 { value = String(value.prefix(57)) + "…" }
        return ConditionValue.Node(path: node.path ?? "/", line: node.line ?? 0, value: value)
    }
}
