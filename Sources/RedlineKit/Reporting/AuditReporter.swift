/// What every audit reporter knows before the first record.
public struct AuditContext: Sendable {
    /// The compiled rule set.
    public var ruleSet: RuleSet
    /// The evaluation date.
    public var asOf: LocalDate
    /// The profile in force.
    public var profile: String
    /// How many inputs the audit has.
    public var total: Int
    /// The waivers.
    public var waivers: WaiverSet

    /// Creates a context.
    public init(ruleSet: RuleSet, asOf: LocalDate, profile: String, total: Int, waivers: WaiverSet) {
        self.ruleSet = ruleSet
        self.asOf = asOf
        self.profile = profile
        self.total = total
        self.waivers = waivers
    }
}

/// An incremental report writer: `begin`, then `record` once per input in path order, then
/// `finish` with the totals. Reporters keep only what their envelope needs (counters), so
/// memory does not grow with the number of records.
public protocol AuditReporter: AnyObject {
    /// Called once, before any record.
    func begin(_ context: AuditContext) throws
    /// Called once per input, in path order.
    func record(_ record: AuditRecord) throws
    /// Called once at the end with the totals.
    func finish(_ summary: AuditSummary) throws
}
