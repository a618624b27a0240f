/// Which outcomes and branches of one rule the examples exercised. A branch is an operand of
/// an `and` / `or` of the rule's `when`, `assert` or `partial`, nested ones included (or the
/// whole condition when it has none; see ``ConditionNode/branches``); it is covered when some
/// example made it true and some false.
public struct ConditionCoverage: Sendable, Hashable {
    /// One branch and the truths it took.
    public struct Branch: Sendable, Hashable {
        /// `when`, `assert` or `partial`.
        public var condition: String
        /// The operand's text.
        public var text: String
        /// Where it is written.
        public var position: SourcePosition
        /// Some example made it true.
        public var seenTrue = false
        /// Some example made it false.
        public var seenFalse = false
    }

    /// The rule.
    public var ruleID: String
    /// Some example passed.
    public var passed = false
    /// Some example failed (or partly failed).
    public var failed = false
    /// The branches.
    public var branches: [Branch]

    /// Creates an empty coverage for a rule.
    public init(rule: Rule) {
        ruleID = rule.id
        var branches: [Branch] = []
        for (label, expression) in [
            ("when", rule.when), ("assert", rule.assertion), ("partial", rule.partial?.condition),
        ] {
            guard let expression else { continue }
            for node in ConditionNode(expression.syntax).branches {
                let position = expression.position(atOffset: node.offset)
                branches.append(Branch(condition: label, text: node.text, position: position))
            }
        }
        self.branches = branches
    }

    /// Records one explanation of the rule (conditions not reached are not counted).
    public mutating func record(_ explanation: RuleExplanation) {
        let outcome = explanation.outcome
        if outcome == .pass { passed = true }
        if outcome.isFailure { failed = true }
        let reached: [(String, EvaluatedCondition?)] = [
            (
                "when",
                outcome != .error && (outcome != .notApplicable || explanation.reason == "condition not met")
                    ? explanation.when : nil
            ),
            ("assert", [.pass, .fail, .partial].contains(outcome) ? explanation.assertion : nil),
            ("partial", outcome.isFailure ? explanation.partial : nil),
        ]
        for (label, evaluated) in reached {
            guard let evaluated else { continue }
            // The evaluated tree has the shape of the parsed one: its parts come in the order of the branches.
            let operands = ConditionNode.operands(of: evaluated, node: \.node, children: \.children)
            let parts = operands.isEmpty ? [evaluated] : operands
            var index = branches.firstIndex { $0.condition == label } ?? branches.count
            for part in parts where index < branches.count && branches[index].condition == label {
                if part.truth { branches[index].seenTrue = true } else { branches[index].seenFalse = true }
                index += 1
            }
        }
    }

    /// Coverage points hit: pass, fail, and each branch true and false.
    public var hit: Int {
        (passed ? 1 : 0) + (failed ? 1 : 0) + branches.reduce(0) { $0 + ($1.seenTrue ? 1 : 0) + ($1.seenFalse ? 1 : 0) }
    }

    /// Coverage points in all.
    public var total: Int { 2 + 2 * branches.count }

    /// What was never exercised, in words.
    public var gaps: [String] {
        var gaps: [String] = []
        if !passed { gaps.append("no example passes") }
        if !failed { gaps.append("no example fails") }
        for branch in branches where !(branch.seenTrue && branch.seenFalse) {
            let never = branch.seenTrue ? "false" : branch.seenFalse ? "true" : "true or false"
            gaps.append("\(branch.condition) `\(branch.text)` (\(branch.position)) is never \(never)")
        }
        return gaps
    }
}
