/// Names the record schema does not declare, unprefixed element names, `//`, variables and
/// comparisons with a value the schema does not allow, read from an expression's syntax tree
/// (compiled or not: a broken expression's tree has the parts the parser could read).
extension RuleSetLinter {
    /// An expression as the linter reads it: its tree, and where its text is written.
    struct Linted {
        let syntax: XPathSyntax
        let position: SourcePosition
        let lines: LineTable?

        init(_ syntax: XPathSyntax, at position: SourcePosition, lines: LineTable?) {
            self.syntax = syntax
            self.position = position
            self.lines = lines
        }

        /// The expression text.
        var text: String { syntax.text }

        /// The position of the character `offset` characters into the text.
        func at(_ offset: Int) -> SourcePosition {
            LineTable.position(lines, contentStart: position, offset: offset)
        }
    }

    /// The problems with the names an expression writes.
    func expressionProblems(_ expression: Linted) -> [LintProblem] {
        var problems: [LintProblem] = []
        for node in expression.syntax.root.allNodes {
            switch node.kind {
            case .variable(let name):
                problems.append(
                    LintProblem(
                        .error,
                        "variable '$\(name)' is not defined: rule expressions have no variables "
                            + "(in '\(expression.text)')",
                        at: expression.at(node.start),
                        suggestion: "write the value or the path itself instead of $\(name)"))
            case .binary(let op, let left, let right) where op == .equal || op == .notEqual:
                if let problem = impossibleValue(left, right, in: expression) { problems.append(problem) }
            case .path(let path):
                problems += stepProblems(path.steps, in: expression)
            case .filter(_, _, let steps):
                problems += stepProblems(steps, in: expression)
            default:
                break
            }
        }
        return problems
    }

    /// `//` steps, and name tests the record schema does not declare or that lack a prefix.
    private func stepProblems(_ steps: [XPathStep], in expression: Linted) -> [LintProblem] {
        var problems: [LintProblem] = []
        for (index, step) in steps.enumerated() {
            if step.syntax == .doubleSlash {
                let next = index + 1 < steps.count ? steps[index + 1] : nil
                problems.append(doubleSlash(at: step.start, before: next, in: expression))
                continue
            }
            guard let name = step.test.name, name != "*" else { continue }
            let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
            let at = expression.at(step.testStart)
            if step.axis == .attribute {
                let name = parts.last ?? ""
                if parts.count == 1, !vocabulary.attributes.contains(name), name != "*" {
                    problems.append(
                        LintProblem(
                            .warning,
                            "attribute '@\(name)' is not declared in the licence record schema, so this test is "
                                + "never true (in '\(expression.text)')",
                            at: at,
                            suggestion: nearest(name, in: vocabulary.attributes).map { "did you mean @\($0)?" }
                                ?? "see docs/record-format.md for the record's attributes"))
                }
            } else if parts.count == 2, parts[0] == "r" {
                if parts[1] != "*", !vocabulary.elements.contains(parts[1]) {
                    problems.append(
                        LintProblem(
                            .warning,
                            "element 'r:\(parts[1])' is not declared in the licence record schema, so this path never "
                                + "matches (in '\(expression.text)')",
                            at: at,
                            suggestion: nearest(parts[1], in: vocabulary.elements).map { "did you mean r:\($0)?" }
                                ?? "see docs/record-format.md for the record's elements"))
                }
            } else if parts.count == 1, vocabulary.elements.contains(parts[0]) {
                problems.append(
                    LintProblem(
                        .warning,
                        "'\(parts[0])' has no namespace prefix, so it never matches a record element "
                            + "(in '\(expression.text)')",
                        at: at, suggestion: "write r:\(parts[0])"))
            }
        }
        return problems
    }

    /// `//` at `offset`, with the absolute path to write instead when the step after it names a
    /// record element.
    private func doubleSlash(at offset: Int, before next: XPathStep?, in expression: Linted) -> LintProblem {
        var suggestion =
            "write the path from the record root (the context node is licenceRecord), e.g. r:parties/r:party"
        if let next, next.syntax == .implicitChild, let name = next.test.name, name.hasPrefix("r:"),
            let paths = vocabulary.paths[String(name.dropFirst(2))], !paths.isEmpty
        {
            let written = paths.prefix(3).map { path in
                "/" + path.split(separator: "/").map { "r:\($0)" }.joined(separator: "/")
            }
            suggestion = "\(name) occurs only at \(written.joined(separator: " or ")); write that path"
        }
        return LintProblem(
            .warning, "'//' searches the whole record (in '\(expression.text)')", at: expression.at(offset),
            suggestion: suggestion)
    }

    /// `@name = 'literal'` or `r:name = 'literal'` (either order, `=` or `!=`) where the record
    /// schema does not allow the literal: the test is constant.
    private func impossibleValue(_ left: XPathNode, _ right: XPathNode, in expression: Linted) -> LintProblem? {
        let side: (name: String, isAttribute: Bool)?
        let literal: XPathNode
        if case .literal = right.kind {
            literal = right
            side = Self.lastName(of: left)
        } else if case .literal = left.kind {
            literal = left
            side = Self.firstName(of: right)
        } else {
            return nil
        }
        guard let side, case .literal(let value) = literal.kind else { return nil }
        let allowed: Set<String>?
        let shown: String
        if side.isAttribute {
            guard !side.name.contains(":") else { return nil }
            allowed = vocabulary.attributeValues[side.name]
            shown = "@" + side.name
        } else {
            guard side.name.hasPrefix("r:") else { return nil }
            allowed = vocabulary.elementValues[String(side.name.dropFirst(2))]
            shown = side.name
        }
        guard let allowed, !allowed.contains(value) else { return nil }
        let near = allowed.count <= 60 ? nearest(value, in: allowed) : nil
        let list =
            allowed.count <= 12
            ? ": one of \(allowed.sorted().joined(separator: ", "))" : " (rules/schemas/licence-record-1.xsd)"
        return LintProblem(
            .warning,
            "'\(value)' is not a value \(shown) can have in the licence record schema, so this comparison is constant "
                + "(in '\(expression.text)')",
            at: expression.at(literal.start),
            suggestion: near.map { "did you mean '\($0)'?" } ?? "use a value the schema allows\(list)")
    }

    /// The name test a node ends with (the one just before a comparison operator after it), and
    /// whether `@` makes it an attribute; nil when the node ends with anything else.
    private static func lastName(of node: XPathNode) -> (name: String, isAttribute: Bool)? {
        switch node.kind {
        case .path(let path): return path.steps.last.flatMap { name(of: $0) }
        case .filter(_, _, let steps): return steps.last.flatMap { name(of: $0) }
        case .binary(_, _, let right): return lastName(of: right)
        case .negate(let operand): return lastName(of: operand)
        default: return nil
        }
    }

    /// The name test a node starts with (the one just after a comparison operator before it);
    /// nil when the node starts with anything else.
    private static func firstName(of node: XPathNode) -> (name: String, isAttribute: Bool)? {
        switch node.kind {
        case .path(let path) where !path.absolute:
            guard let first = path.steps.first, first.syntax == .implicitChild || first.syntax == .at else {
                return nil
            }
            return name(of: first, withPredicates: true)
        case .binary(_, let left, _): return firstName(of: left)
        default: return nil
        }
    }

    /// A step written as a name test alone (`r:name`, `@name`, `child::r:name`; with predicates
    /// only if `withPredicates`).
    private static func name(of step: XPathStep, withPredicates: Bool = false) -> (name: String, isAttribute: Bool)? {
        guard withPredicates || step.predicates.isEmpty, let name = step.test.name, name != "*" else { return nil }
        return (name, step.syntax == .at)
    }
}
