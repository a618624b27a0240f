/// Path-aware never-true check: a relative location path of record elements is followed step
/// by step through the record schema from the context (the record root for a rule's conditions,
/// the element a predicate filters inside `[…]`); a step naming a declared element that can
/// never be a child of the previous step's element never matches, e.g. `r:parties/r:duration`.
/// Anything the check cannot follow (axes, `//`, wildcards, filter expressions, other
/// namespaces) ends the path without a warning.
extension RuleSetLinter {
    /// The warnings for one expression evaluated with the record root as its context node.
    func pathProblems(_ text: String, at position: SourcePosition, lines: LineTable?) -> [LintProblem] {
        let tokens = XPathToken.tokenize(text)
        var problems: [LintProblem] = []
        let root: Set<String> = ["licenceRecord"]
        // Per open bracket: the context its paths start from (nil: unknown).
        var contexts: [Set<String>?] = [root]
        // The element paths the path being read has reached (nil: not in a path, or unknown).
        var current: Set<String>?
        var steps: [String] = []
        for (index, token) in tokens.enumerated() {
            let previous = index > 0 ? tokens[index - 1] : nil
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            switch (token.kind, token.text) {
            case (.symbol, "["):
                contexts.append(current)
                current = nil
                continue
            case (.symbol, "("):
                contexts.append(contexts.last ?? nil)
                current = nil
                continue
            case (.symbol, "]"):
                // The path goes on after its predicate from where it was.
                current = contexts.count > 1 ? contexts.removeLast() : nil
                continue
            case (.symbol, ")"):
                if contexts.count > 1 { contexts.removeLast() }
                current = nil
                continue
            case (.symbol, "/"):
                // A leading `/` (absolute path) or a `/` after something that is not a step: unknown.
                if let previous, previous.kind == .name || [".", "]"].contains(previous.text) { continue }
                current = nil
                continue
            case (.symbol, "."):
                if previous?.text != "/" { current = contexts.last ?? nil }
                steps = ["."]
                continue
            case (.name, _) where token.text.hasPrefix("r:") && token.text != "r:*":
                guard next?.text != "(", next?.text != "::", !["@", "::", "//"].contains(previous?.text) else {
                    current = nil
                    continue
                }
                let name = String(token.text.dropFirst(2))
                let continuing = previous?.text == "/"
                let from: Set<String>? = continuing ? current : (contexts.last ?? nil)
                if !continuing { steps = [] }
                steps.append(token.text)
                guard let from, vocabulary.elements.contains(name), let occurs = vocabulary.paths[name] else {
                    current = nil
                    continue
                }
                let reached = Set(occurs.filter { path in from.contains { path == $0 + "/" + name } })
                if reached.isEmpty {
                    problems.append(
                        neverMatches(steps, from: from, name: name, occurs: occurs, text: text, token: token, lines: lines, at: position))
                    current = nil
                } else {
                    current = reached
                }
                continue
            default:
                // Any other token ends the path (operators, literals, `|`, `,`, `@`, `//`, axes, wildcards).
                if !(token.kind == .symbol && token.text == "/") { current = nil }
            }
        }
        return problems
    }

    private func neverMatches(
        _ steps: [String], from: Set<String>, name: String, occurs: [String], text: String, token: XPathToken, lines: LineTable?,
        at position: SourcePosition
    ) -> LintProblem {
        let parents = from.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.sorted()
        let written = occurs.prefix(3).map { "/" + $0.split(separator: "/").map { "r:\($0)" }.joined(separator: "/") }
        var suggestion = "r:\(name) occurs only at \(written.joined(separator: " or "))"
        if from == ["licenceRecord"], let first = occurs.first {
            let relative = first.split(separator: "/").dropFirst().map { "r:\($0)" }.joined(separator: "/")
            suggestion += "; from the record root write \(relative)"
        }
        let parent = parents.count == 1 ? parents[0] : "any of " + parents.joined(separator: ", ")
        return LintProblem(
            .warning,
            "'\(steps.joined(separator: "/"))' never matches a licence record: r:\(name) is never a child of \(parent) (in '\(text)')",
            at: LineTable.position(lines, contentStart: position, offset: token.start), suggestion: suggestion)
    }
}
