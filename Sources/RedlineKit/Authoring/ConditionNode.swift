/// The top levels of an XPath condition as a tree: `and`, `or`, `not(…)`, comparisons and
/// function calls, down to leaves that are evaluated as XPath sub-expressions. Produced by a
/// small recursive-descent parser over XPath 1.0 expression syntax; whatever it does not split
/// stays one leaf, so every expression has a tree.
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

    /// Parses an XPath 1.0 expression.
    public static func parse(_ expression: String) -> ConditionNode {
        let tokens = XPathToken.tokenize(expression)
        let characters = Array(expression)
        guard !tokens.isEmpty else { return .leaf(text: expression, offset: 0) }
        return Parser(tokens: tokens, characters: characters).parse(0..<tokens.count)
    }

    private struct Parser {
        let tokens: [XPathToken]
        let characters: [Character]

        func text(_ range: Range<Int>) -> (String, Int) {
            let start = tokens[range.lowerBound].start
            let end = tokens[range.upperBound - 1].end
            return (String(characters[start..<end]), start)
        }

        /// The index of the bracket closing the one at `open`, or nil.
        func closing(_ open: Int, in range: Range<Int>) -> Int? {
            var depth = 0
            for index in open..<range.upperBound where tokens[index].kind == .symbol {
                switch tokens[index].text {
                case "(", "[": depth += 1
                case ")", "]":
                    depth -= 1
                    if depth == 0 { return index }
                default: break
                }
            }
            return nil
        }

        /// Indices of tokens at bracket depth 0 satisfying `test`.
        func topLevel(_ range: Range<Int>, _ test: (Int) -> Bool) -> [Int] {
            var depth = 0
            var result: [Int] = []
            for index in range {
                let token = tokens[index]
                if token.kind == .symbol, token.text == "(" || token.text == "[" {
                    depth += 1
                } else if token.kind == .symbol, token.text == ")" || token.text == "]" {
                    depth -= 1
                } else if depth == 0, test(index) {
                    result.append(index)
                }
            }
            return result
        }

        func split(_ range: Range<Int>, at separators: [Int]) -> [Range<Int>] {
            var parts: [Range<Int>] = []
            var start = range.lowerBound
            for separator in separators {
                parts.append(start..<separator)
                start = separator + 1
            }
            parts.append(start..<range.upperBound)
            return parts
        }

        func parse(_ range: Range<Int>) -> ConditionNode {
            let (whole, offset) = text(range)
            // (expr) around the whole range.
            if tokens[range.lowerBound].text == "(", tokens[range.lowerBound].kind == .symbol,
                closing(range.lowerBound, in: range) == range.upperBound - 1, range.count > 2
            {
                return parse((range.lowerBound + 1)..<(range.upperBound - 1))
            }
            for keyword in ["or", "and"] {
                let operators = topLevel(range) { tokens[$0].text == keyword && XPathToken.isOperatorName(tokens, at: $0) }
                let parts = split(range, at: operators)
                if operators.isEmpty || parts.contains(where: \.isEmpty) { continue }
                let children = parts.map(parse)
                return keyword == "or" ? .or(children, text: whole, offset: offset) : .and(children, text: whole, offset: offset)
            }
            for group in [["=", "!="], ["<", "<=", ">", ">="]] {
                let operators = topLevel(range) { tokens[$0].kind == .symbol && group.contains(tokens[$0].text) }
                if let last = operators.last, last > range.lowerBound, last < range.upperBound - 1 {
                    return .comparison(
                        tokens[last].text, parse(range.lowerBound..<last), parse((last + 1)..<range.upperBound),
                        text: whole, offset: offset)
                }
            }
            let first = tokens[range.lowerBound]
            if first.kind == .name, range.count >= 3, tokens[range.lowerBound + 1].text == "(",
                !["node", "text", "comment", "processing-instruction"].contains(first.text),
                closing(range.lowerBound + 1, in: range) == range.upperBound - 1
            {
                let inner = (range.lowerBound + 2)..<(range.upperBound - 1)
                let arguments =
                    inner.isEmpty ? [] : split(inner, at: topLevel(inner) { tokens[$0].text == "," && tokens[$0].kind == .symbol })
                if first.text == "not", arguments.count == 1, !arguments[0].isEmpty {
                    return .not(parse(arguments[0]), text: whole, offset: offset)
                }
                if !arguments.contains(where: \.isEmpty) {
                    return .call(first.text, arguments.map(parse), text: whole, offset: offset)
                }
            }
            return .leaf(text: whole, offset: offset)
        }
    }
}
