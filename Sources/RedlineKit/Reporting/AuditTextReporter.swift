/// Writes an audit for a person, streaming: per input one line with the verdict and score (or
/// the error), then its findings as `file:line: severity: [RULE-ID] message`, waived ones
/// marked; at the end the summary (records by verdict, findings by rule, errors, waivers).
public final class AuditTextReporter: AuditReporter {
    private let sink: any ReportSink
    private let text: RecordTextRenderer

    /// Creates a reporter writing to `sink`; `colour` only for a terminal.
    public init(sink: any ReportSink, colour: Bool = false) {
        self.sink = sink
        text = RecordTextRenderer(colour: colour)
    }

    /// One record's text, rendered on the auditor's threads.
    private struct Renderer: AuditRecordRenderer {
        var text: RecordTextRenderer

        func render(_ record: AuditRecord) throws -> String { text.audit(record).text }
    }

    public func begin(_ context: AuditContext) throws {
        var header: TerminalText =
            "redline audit: \(context.total) input(s), rules \(context.ruleSet.id) \(context.ruleSet.version), "
            + "profile \(context.profile), as of \(context.asOf), judged by "
            + "\(context.standard.described(asOf: context.asOf))\n"
        for imported in context.ruleSet.importedLists { header += "  list \(imported.description)\n" }
        try sink.write(header)
    }

    public var renderer: (any AuditRecordRenderer)? { Renderer(text: text) }

    public func record(_ record: AuditRecord) throws { try sink.write(text.audit(record)) }

    public func record(_ record: AuditRecord, rendered: String) throws { try sink.write(rendered) }

    public func finish(_ summary: AuditSummary) throws {
        var out: TerminalText = "\nSummary: \(summary.records) record(s)\n"
        out += "  verdicts: \(summary.verdictCounts)\n"
        if !summary.verdictsAfterWaivers.isEmpty {
            let changed = summary.verdictsAfterWaivers.keys.sorted().map {
                "\(summary.verdictsAfterWaivers[$0] ?? 0) \($0)" as TerminalText
            }
            out += "  after waivers: \(changed.joined(separator: ", "))\n"
        }
        out += "  not clean: \(summary.notClean), with findings: \(summary.withFindings)\n"
        if !summary.errorsByCode.isEmpty {
            let codes = summary.sortedErrorCodes.map { "\($0.code) \($0.count)" as TerminalText }
            out += "  errors: \(codes.joined(separator: ", "))\n"
        }
        if summary.findings.isEmpty {
            out += "  findings: none\n"
        } else {
            out += "  findings by rule (\(summary.activeFindings) counted, \(summary.waivedFindings) waived):\n"
            for (rule, count) in summary.sortedRuleCounts {
                let waived: TerminalText = count.waived > 0 ? " (+\(count.waived) waived)" : ""
                out += "    \(rule): \(count.active)\(waived)\n"
            }
        }
        for waiver in summary.waivers {
            switch waiver.status {
            case .expired:
                out +=
                    "  waiver \(waiver.id) (\(waiver.rule)) EXPIRED on \(waiver.expires): no longer applies "
                    + "(\(waiver.matches) finding(s) count again)\n"
            case .stale: out += "  waiver \(waiver.id) (\(waiver.rule)) is STALE: it matched no finding; remove it\n"
            case .applied:
                out += "  waiver \(waiver.id) (\(waiver.rule)) applied to \(waiver.matches) finding(s), "
                out += "expires \(waiver.expires)\n"
            }
        }
        try sink.write(out)
    }
}
