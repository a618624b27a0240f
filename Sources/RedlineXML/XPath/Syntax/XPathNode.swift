/// One node of an ``XPathSyntax`` tree: an XPath 1.0 expression or sub-expression, with the
/// character offsets of its first and last token in the expression text.
package struct XPathNode: Sendable {
    /// What the node is. The cases follow XPath 1.0's grammar; parentheses are kept as ``group``.
    package indirect enum Kind: Sendable {
        /// A string literal (its text, without quotes).
        case literal(String)
        /// A number.
        case number(Double)
        /// A variable reference (the name without `$`).
        case variable(String)
        /// `(expression)`.
        case group(XPathNode)
        /// A function call: the name as written (`rl:in-list`, `count`) and the arguments.
        case call(name: String, arguments: [XPathNode])
        /// A location path.
        case path(XPathLocationPath)
        /// A filter expression: a primary expression with predicates, then steps (`(a | b)[1]/c`).
        case filter(XPathNode, predicates: [XPathNode], steps: [XPathStep])
        /// `left op right`.
        case binary(XPathOperator, XPathNode, XPathNode)
        /// `-operand`.
        case negate(XPathNode)
        /// Text that is not XPath 1.0, with the sub-expressions the parser could read in it.
        case invalid([XPathNode])
    }

    /// What the node is.
    package var kind: Kind
    /// The offset of its first character in the expression text.
    package var start: Int
    /// The offset just after its last character.
    package var end: Int

    /// A node.
    package init(_ kind: Kind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// The nodes directly inside this one, in the order they are written (predicates and step
    /// predicates included).
    package var children: [XPathNode] {
        switch kind {
        case .literal, .number, .variable: return []
        case .group(let inner), .negate(let inner): return [inner]
        case .call(_, let arguments): return arguments
        case .path(let path): return path.steps.flatMap(\.predicates)
        case .filter(let primary, let predicates, let steps):
            return [primary] + predicates + steps.flatMap(\.predicates)
        case .binary(_, let left, let right): return [left, right]
        case .invalid(let parts): return parts
        }
    }

    /// This node and every node inside it, depth first, each before the nodes inside it.
    package var allNodes: [XPathNode] {
        [self] + children.flatMap(\.allNodes)
    }

    /// The operands of a chain of `op` written without parentheses, left to right:
    /// `a or b or c` gives `a`, `b`, `c`; `(a or b) or c` gives `(a or b)`, `c`.
    package func operands(of op: XPathOperator) -> [XPathNode] {
        guard case .binary(op, let left, let right) = kind else { return [self] }
        return left.operands(of: op) + [right]
    }
}
