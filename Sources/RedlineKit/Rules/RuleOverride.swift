/// A change a rule set that extends another makes to one inherited rule: a new severity or
/// weight, or disabling it, always with a reason (`<override>` and `<disable>`).
public struct RuleOverride: Sendable, Hashable {
    /// The inherited rule's id.
    public var ruleID: String
    /// The new severity, if changed.
    public var severity: Severity?
    /// The new weight, if changed.
    public var weight: Double?
    /// True when the rule is disabled (`<disable>`).
    public var disabled: Bool = false
    /// Why the rule is changed.
    public var reason: String
    /// Where the override is written.
    public var position: SourcePosition
}
