/// Writes `redline check`'s text output, streaming: per record the verdict and score first,
/// then its findings by severity as `file:line: severity: [RULE-ID] message`, each with its
/// citations, demands and remedy; records separated by a blank line, and a one-line count of
/// verdicts when there is more than one record.
public final class CheckTextReporter: AuditReporter {
    private let sink: any ReportSink
    private let text: RecordTextRenderer
    private var recordRenderer: Renderer?
    private var wroteRecord = false

    /// Creates a reporter writing to `sink`; `colour` only for a terminal.
    public init(sink: any ReportSink, colour: Bool = false) {
        self.sink = sink
        text = RecordTextRenderer(colour: colour)
    }

    /// One record's text, rendered on the auditor's threads.
    private struct Renderer: AuditRecordRenderer {
        var text: RecordTextRenderer
        var ruleSet: RuleSet

        func render(_ record: AuditRecord) throws -> String { text.check(record.report, ruleSet: ruleSet).text }
    }

    public func begin(_ context: AuditContext) throws {
        recordRenderer = Renderer(text: text, ruleSet: context.ruleSet)
    }

    public var renderer: (any AuditRecordRenderer)? { recordRenderer }

    public func record(_ record: AuditRecord) throws {
        try self.record(record, rendered: try recordRenderer?.render(record) ?? "")
    }

    public func record(_ record: AuditRecord, rendered: String) throws {
        try sink.write((wroteRecord ? "\n" : "") + rendered)
        wroteRecord = true
    }

    public func finish(_ summary: AuditSummary) throws {
        guard summary.records > 1 else { return }
        try sink.write("\n\(summary.records) records: \(summary.verdictCounts)\n" as TerminalText)
    }
}
