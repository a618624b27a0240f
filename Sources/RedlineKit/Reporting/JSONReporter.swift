/// Writes a JSON report as one document, streaming: keys sorted, records in input order
/// (docs/json-format.md). The records stream between the members that come before `records`
/// and those after it, so the totals can close the document.
///
/// Two documents: `redline check`'s (``Document/check``: each record the engine's report) and
/// the audit's (``Document/audit``: `kind` `audit`, each record with `waivers`, which findings
/// are waived or matched an expired waiver, and `verdictAfterWaivers`; the summary after the
/// records).
public final class JSONReporter: AuditReporter {
    /// Which document to write.
    public enum Document: Sendable {
        /// `redline check --format json`.
        case check
        /// `redline audit --report json`.
        case audit
    }

    private let sink: any ReportSink
    private let document: Document
    private let recordRenderer: RecordRenderer
    private var wroteRecord = false
    private var ruleSet = RuleSetInfo(id: "", version: "")

    /// Creates a reporter writing `document` to `sink`.
    public init(sink: any ReportSink, document: Document) {
        self.sink = sink
        self.document = document
        recordRenderer = RecordRenderer(document: document)
    }

    /// The tool's name and version.
    private struct Tool: Encodable {
        var name = "redline"
        var version = Redline.version
    }

    /// The rule set's identity.
    private struct RuleSetInfo: Encodable {
        var id: String
        var version: String
        /// The lists whose entries came from official files (absent when none did).
        var importedLists: [ImportedList]?
    }

    /// Renders one record entry, indented for its place in the `records` array.
    private struct RecordRenderer: AuditRecordRenderer {
        var document: Document

        func render(_ record: AuditRecord) throws -> String {
            switch document {
            case .check: return try PrettyJSONEncoder().encode(record.report, depth: 2)
            case .audit: return try PrettyJSONEncoder().encode(AuditEntry(record), depth: 2)
            }
        }
    }

    /// A waived finding, or one only an expired waiver covered.
    private struct WaiverMark: Encodable {
        var finding: Int
        var waiver: String
        var status: String
    }

    /// An audit record: the report's keys, then the audit's own.
    private struct AuditEntry: Encodable {
        var report: RecordReport
        var waivers: [WaiverMark]
        var verdictAfterWaivers: String?

        enum Keys: String, CodingKey {
            case waivers, verdictAfterWaivers
        }

        init(_ record: AuditRecord) {
            report = record.report
            waivers = record.waivers.enumerated().compactMap { index, match in
                switch match {
                case .waived(let waiver): WaiverMark(finding: index, waiver: waiver.id, status: "waived")
                case .expired(let waiver): WaiverMark(finding: index, waiver: waiver.id, status: "expired")
                case nil: nil
                }
            }
            verdictAfterWaivers = record.effectiveVerdict == record.report.verdict ? nil : record.effectiveVerdict
        }

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(waivers, forKey: .waivers)
            try container.encodeIfPresent(verdictAfterWaivers, forKey: .verdictAfterWaivers)
        }
    }

    /// `  "key" : value` at the document's first level.
    private static func member(_ key: String, _ value: some Encodable) throws -> String {
        "  \"\(key)\" : \(try PrettyJSONEncoder().encode(value, depth: 1))"
    }

    public func begin(_ context: AuditContext) throws {
        var members = [try Self.member("asOf", context.asOf), try Self.member("formatVersion", 1)]
        if document == .audit { members.append(try Self.member("kind", "audit")) }
        members.append(try Self.member("profile", context.profile))
        members.append(try Self.member("standard", context.standard))
        try sink.write("{\n" + members.map { $0 + ",\n" }.joined() + "  \"records\" : [")
        ruleSet = RuleSetInfo(
            id: context.ruleSet.id, version: context.ruleSet.version,
            importedLists: context.ruleSet.importedLists.isEmpty ? nil : context.ruleSet.importedLists)
    }

    public var renderer: (any AuditRecordRenderer)? { recordRenderer }

    public func record(_ record: AuditRecord) throws {
        try self.record(record, rendered: try recordRenderer.render(record))
    }

    public func record(_ record: AuditRecord, rendered: String) throws {
        try sink.write((wroteRecord ? ",\n    " : "\n    ") + rendered)
        wroteRecord = true
    }

    public func finish(_ summary: AuditSummary) throws {
        // An empty array as each document has always been written.
        var out = !wroteRecord && document == .check ? "\n\n  ],\n" : "\n  ],\n"
        var members = [try Self.member("ruleSet", ruleSet)]
        if document == .audit { members.append(try Self.member("summary", summary)) }
        members.append(try Self.member("tool", Tool()))
        out += members.joined(separator: ",\n") + "\n}\n"
        try sink.write(out)
    }
}
