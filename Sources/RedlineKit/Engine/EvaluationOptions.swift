/// What a check depends on besides the record and the rules.
public struct EvaluationOptions: Sendable, Hashable {
    /// The evaluation date: anything dated later does not exist for the rules.
    public var asOf: LocalDate
    /// The profile; `nil` for the rule set's default.
    public var profile: String?
    /// Input limits.
    public var limits: XMLLimits

    /// Creates options.
    public init(asOf: LocalDate, profile: String? = nil, limits: XMLLimits = .default) {
        self.asOf = asOf
        self.profile = profile
        self.limits = limits
    }
}
