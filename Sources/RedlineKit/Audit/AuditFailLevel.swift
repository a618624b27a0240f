/// `--fail-on`: which outcomes of an audit fail it. Waived findings never count.
public enum AuditFailLevel: String, Sendable, CaseIterable {
    /// Never fail because of records (bad rules, waivers or usage still fail).
    case never
    /// Fail only when an input could not be evaluated.
    case error
    /// Also fail when a verdict is the policy's most severe (refuse, revoke).
    case refuse
    /// Also fail when any verdict is not clean.
    case review
    /// Also fail on any finding that counts, whatever its severity above info.
    case anyFinding = "any-finding"

    /// What an audit's outcome means for its exit status.
    public enum Outcome: Sendable, Hashable {
        /// Nothing the level cares about.
        case pass
        /// A record failed the policy.
        case policyFailed
        /// An input could not be evaluated (outranks a policy failure).
        case inputError
    }

    /// The outcome of a summary under this level.
    public func outcome(of summary: AuditSummary) -> Outcome {
        if self == .never { return .pass }
        if summary.inputErrors > 0 { return .inputError }
        switch self {
        case .never, .error: return .pass
        case .refuse: return summary.severe > 0 ? .policyFailed : .pass
        case .review: return summary.notClean > 0 ? .policyFailed : .pass
        case .anyFinding: return summary.notClean > 0 || summary.withFindings > 0 ? .policyFailed : .pass
        }
    }
}
