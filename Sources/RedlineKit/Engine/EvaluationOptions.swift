/// What a check depends on besides the record and the rules.
public struct EvaluationOptions: Sendable, Hashable {
    /// The evaluation date: anything dated later does not exist for the rules.
    public var asOf: LocalDate
    /// The profile; `nil` for the rule set's default.
    public var profile: String?
    /// Input limits.
    public var limits: XMLLimits
    /// Which demands the record is judged against.
    public var standard: Standard
    /// A request to stop (an audit's SIGINT or SIGTERM): evaluations in progress stop at their
    /// next clock check, as if their time limit had passed.
    public var cancellation: Cancellation?

    /// Creates options.
    public init(asOf: LocalDate, profile: String? = nil, limits: XMLLimits = .default, standard: Standard = .asOf) {
        self.asOf = asOf
        self.profile = profile
        self.limits = limits
        self.standard = standard
    }
}
