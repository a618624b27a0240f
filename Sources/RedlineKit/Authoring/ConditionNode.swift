/// The top levels of an XPath condition as a tree: `and`, `or`, `not(…)`, comparisons and
/// function calls, down to leaves that are evaluated as XPath sub-expressions. A view of the
/// expression's ``XPathSyntax`` tree (parentheses dropped, chains of `and` / `or` as one node);
/// an expression that is not XPath stays one leaf, so every expression has a tree.
public indirect enum ConditionNode: Sendable, Hashable {
    /// All operands must hold.
    case and([ConditionNode], text: String, offset: Int)
    /// One operand must hold.
    case or([ConditionNode], text: String, offset: Int)
    /// `not(operand)`.
    case not(ConditionNode, text: String, offset: Int)
    /// `left op right` with op one of `= != < <= > >=`.
    case comparison(String, ConditionNode, ConditionNode, text: String, offset: Int)
    /// `name(arguments…)`.
    case call(String, [ConditionNode], text: String, offset: Int)
    /// Any other expression, evaluated as a whole.
    case leaf(text: String, offset: Int)

    /// The expression text of this part.
    public var text: String {
        switch self {
        case .and(_, let text, _), .or(_, let text, _), .not(_, let text, _), .comparison(_, _, _, let text, _),
            .call(_, _, let text, _), .leaf(let text, _):
            return text
        }
    }

    /// The character offset of this part in the whole expression.
    public var offset: Int {
        switch self {
        case .and(_, _, let offset), .or(_, _, let offset), .not(_, _, let offset), .comparison(_, _, _, _, let offset),
            .call(_, _, _, let offset), .leaf(_, let offset):
            return offset
        }
    }

    /// The operands (empty for a leaf).
    public var children: [ConditionNode] {
        switch self {
        case .and(let children, _, _), .or(let children, _, _), .call(_, let children, _, _): return children
        case .not(let child, _, _): return [child]
        case .comparison(_, let left, let right, _, _): return [left, right]
        case .leaf: return []
        }
    }

    /// The branches coverage tracks: every operand of an `and` / `or`, nested ones too (also
    /// under `not(…)`), depth first, each operand before its own operands; or the whole node
    /// when it has no `and` / `or`. `a and (b or c)` gives `a`, `b or c`, `b`, `c`.
    public var branches: [ConditionNode] {
        let operands = ConditionNode.operands(of: self, children: \.children)
        return operands.isEmpty ? [self] : operands
    }

    /// The operands of every `and` / `or` in a tree of `Part`s shaped like a condition tree
    /// (a ``ConditionNode`` or an evaluated condition), in the order of ``branches``.
    static func operands<Part>(of part: Part, node: (Part) -> ConditionNode, children: (Part) -> [Part]) -> [Part] {
        switch node(part) {
        case .and, .or:
            return children(part).flatMap { [$0] + operands(of: $0, node: node, children: children) }
        case .not:
            return children(part).flatMap { operands(of: $0, node: node, children: children) }
        default:
            return []
        }
    }

    static func operands(of node: ConditionNode, children: (ConditionNode) -> [ConditionNode]) -> [ConditionNode] {
        operands(of: node, node: { $0 }, children: children)
    }

    /// The tree of an XPath 1.0 expression.
    public static func parse(_ expression: String) -> ConditionNode {
        ConditionNode(XPathSyntax(expression))
    }

    /// The tree of an expression read into its syntax tree.
    init(_ syntax: XPathSyntax) {
        guard syntax.isValid else {
            // The whole text, without the space around it.
            let text = syntax.text.trimmingWhitespace()
            guard !text.isEmpty else {
                self = .leaf(text: syntax.text, offset: 0)
                return
            }
            let offset = syntax.text.distance(from: syntax.text.startIndex, to: text.startIndex)
            self = .leaf(text: String(text), offset: offset)
            return
        }
        self = ConditionNode(syntax.root, in: syntax)
    }

    private init(_ node: XPathNode, in syntax: XPathSyntax) {
        let text = syntax.text(of: node)
        func parts(_ nodes: [XPathNode]) -> [ConditionNode] { nodes.map { ConditionNode($0, in: syntax) } }
        switch node.kind {
        case .group(let inner):
            self = ConditionNode(inner, in: syntax)
        case .binary(.or, _, _):
            self = .or(parts(node.operands(of: .or)), text: text, offset: node.start)
        case .binary(.and, _, _):
            self = .and(parts(node.operands(of: .and)), text: text, offset: node.start)
        case .binary(let op, let left, let right) where op.isComparison:
            self = .comparison(
                op.rawValue, ConditionNode(left, in: syntax), ConditionNode(right, in: syntax), text: text,
                offset: node.start)
        case .call("not", let arguments) where arguments.count == 1:
            self = .not(ConditionNode(arguments[0], in: syntax), text: text, offset: node.start)
        case .call(let name, let arguments):
            self = .call(name, parts(arguments), text: text, offset: node.start)
        default:
            self = .leaf(text: text, offset: node.start)
        }
    }
}
