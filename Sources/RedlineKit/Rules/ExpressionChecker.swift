/// Checks what compiling an XPath cannot: that every function exists with the right number of
/// arguments, every namespace prefix is declared, every list named by a literal exists, and no
/// variable is used (rule expressions have none: `rules lint` and loading refuse the same).
/// Reads the expression's syntax tree; redline's functions come from their descriptors.
enum ExpressionChecker {
    /// XPath 1.0's core function library.
    static let coreFunctions: Set<String> = [
        "last", "position", "count", "id", "local-name", "namespace-uri", "name", "string", "concat", "starts-with",
        "contains", "substring-before", "substring-after", "substring", "string-length", "normalize-space",
        "translate", "boolean", "not", "true", "false", "lang", "number", "sum", "floor", "ceiling", "round",
    ]

    /// A name the expression writes: a QName with its prefix (a name test, a variable) or a
    /// function call, at its offset in the expression.
    private enum Name {
        case qualified(prefix: String)
        case call(name: String, arguments: [XPathNode])
        case variable(name: String)
    }

    /// The names of a tree to check, in the order they are written.
    private static func names(in syntax: XPathSyntax) -> [(offset: Int, name: Name)] {
        var names: [(offset: Int, name: Name)] = []
        func steps(_ steps: [XPathStep]) {
            for step in steps {
                switch step.test {
                case .name(let prefix?, _), .anyName(let prefix?):
                    names.append((step.testStart, .qualified(prefix: prefix)))
                default:
                    break
                }
            }
        }
        for node in syntax.root.allNodes {
            switch node.kind {
            case .variable(let name):
                if let colon = name.firstIndex(of: ":") {
                    names.append((node.start + 1, .qualified(prefix: String(name[..<colon]))))
                }
                names.append((node.start, .variable(name: name)))
            case .call(let name, let arguments): names.append((node.start, .call(name: name, arguments: arguments)))
            case .path(let path): steps(path.steps)
            case .filter(_, _, let rest): steps(rest)
            default: break
            }
        }
        return names.enumerated().sorted { a, b in
            a.element.offset != b.element.offset ? a.element.offset < b.element.offset : a.offset < b.offset
        }.map(\.element)
    }

    static func check(_ expression: XPathExpression, namespaces: [String: String], lists: [String: ReferenceList])
        throws(RedlineError)
    {
        let text = expression.text
        for (offset, name) in names(in: expression.syntax) {
            var at = expression.position
            if at.column > 0 { at.column += offset }
            let prefix: String?
            switch name {
            case .qualified(let written): prefix = written
            case .call(let written, _): prefix = written.firstIndex(of: ":").map { String(written[..<$0]) }
            case .variable(let written):
                throw RedlineError(
                    .invalidRules,
                    "variable '$\(written)' is not defined: rule expressions have no variables (in '\(text)')",
                    at: at, suggestion: "write the value or the path itself instead of $\(written)")
            }
            if let prefix, namespaces[prefix] == nil {
                throw RedlineError(
                    .invalidRules, "namespace prefix '\(prefix)' is not declared (in '\(text)')", at: at,
                    suggestion: "use r: for record elements and rl: for redline functions, or declare it with "
                        + "<namespace prefix=\"\(prefix)\" uri=\"…\"/>")
            }
            guard case .call(let written, let arguments) = name else { continue }
            guard let prefix else {
                guard coreFunctions.contains(written) else {
                    throw RedlineError(
                        .invalidRules, "unknown function '\(written)' (in '\(text)'); redline uses XPath 1.0", at: at,
                        suggestion: "XPath 1.0 functions only; redline's own are prefixed rl: "
                            + "(see docs/rule-language.md)")
                }
                continue
            }
            let local = String(written.dropFirst(prefix.count + 1))
            guard namespaces[prefix] == RedlineFunctions.namespace,
                let function = RedlineFunctions.descriptor(named: local)
            else {
                let names = RedlineFunctions.descriptors.map(\.prefixedName).sorted().joined(separator: ", ")
                throw RedlineError(
                    .invalidRules, "unknown function '\(written)' (in '\(text)')", at: at,
                    suggestion: "redline's functions are: \(names)")
            }
            try check(function, written: written, arguments: arguments, lists: lists, in: text, at: at)
        }
    }

    /// A call of one of redline's functions: its arity, and the list a literal first argument names.
    private static func check(
        _ function: RedlineFunctionDescriptor, written: String, arguments: [XPathNode],
        lists: [String: ReferenceList], in text: String, at: SourcePosition
    ) throws(RedlineError) {
        let arity = function.arity
        guard arguments.count == arity else {
            let takes = "\(arity) argument\(arity == 1 ? "" : "s"), not \(arguments.count)"
            throw RedlineError(
                .invalidRules, "function \(written) takes \(takes) (in '\(text)')",
                at: at, suggestion: "see docs/rule-language.md for the function's signature")
        }
        guard let wanted = function.list, case .literal(let id) = arguments.first?.kind else { return }
        guard let list = lists[id] else {
            throw RedlineError(
                .invalidRules, "unknown reference list '\(id)' (in '\(text)')", at: at,
                suggestion: lists.isEmpty
                    ? "declare the list with <list id=\"\(id)\" …>"
                    : "declare the list, or use one of: \(lists.keys.sorted().joined(separator: ", "))")
        }
        if case .only(let kind) = wanted, list.kind != kind {
            let anyKind = RedlineFunctions.descriptors.first { $0.list == .anyKind }?.prefixedName ?? "another function"
            throw RedlineError(
                .invalidRules,
                "\(function.prefixedName) needs a \(kind.rawValue) list; '\(id)' is a \(list.kind.rawValue) list",
                at: at,
                suggestion: "use \(anyKind) for \(list.kind.rawValue) lists")
        }
    }
}
