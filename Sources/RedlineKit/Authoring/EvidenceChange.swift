/// Says a change of a rule's condition as a change of evidence in the record: which existing
/// element fails which part of a path's predicate (with its line), what a redline function
/// means in evidence words (`rl:independent` → independent provenance, `rl:days-since(x) <= N`
/// → dated on or after a day, `rl:in-list` → which value is on which list), and what element is
/// missing where. Used by `redline explain` for the smallest change that flips an outcome; nil
/// when there is nothing better to say than the expression.
struct EvidenceChange {
    let evaluator: XPathEvaluator
    let lists: [String: ReferenceList]
    let asOf: LocalDate
    /// Where the rule's expression is written (for expressions built while explaining).
    let position: SourcePosition

    /// What is wrong now and what would make a part take the wanted value, both in words.
    struct Plan {
        var now: [String] = []
        var fix: [String] = []
        var isEmpty: Bool { fix.isEmpty }
    }

    /// The change in words, or nil.
    func describe(_ change: EvaluatedCondition.Change) -> String? {
        let part = change.part
        if case .leaf(let text, _) = part.node, change.target, case .nodes(let nodes) = part.value, nodes.isEmpty {
            return missing(text)
        }
        guard let plan = atom(part, target: change.target, subject: nil) else { return nil }
        if case .call(let function, _, _, _) = part.node, function == RedlineFunctionDescriptor.inList.prefixedName,
            !change.target
        {
            return plan.now.joined(separator: "; ") + ": " + plan.fix.joined(separator: " and ")
        }
        // At the top level the subject is the record.
        let now = plan.now.map { $0.hasPrefix("has ") || $0.hasPrefix("is ") ? "the record " + $0 : $0 }
        return plan.fix.joined(separator: " and ") + (now.isEmpty ? "" : " (now \(now.joined(separator: " and ")))")
    }

    // MARK: - Paths

    /// One step of a location path: its axis and name as written, its name as a reader says it,
    /// and its predicates.
    struct Step {
        /// The step without its predicates (`r:impactAssessment`, `@months`, `child::r:item`).
        var head: String
        /// The name as a reader says it: `impactAssessment`, `@months`.
        var name: String
        /// Each predicate's expression.
        var predicates: [String]
    }

    /// The steps of a relative location path of name tests, `.` and `..` (`r:a/r:b[p]/@c`), read
    /// from its syntax tree, or nil for anything else.
    static func steps(_ text: String) -> [Step]? {
        let syntax = XPathSyntax(text)
        guard syntax.isValid, case .path(let path) = syntax.root.kind, !path.absolute else { return nil }
        var steps: [Step] = []
        for step in path.steps {
            let head = syntax.text(from: step.start, to: step.testEnd)
            var name: String
            switch (step.syntax, step.test) {
            case (.doubleSlash, _): return nil
            case (.dot, _), (.dotDot, _): name = head
            case (_, .name(_, let local)): name = local
            case (_, .anyName): name = "*"
            default: return nil
            }
            if step.syntax == .at { name = "@" + name }
            steps.append(Step(head: head, name: name, predicates: step.predicates.map(syntax.text(of:))))
        }
        return steps
    }

    /// `/licenceRecord/dueDiligence/impactAssessment[2]` → `impactAssessment`.
    static func localName(_ path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return String(last.prefix { $0 != "[" })
    }

    private func nodes(_ text: String, context: XMLNode? = nil) -> [XMLNode] {
        guard let expression = try? XPathExpression(text, at: position) else { return [] }
        return (try? evaluator.nodes(expression, node: context)) ?? []
    }

    private func value(_ text: String, context: XMLNode?) -> ConditionValue {
        ConditionEvaluator(evaluator: evaluator, context: context).evaluateText(text, at: position)
    }

    /// A path that matches nothing: the first step that matches no element (what to add where),
    /// or the first predicate no element satisfies (which element fails which part).
    func missing(_ text: String) -> String? {
        guard let steps = EvidenceChange.steps(text) else { return nil }
        var prefix = ""
        var parents: [XMLNode] = []
        for (index, step) in steps.enumerated() {
            let path = prefix.isEmpty ? step.head : prefix + "/" + step.head
            var current = nodes(path)
            if current.isEmpty {
                let rest = steps[index...].map { ([$0.head] + $0.predicates.map { "[\($0)]" }).joined() }.joined(
                    separator: "/")
                let name = step.name
                guard let parent = parents.first else {
                    return "add `\(rest)` to the record (it has no \(name))"
                }
                let described = ConditionEvaluator.describe(parent)
                return
                    "add `\(rest)` to the \(EvidenceChange.localName(described.path)) at line \(described.line) (it "
                    + "has no \(name))"
            }
            var currentText = path
            for predicate in step.predicates {
                let next = nodes(currentText + "[" + predicate + "]")
                if next.isEmpty { return failing(current, predicate) }
                current = next
                currentText += "[\(predicate)]"
            }
            prefix = currentText
            parents = current
        }
        return nil
    }

    /// Why each of `candidates` fails `predicate`, and what would make it pass.
    private func failing(_ candidates: [XMLNode], _ predicate: String) -> String? {
        let tree = ConditionNode.parse(predicate)
        var sentences: [String] = []
        for candidate in candidates.prefix(ConditionValue.shownNodes) {
            let evaluated = ConditionEvaluator(evaluator: evaluator, context: candidate).evaluate(tree) { _ in position
            }
            let plan = self.plan(evaluated, target: true, subject: candidate)
            guard !plan.isEmpty else { return nil }
            let described = ConditionEvaluator.describe(candidate)
            var sentence = "the \(EvidenceChange.localName(described.path)) at line \(described.line)"
            if !plan.now.isEmpty { sentence += " " + plan.now.joined(separator: " and ") }
            sentences.append(sentence + ": " + plan.fix.joined(separator: " and "))
        }
        if candidates.count > ConditionValue.shownNodes { sentences.append("…") }
        if sentences.count == 1 { return sentences[0] }
        return "one of these must change: " + sentences.joined(separator: "; ")
    }

    // MARK: - Conditions in words

    /// The fewest parts of `part` to change for it to become `target`, in words (as
    /// ``EvaluatedCondition/changes(toBecome:)``, but naming every alternative of an `or`).
    func plan(_ part: EvaluatedCondition, target: Bool, subject: XMLNode?) -> Plan {
        if part.truth == target { return Plan() }
        switch part.node {
        case .and, .or:
            let isAnd: Bool
            if case .and = part.node { isAnd = true } else { isAnd = false }
            let options = part.children.map { plan($0, target: target, subject: subject) }.filter { !$0.isEmpty }
            if isAnd == target {
                var now: [String] = []
                for item in options.flatMap(\.now) where !now.contains(item) { now.append(item) }
                return Plan(now: now, fix: options.flatMap(\.fix))
            }
            if options.count > 1, options.allSatisfy({ $0.fix.count == 1 }) {
                var now: [String] = []
                for option in options { for item in option.now where !now.contains(item) { now.append(item) } }
                return Plan(now: now, fix: [options.map { $0.fix[0] }.joined(separator: ", or ")])
            }
            return options.min { $0.fix.count < $1.fix.count } ?? Plan()
        case .not:
            return part.children.first.map { plan($0, target: !target, subject: subject) } ?? Plan()
        case .comparison, .call, .leaf:
            return atom(part, target: target, subject: subject)
                ?? Plan(now: ["`\(part.node.text)` is \(part.value)"], fix: ["make `\(part.node.text)` \(target)"])
        }
    }

    /// One comparison, call or path in words, or nil when there is nothing better to say.
    func atom(_ part: EvaluatedCondition, target: Bool, subject: XMLNode?) -> Plan? {
        switch part.node {
        case .leaf(let text, _):
            guard let steps = EvidenceChange.steps(text), steps.allSatisfy({ $0.predicates.isEmpty }), text != "."
            else { return nil }
            let name = steps.map(\.name).joined(separator: "/")
            if target { return Plan(now: ["has no \(name)"], fix: ["add \(name)"]) }
            guard case .nodes(let nodes) = part.value else { return nil }
            var now =
                "\(name) is "
                + nodes.prefix(ConditionValue.shownNodes).map { "'\($0.value)' (line \($0.line))" }.joined(
                    separator: ", ")
            if nodes.count > ConditionValue.shownNodes { now += ", …" }
            return Plan(now: [now], fix: ["remove \(name)"])
        case .comparison(let op, let left, let right, _, _):
            if case .call(let function, let arguments, _, _) = left,
                function == RedlineFunctionDescriptor.daysSince.prefixedName, arguments.count == 1,
                let days = Double(right.text)
            {
                return dated(arguments[0].text, op: op, days: Int(days), target: target, subject: subject)
            }
            return compared(part, op: op, left: left, target: target, subject: subject)
        case .call(let function, let arguments, _, _):
            switch (function, target) {
            case (RedlineFunctionDescriptor.independent.prefixedName, true),
                (RedlineFunctionDescriptor.selfDeclared.prefixedName, false):
                guard let argument = arguments.first else { return nil }
                return independent(argument.text, subject: subject)
            case (RedlineFunctionDescriptor.inList.prefixedName, _):
                return inList(part, target: target)
            case (RedlineFunctionDescriptor.hasTokens.prefixedName, true):
                guard part.children.count == 2, case .string(let wanted) = part.children[1].value else { return nil }
                let current = part.children[0].value
                let now =
                    if case .nodes(let nodes) = current, let first = nodes.first {
                        "has \(arguments[0].text)='\(first.value)'"
                    } else {
                        "has no \(arguments[0].text)"
                    }
                return Plan(now: [now], fix: ["list every one of '\(wanted)' in \(arguments[0].text)"])
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// `path = 'text'`, `path != 'text'` or `path op number` with a plain path (no predicates) on
    /// the left: the value to set, add or change.
    private func compared(_ part: EvaluatedCondition, op: String, left: ConditionNode, target: Bool, subject: XMLNode?)
        -> Plan?
    {
        guard case .leaf(let path, _) = left, let steps = EvidenceChange.steps(path),
            steps.allSatisfy({ $0.predicates.isEmpty }),
            let last = steps.last, part.children.count == 2
        else { return nil }
        let name = steps.map(\.name).joined(separator: "/")
        let isAttribute = last.head.hasPrefix("@") || last.head.hasPrefix("attribute::")
        let current: [ConditionValue.Node]
        if case .nodes(let nodes) = part.children[0].value { current = nodes } else { return nil }
        var now: String
        if current.isEmpty {
            now = "has no \(name)"
        } else if subject != nil, steps.count == 1, isAttribute {
            now = "has \(name)='\(current[0].value)'"
        } else {
            now =
                "\(name) is "
                + current.prefix(ConditionValue.shownNodes).map { "'\($0.value)' (line \($0.line))" }.joined(
                    separator: ", ")
            if current.count > ConditionValue.shownNodes { now += ", …" }
        }
        switch (op, part.children[1].value) {
        case ("=", .string(let wanted)), ("!=", .string(let wanted)):
            if (op == "=") == target {
                if isAttribute { return Plan(now: [now], fix: ["set \(name)=\"\(wanted)\""]) }
                return Plan(now: ["has no \(name) '\(wanted)'"], fix: ["add \(name) '\(wanted)'"])
            }
            return Plan(
                now: [now], fix: [isAttribute ? "change \(name) from '\(wanted)'" : "remove \(name) '\(wanted)'"])
        case (_, .number(let number)):
            let bound = ConditionValue.number(number).description
            let words: String
            switch (op, target) {
            case ("<=", true), (">", false): words = "at most \(bound)"
            case ("<", true), (">=", false): words = "below \(bound)"
            case (">=", true), ("<", false): words = "at least \(bound)"
            case (">", true), ("<=", false): words = "above \(bound)"
            default: return nil
            }
            return Plan(now: [now], fix: ["set \(name) to \(words)"])
        default:
            return nil
        }
    }

    /// `rl:independent(path)` made true: the provenance each node has, and the ones that count.
    private func independent(_ path: String, subject: XMLNode?) -> Plan? {
        let targets = nodes(path, context: subject)
        let provenances = targets.map(\.provenance)
        let counted = RedlineFunctions.independentProvenances.sorted { a, b in
            EvidenceChange.provenanceOrder.firstIndex(of: a) ?? 99 < EvidenceChange.provenanceOrder.firstIndex(of: b)
                ?? 99
        }
        let it = path == "." ? "it" : "`\(path)`"
        let fix = "make \(it) independent (provenance \(counted.joined(separator: "|")))"
        guard !provenances.isEmpty else {
            return Plan(
                now: ["has no `\(path)`"],
                fix: ["add `\(path)` with independent provenance (\(counted.joined(separator: "|")))"])
        }
        let kinds = Array(Set(provenances)).sorted()
        let now =
            kinds == ["self-declared"]
            ? "is self-declared" : "has provenance \(kinds.map { "'\($0)'" }.joined(separator: ", "))"
        return Plan(now: [now], fix: [fix])
    }

    static let provenanceOrder = ["forensic", "court", "regulator", "audit", "independent"]

    /// `rl:days-since(path) op days` made `target`: the day the evidence must be dated on or after (or before).
    private func dated(_ path: String, op: String, days: Int, target: Bool, subject: XMLNode?) -> Plan? {
        // days-since(d) = asOf − d: compare d with asOf − days.
        let limit = asOf.daysSinceEpoch - days
        let wanted: (after: Bool, day: Int)
        switch (op, target) {
        case ("<=", true), (">", false): wanted = (true, limit)
        case ("<", true), (">=", false): wanted = (true, limit + 1)
        case (">=", true), ("<", false): wanted = (false, limit)
        case (">", true), ("<=", false): wanted = (false, limit - 1)
        default: return nil
        }
        let day = LocalDate(daysSinceEpoch: wanted.day)
        let dates = nodes(path, context: subject).map { ConditionEvaluator.describe($0) }
        var name = "`\(path)`"
        if let steps = EvidenceChange.steps(path), steps.allSatisfy({ $0.predicates.isEmpty }) {
            name = steps.map(\.name).joined(separator: "/")
        }
        let now =
            dates.isEmpty
            ? "has no \(name)"
            : "\(name) is "
                + dates.prefix(ConditionValue.shownNodes).map { "'\($0.value)' (line \($0.line))" }.joined(
                    separator: ", ")
        return Plan(now: [now], fix: ["date \(name) on or \(wanted.after ? "after" : "before") \(day)"])
    }

    /// `rl:in-list('id', values)`: which value is on the list (made false) or that none is (made true).
    private func inList(_ part: EvaluatedCondition, target: Bool) -> Plan? {
        guard part.children.count == 2, case .string(let id) = part.children[0].value, let list = lists[id] else {
            return nil
        }
        let values: [ConditionValue.Node]
        switch part.children[1].value {
        case .nodes(let nodes): values = nodes
        case .string(let value): values = [ConditionValue.Node(path: "", line: 0, value: value)]
        default: return nil
        }
        let title = list.title.isEmpty ? "list \(id)" : "list \(id) (\"\(list.title)\")"
        func place(_ node: ConditionValue.Node) -> String {
            node.line > 0 ? "'\(node.value)' at line \(node.line)" : "'\(node.value)'"
        }
        if target {
            let shown = values.prefix(ConditionValue.shownNodes).map(place).joined(separator: ", ")
            return Plan(
                now: [values.isEmpty ? "`\(part.node.children[1].text)` is empty" : "none of \(shown) is on it"],
                fix: ["put a value of `\(part.node.children[1].text)` on \(title)"])
        }
        // A party list's hits are its screener's (what `rl:in-list` found), said with the entry.
        if let screener = list.screener?.screener {
            let hits = values.compactMap { node in
                screener.screen(node.value, on: asOf).match.flatMap { $0.tier == .hit ? (node, $0) : nil }
            }
            guard !hits.isEmpty else { return nil }
            return Plan(
                now: hits.map { node, hit in "\(place(node)) is a hit on \(title): \(hit.entry)" },
                fix: ["no name may be on the list (if a match is wrong, record the party's distinct identity)"])
        }
        let matches = values.compactMap { node in list.match(node.value, on: asOf).map { (node, $0) } }
        guard !matches.isEmpty else { return nil }
        let now = matches.map { node, entry in
            let listed = entry.until.map { "listed from \(entry.since) to \($0)" } ?? "listed since \(entry.since)"
            if entry.value == node.value { return "\(place(node)) is on \(title), \(listed)" }
            return "\(place(node)) matches '\(entry.value)' on \(title), \(listed)"
        }
        return Plan(
            now: now, fix: ["no name may be on the list (if a match is wrong, record the party's distinct identity)"])
    }
}
