/// Path-aware never-true check: a relative location path of record elements is followed step
/// by step through the record schema from the context (the record root for a rule's conditions,
/// the element a predicate filters inside `[…]`); a step naming a declared element that can
/// never be a child of the previous step's element never matches, e.g. `r:parties/r:duration`.
/// Anything the check cannot follow (axes, `//`, wildcards, filter expressions, other
/// namespaces) ends the path without a warning. Reads the expression's syntax tree.
extension RuleSetLinter {
    /// The warnings for one expression evaluated with the record root as its context node.
    func pathProblems(_ expression: Linted) -> [LintProblem] {
        var problems: [LintProblem] = []
        follow(expression.syntax.root, from: ["licenceRecord"], in: expression, into: &problems)
        return problems
    }

    /// Follows the paths of `node`, whose context node is one of the elements at `context` (nil:
    /// unknown).
    private func follow(
        _ node: XPathNode, from context: Set<String>?, in expression: Linted, into problems: inout [LintProblem]
    ) {
        switch node.kind {
        case .path(let path):
            follow(path.steps, absolute: path.absolute, from: context, in: expression, into: &problems)
        case .filter(let primary, let predicates, let steps):
            // What a filter expression selects is unknown: its predicates and steps are not followed.
            follow(primary, from: context, in: expression, into: &problems)
            for predicate in predicates { follow(predicate, from: nil, in: expression, into: &problems) }
            follow(steps, absolute: true, from: context, in: expression, into: &problems)
        default:
            for child in node.children { follow(child, from: context, in: expression, into: &problems) }
        }
    }

    /// Follows a path's steps; `afterSlash` says the first step comes after a `/` (an absolute
    /// path, or the steps after a filter expression), where the path is not known to start from
    /// the context.
    private func follow(
        _ steps: [XPathStep], absolute afterSlash: Bool, from context: Set<String>?, in expression: Linted,
        into problems: inout [LintProblem]
    ) {
        // The element paths the path has reached (nil: unknown), and its steps as written.
        var current: Set<String>? = afterSlash ? nil : context
        var written: [String] = []
        for (index, step) in steps.enumerated() {
            let afterDoubleSlash = index > 0 && steps[index - 1].syntax == .doubleSlash
            let continuing = index > 0 ? !afterDoubleSlash : afterSlash
            switch (step.syntax, step.test) {
            case (.dot, _):
                // `.` goes on from where the path is, or starts again from the context.
                if !continuing { current = context }
                written = ["."]
            case (.implicitChild, .name("r", let name)) where !afterDoubleSlash:
                let from = continuing ? current : context
                if !continuing { written = [] }
                written.append("r:\(name)")
                current = nil
                guard let from, vocabulary.elements.contains(name), let occurs = vocabulary.paths[name] else { break }
                let reached = Set(occurs.filter { path in from.contains { path == $0 + "/" + name } })
                if reached.isEmpty {
                    let problem = neverMatches(
                        written, from: from, name: name, occurs: occurs, at: step.testStart, in: expression)
                    problems.append(problem)
                } else {
                    current = reached
                }
            default:
                current = nil
            }
            for predicate in step.predicates { follow(predicate, from: current, in: expression, into: &problems) }
        }
    }

    private func neverMatches(
        _ steps: [String], from: Set<String>, name: String, occurs: [String], at offset: Int, in expression: Linted
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
            "'\(steps.joined(separator: "/"))' never matches a licence record: r:\(name) is never a child of \(parent) "
                + "(in '\(expression.text)')",
            at: expression.at(offset), suggestion: suggestion)
    }
}
