/// What one rule gave on one record, in the vocabulary of rule examples and `redline explain`:
/// a failure with partial credit is `partial`. An example may expect any but ``error``.
public enum RuleOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// The assertion holds.
    case pass
    /// The assertion does not hold, without credit.
    case fail
    /// The assertion does not hold, with partial credit.
    case partial
    /// The rule does not apply to the record.
    case notApplicable = "not-applicable"
    /// The rule could not be evaluated.
    case error

    /// Whether the rule failed, with or without credit.
    public var isFailure: Bool { self == .fail || self == .partial }
}
