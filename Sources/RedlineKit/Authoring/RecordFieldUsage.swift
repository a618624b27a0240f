/// Which rules read each field of the licence-record format: every location path of a rule's
/// conditions (`when`, `assert`, `partial`, `locate`) is followed step by step through the record
/// schema from the record root, and the elements and attributes it selects, or tests in a
/// predicate, are read by the rule. A step the schema cannot place (another axis, a function's
/// result) is matched by its name wherever the schema declares it.
///
/// A field is an element path (`licenceRecord/exporter/name`) or an attribute path
/// (`licenceRecord/items/item/@cyberSurveillance`), as ``RecordSchemaElement/path`` spells them.
public struct RecordFieldUsage: Sendable {
    /// The ids of the rules that read each field, sorted.
    public let rulesByField: [String: [String]]

    /// The usage of `schema`'s fields by the rules of `ruleSet`.
    public init(schema: RecordSchemaElement, ruleSet: RuleSet) {
        let index = Index(schema)
        var byField: [String: Set<String>] = [:]
        for rule in ruleSet.rules {
            var conditions = [rule.assertion] + rule.locate
            if let when = rule.when { conditions.append(when) }
            if let partial = rule.partial { conditions.append(partial.condition) }
            var reads: Set<String> = []
            for expression in conditions {
                _ = index.reach(expression.syntax.root, context: [schema.path], reads: &reads)
            }
            for field in reads { byField[field, default: []].insert(rule.id) }
        }
        rulesByField = byField.mapValues { $0.sorted() }
    }

    /// The ids of the rules that read `field`, sorted; empty when none does.
    public func rules(reading field: String) -> [String] { rulesByField[field] ?? [] }

    /// The fields (element and attribute paths) of a schema, and how a path steps through them.
    private struct Index {
        /// Every element path, and every attribute path (`…/@name`).
        var elements: [String] = []
        var attributes: [String] = []

        init(_ schema: RecordSchemaElement) {
            for element in schema.allElements {
                elements.append(element.path)
                attributes += element.attributes.map { element.path + "/@" + $0.name }
            }
        }

        /// The fields a node-set expression selects from `context` (nil: not known), adding
        /// every field it reads to `reads`.
        func reach(_ node: XPathNode, context: Set<String>?, reads: inout Set<String>) -> Set<String>? {
            switch node.kind {
            case .path(let path):
                let reached = follow(path.steps, from: path.absolute ? [""] : context, reads: &reads)
                reads.formUnion((reached ?? []).filter { !$0.isEmpty })
                return reached
            case .filter(let primary, let predicates, let steps):
                let base = reach(primary, context: context, reads: &reads)
                for predicate in predicates { _ = reach(predicate, context: base, reads: &reads) }
                guard !steps.isEmpty else { return base }
                let reached = follow(steps, from: base, reads: &reads)
                reads.formUnion((reached ?? []).filter { !$0.isEmpty })
                return reached
            case .binary(.union, let left, let right):
                let selected = [
                    reach(left, context: context, reads: &reads), reach(right, context: context, reads: &reads),
                ]
                return selected.contains { $0 == nil }
                    ? nil : selected.reduce(into: Set<String>()) { $0.formUnion($1 ?? []) }
            case .group(let inner):
                return reach(inner, context: context, reads: &reads)
            default:
                for child in node.children { _ = reach(child, context: context, reads: &reads) }
                return nil
            }
        }

        /// Follows `steps` from the fields `start` (nil: not known; `""`: the document).
        private func follow(_ steps: [XPathStep], from start: Set<String>?, reads: inout Set<String>) -> Set<String>? {
            var current = start
            var descend = false
            for step in steps {
                if step.syntax == .doubleSlash {
                    descend = true
                    continue
                }
                current = select(step, from: current, descend: descend)
                descend = false
                for predicate in step.predicates { _ = reach(predicate, context: current, reads: &reads) }
            }
            return current
        }

        /// The fields one step selects from `current`.
        private func select(_ step: XPathStep, from current: Set<String>?, descend: Bool) -> Set<String>? {
            let name: String?
            switch step.test {
            case .name(_, let local): name = local
            case .anyName: name = nil
            case .node, .text:
                // `.`, `text()`, `node()`: the element itself (or what is not known).
                return step.axis == .parent ? current.map { Set($0.map(Self.parent)) } : current
            default: return []
            }
            switch step.axis {
            case .child, .descendant, .self:
                let pool = elements
                guard let current else { return Set(pool.filter { name == nil || Self.last($0) == name }) }
                return Set(
                    pool.filter { path in
                        guard name == nil || Self.last(path) == name else { return false }
                        if step.axis == .self { return current.contains(path) }
                        let parent = Self.parent(path)
                        return descend || step.axis == .descendant
                            ? current.contains { $0.isEmpty || path.hasPrefix($0 + "/") }
                            : current.contains(parent)
                    })
            case .attribute:
                guard let current else { return Set(attributes.filter { name == nil || Self.last($0) == "@" + name! }) }
                return Set(
                    attributes.filter { path in
                        current.contains(Self.parent(path)) && (name == nil || Self.last(path) == "@" + name!)
                    })
            case .parent:
                return current.map { Set($0.map(Self.parent)).filter { name == nil || Self.last($0) == name } }
            default:
                // Another axis: the named element wherever the schema declares it.
                guard let name else { return nil }
                return Set(elements.filter { Self.last($0) == name })
            }
        }

        private static func parent(_ path: String) -> String {
            guard let slash = path.lastIndex(of: "/") else { return "" }
            return String(path[..<slash])
        }

        private static func last(_ path: String) -> String {
            path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        }
    }
}
