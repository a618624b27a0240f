import Foundation

/// Writes the audit as one JSON document, streaming: keys sorted, records in path order, each
/// record the `check` JSON record (docs/json-format.md) plus `waivers` (which findings are waived
/// or matched an expired waiver) and `verdictAfterWaivers`; the summary after the records.
public final class AuditJSONReporter: AuditReporter {
    private let sink: any ReportSink
    private var wroteRecord = false
    private let recordRenderer = RecordRenderer()

    /// Creates a reporter writing to `sink`.
    public init(sink: any ReportSink) {
        self.sink = sink
    }

    /// Renders one record entry, indented for its place in the `records` array.
    private struct RecordRenderer: AuditRecordRenderer {
        func render(_ record: AuditRecord) throws -> String {
            var marks: [WaiverMark] = []
            for index in record.report.findings.indices {
                if let waiver = record.waiver(for: index) {
                    marks.append(WaiverMark(finding: index, waiver: waiver.id, status: "waived"))
                } else if let waiver = record.expiredWaiver(for: index) {
                    marks.append(WaiverMark(finding: index, waiver: waiver.id, status: "expired"))
                }
            }
            let entry = Entry(
                report: record.report, waivers: marks,
                verdictAfterWaivers: record.effectiveVerdict == record.report.verdict ? nil : record.effectiveVerdict)
            return try AuditJSONReporter.encoded(entry, depth: 2)
        }
    }

    private struct WaiverMark: Encodable {
        var finding: Int
        var waiver: String
        var status: String
    }

    private struct Entry: Encodable {
        var report: RecordReport
        var waivers: [WaiverMark]
        var verdictAfterWaivers: String?

        enum Keys: String, CodingKey {
            case waivers, verdictAfterWaivers
        }

        /// The report's keys, then the audit's own.
        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(waivers, forKey: .waivers)
            try container.encodeIfPresent(verdictAfterWaivers, forKey: .verdictAfterWaivers)
        }
    }

    /// Pretty-printed JSON with sorted keys, every line after the first indented by `depth` levels.
    static func encoded(_ value: some Encodable, depth: Int) throws -> String {
        try PrettyJSONEncoder().encode(value, depth: depth)
    }

    public func begin(_ context: AuditContext) throws {
        var out = "{\n"
        out += "  \"asOf\" : \(try Self.encoded(context.asOf.description, depth: 1)),\n"
        out += "  \"formatVersion\" : 1,\n"
        out += "  \"kind\" : \"audit\",\n"
        out += "  \"profile\" : \(try Self.encoded(context.profile, depth: 1)),\n"
        out += "  \"records\" : ["
        try sink.write(out)
        ruleSet = JSONReporter.RuleSetInfo(id: context.ruleSet.id, version: context.ruleSet.version)
    }

    private var ruleSet = JSONReporter.RuleSetInfo(id: "", version: "")

    public var renderer: (any AuditRecordRenderer)? { recordRenderer }

    public func record(_ record: AuditRecord) throws {
        try self.record(record, rendered: try recordRenderer.render(record))
    }

    public func record(_ record: AuditRecord, rendered: String) throws {
        try sink.write((wroteRecord ? ",\n    " : "\n    ") + rendered)
        wroteRecord = true
    }

    public func finish(_ summary: AuditSummary) throws {
        var out = "\n  ],\n"
        out += "  \"ruleSet\" : \(try Self.encoded(ruleSet, depth: 1)),\n"
        out += "  \"summary\" : \(try Self.encoded(summary, depth: 1)),\n"
        out += "  \"tool\" : \(try Self.encoded(JSONReporter.Tool(name: "redline", version: Redline.version), depth: 1))\n"
        out += "}\n"
        try sink.write(out)
    }
}
