/// Compiles XPath 1.0 text to ``NativeXPath``, or gives `nil` when the expression uses anything
/// the native evaluator does not handle (libxml2 then evaluates it). The grammar is XPath 1.0's
/// (`OrExpr` down to `Step`); names are resolved against the rule set's namespace prefixes.
struct NativeXPathParser {
    private let tokens: [XPathToken]
    private let namespaces: [String: String]
    private var index = 0

    /// The compiled form of `text`, or nil.
    static func compile(_ text: String, namespaces: [String: String]) -> NativeXPath? {
        var parser = NativeXPathParser(tokens: XPathToken.tokenize(text), namespaces: namespaces)
        guard let expression = parser.orExpression(), parser.index == parser.tokens.count else { return nil }
        return expression
    }

    private init(tokens: [XPathToken], namespaces: [String: String]) {
        self.tokens = tokens
        self.namespaces = namespaces
    }

    // MARK: - Tokens

    private var current: XPathToken? { index < tokens.count ? tokens[index] : nil }

    private func peek(_ offset: Int = 0) -> XPathToken? {
        index + offset < tokens.count ? tokens[index + offset] : nil
    }

    private func isSymbol(_ text: String, at offset: Int = 0) -> Bool {
        guard let token = peek(offset) else { return false }
        return token.kind == .symbol && token.text == text
    }

    /// An operator name (`and`, `or`, `div`, `mod`) in operator position.
    private func isOperatorName(_ text: String) -> Bool {
        guard let token = current, token.kind == .name, token.text == text else { return false }
        return XPathToken.isOperatorName(tokens, at: index)
    }

    private mutating func take(_ text: String) -> Bool {
        guard isSymbol(text) else { return false }
        index += 1
        return true
    }

    // MARK: - Expressions

    private mutating func orExpression() -> NativeXPath? {
        leftAssociative([("or", ())], operand: { $0.andExpression() }, join: { _, a, b in .or(a, b) })
    }

    private mutating func andExpression() -> NativeXPath? {
        leftAssociative([("and", ())], operand: { $0.equalityExpression() }, join: { _, a, b in .and(a, b) })
    }

    private mutating func equalityExpression() -> NativeXPath? {
        leftAssociative(
            [("=", NativeComparison.equal), ("!=", .notEqual)], operand: { $0.relationalExpression() },
            join: NativeXPath.compare)
    }

    private mutating func relationalExpression() -> NativeXPath? {
        leftAssociative(
            [("<", NativeComparison.less), ("<=", .lessOrEqual), (">", .greater), (">=", .greaterOrEqual)],
            operand: { $0.additiveExpression() }, join: NativeXPath.compare)
    }

    private mutating func additiveExpression() -> NativeXPath? {
        leftAssociative(
            [("+", NativeArithmetic.add), ("-", .subtract)], operand: { $0.multiplicativeExpression() },
            join: NativeXPath.arithmetic)
    }

    private mutating func multiplicativeExpression() -> NativeXPath? {
        leftAssociative(
            [("*", NativeArithmetic.multiply), ("div", .divide), ("mod", .modulo)], operand: { $0.unaryExpression() },
            join: NativeXPath.arithmetic)
    }

    /// One left-associative level of the grammar: operands joined by any of `operators` (symbols,
    /// or the operator names `and`, `or`, `div`, `mod` in operator position).
    private mutating func leftAssociative<Operator>(
        _ operators: [(token: String, value: Operator)], operand: (inout NativeXPathParser) -> NativeXPath?,
        join: (Operator, NativeXPath, NativeXPath) -> NativeXPath
    ) -> NativeXPath? {
        guard var left = operand(&self) else { return nil }
        while let found = operators.first(where: { isOperator($0.token) }) {
            index += 1
            guard let right = operand(&self) else { return nil }
            left = join(found.value, left, right)
        }
        return left
    }

    private func isOperator(_ token: String) -> Bool {
        ["and", "or", "div", "mod"].contains(token) ? isOperatorName(token) : isSymbol(token)
    }

    private mutating func unaryExpression() -> NativeXPath? {
        if take("-") {
            guard let operand = unaryExpression() else { return nil }
            return .negate(operand)
        }
        return unionExpression()
    }

    private mutating func unionExpression() -> NativeXPath? {
        guard let first = pathExpression() else { return nil }
        guard isSymbol("|") else { return first }
        var parts = [first]
        while take("|") {
            guard let next = pathExpression(), next.isNodeSet else { return nil }
            parts.append(next)
        }
        guard first.isNodeSet else { return nil }
        return .union(parts)
    }

    /// `PathExpr`: a location path, or a filter expression optionally continued by steps.
    private mutating func pathExpression() -> NativeXPath? {
        guard let token = current else { return nil }
        let startsFilter: Bool
        switch token.kind {
        case .literal, .number: startsFilter = true
        case .variable: return nil
        case .symbol: startsFilter = token.text == "("
        case .name:
            let nodeTypes: Set<String> = ["node", "text", "comment", "processing-instruction"]
            startsFilter = isSymbol("(", at: 1) && !nodeTypes.contains(token.text)
        }
        guard startsFilter else { return locationPath().map(NativeXPath.path) }
        guard let primary = primaryExpression() else { return nil }
        var predicates: [NativePredicate] = []
        while isSymbol("[") {
            guard let predicate = predicate() else { return nil }
            predicates.append(predicate)
        }
        var steps: [NativeStep] = []
        if isSymbol("/") || isSymbol("//") {
            guard let more = relativeSteps(), !more.isEmpty else { return nil }
            steps = more
        }
        if predicates.isEmpty, steps.isEmpty { return primary }
        guard primary.isNodeSet else { return nil }
        return .filter(primary, predicates: predicates, steps: steps)
    }

    private mutating func primaryExpression() -> NativeXPath? {
        guard let token = current else { return nil }
        switch token.kind {
        case .literal:
            index += 1
            return .literal(NativeString(token.text))
        case .number:
            index += 1
            guard let value = Double(token.text) else { return nil }
            return .number(value)
        case .symbol:
            guard take("(") else { return nil }
            guard let inner = orExpression(), take(")") else { return nil }
            return inner
        case .name:
            return functionCall()
        case .variable:
            return nil
        }
    }

    private mutating func functionCall() -> NativeXPath? {
        guard let name = current?.text else { return nil }
        let function: NativeFunction?
        if let colon = name.firstIndex(of: ":") {
            let prefix = String(name[..<colon])
            let local = String(name[name.index(after: colon)...])
            guard namespaces[prefix] == RedlineFunctions.namespace else { return nil }
            function = RedlineFunctions.named[local].map(NativeFunction.redline)
        } else {
            function = NativeFunction.core[name]
        }
        guard let function else { return nil }
        index += 1
        guard take("(") else { return nil }
        var arguments: [NativeXPath] = []
        if !take(")") {
            repeat {
                guard let argument = orExpression() else { return nil }
                arguments.append(argument)
            } while take(",")
            guard take(")") else { return nil }
        }
        guard function.accepts(arguments.count) else { return nil }
        return .call(function, arguments)
    }

    private mutating func predicate() -> NativePredicate? {
        guard take("["), let expression = orExpression(), take("]") else { return nil }
        return NativePredicate(expression)
    }

    // MARK: - Location paths

    private mutating func locationPath() -> NativeLocationPath? {
        if take("/") {
            // `/` alone selects the root; `/step…` continues.
            guard let token = current, startsStep(token) else { return NativeLocationPath(absolute: true, steps: []) }
            guard let steps = relativeLocationPath() else { return nil }
            return NativeLocationPath(absolute: true, steps: steps)
        }
        if take("//") {
            guard let steps = relativeLocationPath() else { return nil }
            return NativeLocationPath(absolute: true, steps: [Self.descendantOrSelfNode] + steps)
        }
        guard let steps = relativeLocationPath() else { return nil }
        return NativeLocationPath(absolute: false, steps: steps)
    }

    /// The step `//` stands for, shared by every expression.
    static let descendantOrSelfNode = NativeStep(axis: .descendantOrSelf, test: .node, predicates: [])

    private func startsStep(_ token: XPathToken) -> Bool {
        switch token.kind {
        case .name: return true
        case .symbol: return ["@", ".", "..", "*"].contains(token.text)
        default: return false
        }
    }

    /// Steps after a filter expression: `/step` or `//step`, repeated.
    private mutating func relativeSteps() -> [NativeStep]? {
        var steps: [NativeStep] = []
        while true {
            if take("/") {
            } else if take("//") {
                steps.append(Self.descendantOrSelfNode)
            } else {
                return steps
            }
            guard let step = step() else { return nil }
            steps.append(step)
        }
    }

    /// A relative location path: a step, then `/step` or `//step`, repeated.
    private mutating func relativeLocationPath() -> [NativeStep]? {
        guard let step = step() else { return nil }
        guard let more = relativeSteps() else { return nil }
        return [step] + more
    }

    private mutating func step() -> NativeStep? {
        if take(".") { return NativeStep(axis: .selfNode, test: .node, predicates: []) }
        if take("..") { return NativeStep(axis: .parent, test: .node, predicates: []) }
        var axis = NativeAxis.child
        if take("@") {
            axis = .attribute
        } else if let token = current, token.kind == .name, isSymbol("::", at: 1) {
            let axes: [String: NativeAxis] = [
                "child": .child, "attribute": .attribute, "parent": .parent, "self": .selfNode,
                "following-sibling": .followingSibling, "preceding-sibling": .precedingSibling,
                "descendant": .descendant, "descendant-or-self": .descendantOrSelf, "ancestor": .ancestor,
                "ancestor-or-self": .ancestorOrSelf,
            ]
            guard let named = axes[token.text] else { return nil }
            axis = named
            index += 2
        }
        guard let test = nodeTest() else { return nil }
        var predicates: [NativePredicate] = []
        while isSymbol("[") {
            guard let predicate = predicate() else { return nil }
            predicates.append(predicate)
        }
        return NativeStep(axis: axis, test: test, predicates: predicates)
    }

    private mutating func nodeTest() -> NativeNodeTest? {
        guard let token = current else { return nil }
        if token.kind == .symbol, token.text == "*" {
            index += 1
            return .anyName
        }
        guard token.kind == .name else { return nil }
        index += 1
        if isSymbol("(") {
            guard take("("), take(")") else { return nil }
            switch token.text {
            case "node": return .node
            case "text": return .text
            default: return nil
            }
        }
        guard let colon = token.text.firstIndex(of: ":") else {
            return .name(local: NativeString(token.text), namespace: nil)
        }
        let prefix = String(token.text[..<colon])
        let local = String(token.text[token.text.index(after: colon)...])
        guard let uri = namespaces[prefix] else { return nil }
        if local == "*" { return .anyNameIn(NativeString.namespace(uri)) }
        guard !local.isEmpty else { return nil }
        return .name(local: NativeString(local), namespace: NativeString.namespace(uri))
    }
}
