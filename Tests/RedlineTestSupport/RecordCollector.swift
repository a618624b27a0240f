import RedlineKit

/// An audit reporter that keeps every record it is given, in order: what a test asserts on
/// when it runs the ``Auditor`` itself.
public final class RecordCollector: AuditReporter {
    /// The records, in the order they were reported.
    public private(set) var records: [AuditRecord] = []
    /// The summary `finish` was given, if it was called.
    public private(set) var summary: AuditSummary?

    /// Creates an empty collector.
    public init() {}

    /// Does nothing.
    public func begin(_ context: AuditContext) throws {}

    /// Keeps the record.
    public func record(_ record: AuditRecord) throws { records.append(record) }

    /// Keeps the summary.
    public func finish(_ summary: AuditSummary) throws { self.summary = summary }

    /// The engine's reports of the records.
    public var reports: [RecordReport] { records.map(\.report) }
}
