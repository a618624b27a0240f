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
    /// Which demands the records are judged against.
    public var standard: Standard

    /// Creates a context.
    public init(
        ruleSet: RuleSet, asOf: LocalDate, profile: String, total: Int, waivers: WaiverSet, standard: Standard = .asOf
    ) {
        self.standard = standard
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
    /// A renderer of one record's part of the report that does not depend on the reporter's
    /// state, so the auditor can run it on its worker threads; `nil` (the default) when the
    /// reporter renders in ``record(_:)``.
    var renderer: (any AuditRecordRenderer)? { get }
    /// Called once per input, in path order, with what ``renderer`` made of it (the default
    /// calls ``record(_:)``).
    func record(_ record: AuditRecord, rendered: String) throws
    /// Whether the reporter shows the record's own lines, so the auditor keeps each input's
    /// bytes in ``AuditRecord/source`` (false by default).
    var needsSource: Bool { get }
}

extension AuditReporter {
    /// No renderer: records are rendered in ``record(_:)``, in order.
    public var renderer: (any AuditRecordRenderer)? { nil }

    /// No source lines.
    public var needsSource: Bool { false }

    /// Ignores `rendered` and calls ``record(_:)``.
    public func record(_ record: AuditRecord, rendered: String) throws { try self.record(record) }
}

/// Renders one record's part of a report as a pure function of the record, safe to call from
/// several threads at once (see ``AuditReporter/renderer``).
public protocol AuditRecordRenderer: Sendable {
    /// The text of one record.
    func render(_ record: AuditRecord) throws -> String
}
