/// Why one rule gave its outcome on one record: each part of its conditions with its value,
/// the nodes the finding points at, and the smallest change of evidence that flips the outcome.
public struct RuleExplanation: Sendable, Hashable {
    /// The rule.
    public var ruleID: String
    /// The rule's title.
    public var title: String
    /// The rule's severity.
    public var severity: Severity
    /// Where the rule is written.
    public var rulePosition: SourcePosition
    /// The outcome in the example vocabulary: pass, fail, partial, not-applicable or error.
    public var outcome: RuleOutcome
    /// The finding, when the rule failed or errored.
    public var finding: Finding?
    /// Why the rule did not apply, or the error.
    public var reason: String?
    /// The applicability condition, evaluated.
    public var when: EvaluatedCondition?
    /// The assertion, evaluated.
    public var assertion: EvaluatedCondition?
    /// The partial-credit condition, evaluated.
    public var partial: EvaluatedCondition?
    /// The nodes the rule's `<locate>` expressions match (where the finding points).
    public var located: [ConditionValue.Node]
    /// The smallest change that flips the outcome, one step a line (empty when none is derived).
    public var flip: [String]
    /// What the flip achieves: `to pass`, `to fail` or `to apply`.
    public var flipGoal: String
    /// The rule's remedy.
    public var remedy: String
}
