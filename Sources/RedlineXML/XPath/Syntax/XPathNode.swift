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
    package let kind: Kind
    /// The offset of its first character in the expression text.
    package var start: Int
    /// The offset just after its last character.
    package var end: Int
    /// How deep the tree under this node is: 1 for a literal, number or variable; one more than
    /// the deepest node inside for a group, call, negation, operator or invalid text; for a
    /// location path or filter expression, one more than its primary expression and predicates
    /// plus one per step (the evaluators recurse once per step). Every walk of the tree (the
    /// parser, the evaluators, the lint checks, releasing it) goes about this deep, so
    /// ``XPathParser`` bounds it (``XPathSyntax/maxDepth``).
    package let depth: Int

    /// A node.
    package init(_ kind: Kind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
        depth = XPathNode.depth(of: kind)
    }

    private static func depth(of kind: Kind) -> Int {
        func deepest(_ nodes: [XPathNode]) -> Int { nodes.reduce(0) { max($0, $1.depth) } }
        func steps(_ steps: [XPathStep]) -> Int { steps.count + deepest(steps.flatMap(\.predicates)) }
        switch kind {
        case .literal, .number, .variable: return 1
        case .group(let inner), .negate(let inner): return 1 + inner.depth
        case .call(_, let arguments): return 1 + deepest(arguments)
        case .path(let path): return 1 + steps(path.steps)
        case .filter(let primary, let predicates, let rest):
            return 1 + max(primary.depth, deepest(predicates)) + steps(rest)
        case .binary(_, let left, let right): return 1 + max(left.depth, right.depth)
        case .invalid(let parts): return 1 + deepest(parts)
        }
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

    /// This node and every node inside it, depth first, each before the nodes inside it (walked
    /// with a stack of its own, not by recursion).
    package var allNodes: [XPathNode] {
        var nodes: [XPathNode] = []
        var pending = [self]
        while let node = pending.popLast() {
            nodes.append(node)
            pending.append(contentsOf: node.children.reversed())
        }
        return nodes
    }

    /// The operands of a chain of `op` written without parentheses, left to right:
    /// `a or b or c` gives `a`, `b`, `c`; `(a or b) or c` gives `(a or b)`, `c`.
    package func operands(of op: XPathOperator) -> [XPathNode] {
        var rights: [XPathNode] = []
        var node = self
        while case .binary(op, let left, let right) = node.kind {
            rights.append(right)
            node = left
        }
        return [node] + rights.reversed()
    }

    /// Releases the tree in `tree` one node at a time, with a stack of its own, and leaves an
    /// empty node in its place. Releasing a tree the usual way frees each node inside the release
    /// of its parent, one call deeper per level, which overflows the stack for a tree tens of
    /// thousands of levels deep. Only nodes nothing else holds are freed here; a subtree still
    /// held elsewhere (a copy of a node) only loses a reference.
    package static func release(_ tree: inout XPathNode) {
        var pending = [XPathNode(.invalid([]), start: 0, end: 0)]
        swap(&pending[0], &tree)
        while let node = pending.popLast() {
            // The children are held here while `node` is freed, so freeing it frees no child.
            pending.append(contentsOf: node.children)
        }
    }
}
