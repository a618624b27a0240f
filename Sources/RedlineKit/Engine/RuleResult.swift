/// What one rule gave on one record.
public struct RuleResult: Sendable, Hashable, Codable {
    /// The four outcomes of a rule.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The assertion holds.
        case pass
        /// The assertion does not hold (possibly with partial credit).
        case fail
        /// The rule does not apply to this record (stage, profile, effective dates, or its condition).
        case notApplicable = "not-applicable"
        /// The rule could not be evaluated; never counts as a pass.
        case error
    }

    /// The rule's id.
    public var ruleID: String
    /// The outcome.
    public var outcome: Outcome
    /// The share of the rule's weight earned: 1 for pass, the partial credit for a partial fail, else 0.
    public var credit: Double
    /// Why the rule was not applicable, or the error message.
    public var reason: String?
    /// For a pass, where the evidence that satisfies the rule is; for a fail, where the evidence
    /// is wrong or missing (the finding's location). From the rule's `locate` expressions; nil
    /// when none matches on a pass, and for rules that did not apply or could not be evaluated.
    public var location: Finding.Location?

    /// The outcome in the example vocabulary (a fail with credit is `partial`).
    public var ruleOutcome: RuleOutcome {
        switch outcome {
        case .pass: return .pass
        case .notApplicable: return .notApplicable
        case .error: return .error
        case .fail: return credit > 0 ? .partial : .fail
        }
    }

    /// Creates a result.
    public init(
        ruleID: String, outcome: Outcome, credit: Double, reason: String? = nil, location: Finding.Location? = nil
    ) {
        self.ruleID = ruleID
        self.outcome = outcome
        self.credit = credit
        self.reason = reason
        self.location = location
    }
}
