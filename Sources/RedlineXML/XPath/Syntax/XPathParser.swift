/// Reads the tokens of an expression into an ``XPathSyntax`` tree by XPath 1.0's grammar
/// (`Expr` down to `Step`, XPath 1.0 §3 and §2), by recursive descent. Where the tokens are not
/// XPath, it records the offset, puts an ``XPathNode/Kind/invalid(_:)`` node (or leaves out a
/// missing bracket) and reads on, so that a broken expression still has a tree to lint.
///
/// Where the tree would grow deeper than `maxDepth` (``XPathNode/depth``), or the recursion of
/// the descent (brackets, calls, predicates, `-`) nests deeper, it stops: it notes the offset in
/// ``tooDeepAt``, reads no further token and returns what it has, so neither the parser's own
/// recursion nor any later walk of the tree goes deeper than about `maxDepth` calls.
struct XPathParser {
    private let tokens: [XPathToken]
    /// The offset just after the text (where a missing token is reported).
    private let textEnd: Int
    private var index = 0
    /// The end offset of the last token read.
    private var lastEnd = 0
    /// The offsets where the text is not XPath.
    private(set) var errors: [Int] = []
    /// The deepest tree built.
    private let maxDepth: Int
    /// How many `expression()` and `-` calls are under way.
    private var nesting = 0
    /// Where the tree would have gone deeper than `maxDepth` (the parser stopped there).
    private(set) var tooDeepAt: Int?

    /// The node types, whose names before `(` are node tests, not function calls.
    static let nodeTypes: Set<String> = ["node", "text", "comment", "processing-instruction"]

    /// A parser of `tokens`, the tokens of a text `textEnd` characters long, building trees at
    /// most `maxDepth` deep.
    init(tokens: [XPathToken], textEnd: Int, maxDepth: Int = XPathSyntax.maxDepth) {
        self.tokens = tokens
        self.textEnd = textEnd
        self.maxDepth = maxDepth
    }

    /// The tree of the whole text.
    mutating func parse() -> XPathNode {
        var parts = [expression()]
        while let token = current {
            // A token no expression can continue with: note it, skip it and read on.
            note(token.start)
            advance()
            if current != nil { parts.append(expression()) }
        }
        guard parts.count > 1 else { return parts[0] }
        return node(.invalid(parts), start: parts[0].start, end: lastEnd)
    }

    // MARK: - Depth

    /// Notes that the text is not XPath at `offset` (after a stop, nothing more is noted).
    private mutating func note(_ offset: Int) {
        if tooDeepAt == nil { errors.append(offset) }
    }

    /// Stops reading: the tree would go deeper than `maxDepth` at `offset`. Returns an empty
    /// ``XPathNode/Kind/invalid(_:)`` node to stand for what is not read.
    private mutating func stop(at offset: Int) -> XPathNode {
        if tooDeepAt == nil {
            errors.append(offset)
            tooDeepAt = offset
        }
        index = tokens.count
        return XPathNode(.invalid([]), start: offset, end: offset)
    }

    /// A node, unless it is deeper than `maxDepth`: then the parser stops at `offset` (where the
    /// part that goes too deep is written; the node's start by default).
    private mutating func node(_ kind: XPathNode.Kind, start: Int, end: Int, at offset: Int? = nil) -> XPathNode {
        let built = XPathNode(kind, start: start, end: end)
        guard built.depth <= maxDepth else { return stop(at: offset ?? start) }
        return built
    }

    // MARK: - Tokens

    private var current: XPathToken? { index < tokens.count ? tokens[index] : nil }

    /// Where the current token starts (the text's end after the last).
    private var position: Int { current?.start ?? textEnd }

    private func isSymbol(_ text: String, at offset: Int = 0) -> Bool {
        guard index + offset < tokens.count else { return false }
        let token = tokens[index + offset]
        return token.kind == .symbol && token.text == text
    }

    private mutating func advance() {
        lastEnd = tokens[index].end
        index += 1
    }

    private mutating func take(_ symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        advance()
        return true
    }

    /// Reads `symbol`, or notes that it is missing.
    private mutating func expect(_ symbol: String) {
        if !take(symbol) { note(position) }
    }

    /// An empty ``XPathNode/Kind/invalid(_:)`` node where an expression is missing.
    private mutating func missing() -> XPathNode {
        note(position)
        return XPathNode(.invalid([]), start: position, end: position)
    }

    // MARK: - Expressions

    private static let levels: [[XPathOperator]] = [
        [.or], [.and], [.equal, .notEqual], [.less, .lessOrEqual, .greater, .greaterOrEqual], [.add, .subtract],
        [.multiply, .divide, .modulo],
    ]

    /// `Expr`.
    mutating func expression() -> XPathNode {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= maxDepth else { return stop(at: position) }
        return binary(level: 0)
    }

    /// One left-associative level of binary operators (`OrExpr` down to `MultiplicativeExpr`).
    private mutating func binary(level: Int) -> XPathNode {
        guard level < Self.levels.count else { return unary() }
        var left = binary(level: level + 1)
        while let op = binaryOperator(in: Self.levels[level]) {
            let at = position
            advance()
            let right = binary(level: level + 1)
            left = node(.binary(op, left, right), start: left.start, end: lastEnd, at: at)
        }
        return left
    }

    /// The operator of `candidates` the current token is. Read after an operand, where a name
    /// `and`, `or`, `div` or `mod` is an operator and `*` is multiplication (XPath 1.0 §3.7).
    private func binaryOperator(in candidates: [XPathOperator]) -> XPathOperator? {
        guard let token = current, token.kind == .symbol || token.kind == .name else { return nil }
        return candidates.first { $0.rawValue == token.text }
    }

    /// `UnaryExpr`.
    private mutating func unary() -> XPathNode {
        guard isSymbol("-") else { return union() }
        let start = position
        advance()
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= maxDepth else { return stop(at: start) }
        let operand = unary()
        return node(.negate(operand), start: start, end: lastEnd)
    }

    /// `UnionExpr`.
    private mutating func union() -> XPathNode {
        var left = pathExpression()
        while isSymbol("|") {
            let at = position
            advance()
            let right = pathExpression()
            left = node(.binary(.union, left, right), start: left.start, end: lastEnd, at: at)
        }
        return left
    }

    /// `PathExpr`: a location path, or a filter expression optionally continued by steps.
    private mutating func pathExpression() -> XPathNode {
        guard let token = current else { return missing() }
        switch token.kind {
        case .literal, .number, .variable:
            break
        case .symbol:
            if ["/", "//", "@", ".", "..", "*"].contains(token.text) { return locationPath() }
            guard token.text == "(" else { return missing() }
        case .name:
            guard isSymbol("(", at: 1), !Self.nodeTypes.contains(token.text) else { return locationPath() }
        }
        let primary = primaryExpression()
        var predicates: [XPathNode] = []
        while isSymbol("[") { predicates.append(predicate()) }
        let steps = isSymbol("/") || isSymbol("//") ? relativeSteps() : []
        if predicates.isEmpty, steps.isEmpty { return primary }
        return node(.filter(primary, predicates: predicates, steps: steps), start: token.start, end: lastEnd)
    }

    /// `PrimaryExpr`: a literal, number, variable, parenthesised expression or function call.
    private mutating func primaryExpression() -> XPathNode {
        guard let token = current else { return missing() }
        let start = token.start
        advance()
        switch token.kind {
        case .literal:
            // An unterminated literal runs to the end of the text.
            if token.end - token.start != token.text.count + 2 { note(start) }
            return XPathNode(.literal(token.text), start: start, end: lastEnd)
        case .number:
            guard let value = Double(token.text) else {
                note(start)
                return XPathNode(.invalid([]), start: start, end: lastEnd)
            }
            return XPathNode(.number(value), start: start, end: lastEnd)
        case .variable:
            let name = String(token.text.dropFirst())
            if name.isEmpty || name.hasSuffix(":") { note(start) }
            return XPathNode(.variable(name), start: start, end: lastEnd)
        case .symbol:
            let inner = expression()
            expect(")")
            return node(.group(inner), start: start, end: lastEnd)
        case .name:
            if token.text.hasSuffix(":") { note(start) }
            advance()
            var arguments: [XPathNode] = []
            if !take(")") {
                repeat { arguments.append(expression()) } while take(",")
                expect(")")
            }
            return node(.call(name: token.text, arguments: arguments), start: start, end: lastEnd)
        }
    }

    /// `[expression]`.
    private mutating func predicate() -> XPathNode {
        advance()
        let expression = expression()
        expect("]")
        return expression
    }

    // MARK: - Location paths

    /// `LocationPath`.
    private mutating func locationPath() -> XPathNode {
        let start = position
        var path = XPathLocationPath(absolute: false, steps: [])
        if take("/") {
            path.absolute = true
            // `/` alone selects the root; `/step…` goes on.
            if let token = current, Self.startsStep(token) { path.steps = relativePath() }
        } else if isSymbol("//") {
            path.absolute = true
            path.steps = [doubleSlash()] + relativePath()
        } else {
            path.steps = relativePath()
        }
        return node(.path(path), start: start, end: lastEnd)
    }

    private static func startsStep(_ token: XPathToken) -> Bool {
        switch token.kind {
        case .name: return true
        case .symbol: return ["@", ".", "..", "*"].contains(token.text)
        default: return false
        }
    }

    /// `RelativeLocationPath`: a step, then `/step` or `//step`, repeated.
    private mutating func relativePath() -> [XPathStep] {
        let first = step().map { [$0] } ?? []
        return first + relativeSteps()
    }

    /// `/step` or `//step`, repeated.
    private mutating func relativeSteps() -> [XPathStep] {
        var steps: [XPathStep] = []
        while true {
            // Each step is a level of the path's depth: stop before the steps alone are too many.
            if steps.count >= maxDepth, isSymbol("/") || isSymbol("//") {
                _ = stop(at: position)
                return steps
            }
            if isSymbol("//") {
                steps.append(doubleSlash())
            } else if !take("/") {
                return steps
            }
            if let step = step() { steps.append(step) }
        }
    }

    /// The step `//` stands for, where it is written.
    private mutating func doubleSlash() -> XPathStep {
        let start = position
        advance()
        return XPathStep(
            axis: .descendantOrSelf, syntax: .doubleSlash, test: .node, testStart: start, testEnd: lastEnd,
            predicates: [], start: start, end: lastEnd)
    }

    /// `Step`, or nil (with the error noted) where there is none.
    private mutating func step() -> XPathStep? {
        guard let token = current else {
            note(textEnd)
            return nil
        }
        let start = token.start
        if isSymbol(".") || isSymbol("..") {
            advance()
            let dot = token.text == "."
            return XPathStep(
                axis: dot ? .self : .parent, syntax: dot ? .dot : .dotDot, test: .node, testStart: start,
                testEnd: lastEnd, predicates: [], start: start, end: lastEnd)
        }
        var axis = XPathStep.Axis.child
        var syntax = XPathStep.Syntax.implicitChild
        if take("@") {
            axis = .attribute
            syntax = .at
        } else if token.kind == .name, isSymbol("::", at: 1) {
            if let named = XPathStep.Axis(rawValue: token.text) { axis = named } else { note(start) }
            syntax = .namedAxis
            advance()
            advance()
        }
        let testStart = position
        guard let test = nodeTest() else { return nil }
        let testEnd = lastEnd
        var predicates: [XPathNode] = []
        while isSymbol("[") { predicates.append(predicate()) }
        return XPathStep(
            axis: axis, syntax: syntax, test: test, testStart: testStart, testEnd: testEnd, predicates: predicates,
            start: start, end: lastEnd)
    }

    /// `NodeTest`, or nil (with the error noted) where there is none.
    private mutating func nodeTest() -> XPathStep.NodeTest? {
        guard let token = current, token.kind == .name || (token.kind == .symbol && token.text == "*") else {
            note(position)
            return nil
        }
        if token.kind == .symbol {
            advance()
            return .anyName(prefix: nil)
        }
        if isSymbol("(", at: 1) {
            guard Self.nodeTypes.contains(token.text) else {
                // A function call cannot be a step.
                note(token.start)
                return nil
            }
            advance()
            advance()
            var literal: String?
            if token.text == "processing-instruction", let next = current, next.kind == .literal {
                literal = next.text
                advance()
            }
            expect(")")
            switch token.text {
            case "node": return .node
            case "text": return .text
            case "comment": return .comment
            default: return .processingInstruction(literal)
            }
        }
        advance()
        guard let colon = token.text.firstIndex(of: ":") else { return .name(prefix: nil, local: token.text) }
        let prefix = String(token.text[..<colon])
        let local = String(token.text[token.text.index(after: colon)...])
        if local == "*" { return .anyName(prefix: prefix) }
        if local.isEmpty { note(token.start) }
        return .name(prefix: prefix, local: local)
    }
}
