/// A ``ConditionNode`` with the value each part had on one record.
public struct EvaluatedCondition: Sendable, Hashable {
    /// The part of the condition.
    public var node: ConditionNode
    /// Its value on the record.
    public var value: ConditionValue
    /// Its truth (for `and`, `or` and `not`, computed from the operands as XPath does).
    public var truth: Bool
    /// The evaluated operands.
    public var children: [EvaluatedCondition]
    /// Where this part is written (the expression's position moved to the part's column).
    public var position: SourcePosition

    /// One change of evidence: make `part` evaluate to `target`.
    public struct Change: Sendable, Hashable {
        /// The leaf, comparison or call to change.
        public var part: EvaluatedCondition
        /// The truth it must get.
        public var target: Bool
    }

    /// The fewest leaf changes that make this condition evaluate to `target` (empty when it
    /// already does): every false operand of an `and` to make true, the cheapest operand of an
    /// `or`, the operand of a `not` the other way round.
    public func changes(toBecome target: Bool) -> [Change] {
        if truth == target { return [] }
        switch node {
        case .and, .or:
            let isAnd: Bool
            if case .and = node { isAnd = true } else { isAnd = false }
            // and→true and or→false need every operand changed; the others need one.
            if isAnd == target {
                return children.flatMap { $0.changes(toBecome: target) }
            }
            let options = children.map { $0.changes(toBecome: target) }.filter { !$0.isEmpty }
            // Fewest changes first; among those, prefer adding evidence to removing it.
            return options.min { a, b in
                if a.count != b.count { return a.count < b.count }
                return a.filter { !$0.target }.count < b.filter { !$0.target }.count
            } ?? []
        case .not:
            return children.first?.changes(toBecome: !target) ?? []
        case .comparison, .call, .leaf:
            return [Change(part: self, target: target)]
        }
    }

    /// The evaluated parts in depth-first order, this one first.
    public var allParts: [EvaluatedCondition] {
        [self] + children.flatMap(\.allParts)
    }
}
