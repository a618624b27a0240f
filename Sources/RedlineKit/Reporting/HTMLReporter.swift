/// Writes an HTML report: one self-contained page (``HTMLPage``).
///
/// - `check`: the records' sections one after another (``HTMLRecordSection``).
/// - `audit`: the batch up front (records by verdict as an SVG chart, findings by rule, the
///   inputs that could not be evaluated with their reason, a table of every record that links
///   to its section and can be sorted and filtered by a little inline script, complete without
///   it), then every record's section. The table rows and sections are spilled while streaming
///   and copied after the totals, so memory stays flat.
public final class HTMLReporter: AuditReporter {
    /// Which page.
    public enum Document: Sendable {
        case check, audit
    }

    private let sink: any ReportSink
    private let document: Document
    private let rows: (any SpillSink)?
    private let sections: (any SpillSink)?
    private var context: AuditContext?
    private var section: HTMLRecordSection?
    private var errors: [HTMLText] = []
    /// The most inputs that could not be evaluated listed up front (all are in the table).
    static let listedErrors = 200

    /// A reporter of `document` writing to `sink`; an audit spills to `rows` and `sections`.
    public init(
        sink: any ReportSink, document: Document, rows: (any SpillSink)? = nil, sections: (any SpillSink)? = nil
    ) {
        self.sink = sink
        self.document = document
        self.rows = rows
        self.sections = sections
    }

    public var needsSource: Bool { true }

    public var renderer: (any AuditRecordRenderer)? { section }

    public func begin(_ context: AuditContext) throws {
        self.context = context
        var section = HTMLRecordSection(ruleSet: context.ruleSet, showsWaivers: document == .audit)
        if document == .check {
            let options = EvaluationOptions(asOf: context.asOf, profile: context.profile, standard: context.standard)
            section.timeline = (Engine(ruleSet: context.ruleSet), options)
        }
        self.section = section
        if document == .check {
            try sink.write((HTMLPage.head(title: "redline check") + "<h1>redline check</h1>\n").text)
        }
    }

    public func record(_ record: AuditRecord) throws {
        try self.record(record, rendered: try section?.render(record) ?? "")
    }

    public func record(_ record: AuditRecord, rendered: String) throws {
        guard document == .audit, let rows, let sections else { return try sink.write(rendered) }
        try rows.write(row(record).text)
        try sections.write(rendered)
        if let error = record.report.error, errors.count < Self.listedErrors {
            errors.append(
                "<li><a href=\"#\(HTMLRecordSection.anchor(record.index))\"><code>\(record.path)</code></a>: "
                    + "\(error.code.rawValue) — \(error.message)</li>\n")
        } else if record.report.status == .invalid, errors.count < Self.listedErrors {
            errors.append(
                "<li><a href=\"#\(HTMLRecordSection.anchor(record.index))\"><code>\(record.path)</code></a>: "
                    + "does not match the licence record format</li>\n")
        }
    }

    public func finish(_ summary: AuditSummary) throws {
        guard document == .audit, let context, let rows, let sections else {
            return try sink.write(HTMLPage.tail(script: HTMLPage.printScript).text)
        }
        try sink.write((HTMLPage.head(title: "redline audit") + overview(summary, context)).text)
        try sink.write(
            """
            <h2 id="records">Records (\(summary.records))</h2>
            <p class="noprint"><label>Filter: <input id="filter" type="search" placeholder="path, verdict, rule…"></label> \
            <span class="muted">(click a column heading to sort)</span></p>
            <table id="record-table"><thead><tr><th>Record</th><th>Verdict</th><th class="num">Score</th>\
            <th class="num">Findings</th><th>Rules that fired</th></tr></thead>
            <tbody>

            """ as HTMLText)
        try rows.replay(into: sink)
        try sink.write("</tbody></table>\n")
        try sections.replay(into: sink)
        try sink.write(HTMLPage.tail(script: HTMLPage.printScript + HTMLPage.tableScript).text)
    }

    /// The verdict chart, findings by rule and the inputs that could not be evaluated.
    private func overview(_ summary: AuditSummary, _ context: AuditContext) -> HTMLText {
        var out: HTMLText = "<h1>redline audit</h1>\n<p class=\"status\">\(summary.records) input(s) · rules "
        out += "\(context.ruleSet.id) \(context.ruleSet.version) · profile \(context.profile) · as of "
        out += "\(context.asOf.description) · judged by \(context.standard.described(asOf: context.asOf))</p>\n"
        var bars: [HTMLVerdictChart.Bar] = summary.verdicts.keys.sorted().map { verdict in
            HTMLVerdictChart.Bar(
                label: verdict, count: summary.verdicts[verdict] ?? 0,
                tone: HTMLTone(verdict: verdict, policy: context.ruleSet.policy))
        }
        bars.append(HTMLVerdictChart.Bar(label: "schema-invalid", count: summary.invalid, tone: .error))
        bars.append(HTMLVerdictChart.Bar(label: "error", count: summary.errors, tone: .error))
        out += "<h2 id=\"verdicts\">Records by verdict</h2>\n"
        out += HTMLVerdictChart.svg(bars, title: "Records by verdict")
        out += "<p>\(summary.notClean) not clean, \(summary.severe) refused or revoked, \(summary.withFindings) "
        out += "with findings, \(summary.inputErrors) could not be evaluated.</p>\n"
        if !summary.findings.isEmpty {
            out += "<h2 id=\"by-rule\">Findings by rule</h2>\n<table><thead><tr><th>Rule</th><th>Title</th>"
            out += "<th class=\"num\">Findings</th><th class=\"num\">Waived</th></tr></thead><tbody>\n"
            for id in summary.findings.keys.sorted() {
                let count = summary.findings[id] ?? AuditSummary.RuleCount()
                out += "<tr><td><code>\(id)</code></td><td>\(context.ruleSet.rule(id)?.title ?? "")</td>"
                out += "<td class=\"num\">\(count.active)</td><td class=\"num\">\(count.waived)</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        if summary.inputErrors > 0 {
            out += "<h2 id=\"errors\">Could not be evaluated (\(summary.inputErrors))</h2>\n<ul>\n"
            out += errors.joined()
            if summary.inputErrors > errors.count {
                out += "<li>\(summary.inputErrors - errors.count) more: see the table</li>\n"
            }
            out += "</ul>\n"
        }
        return out
    }

    /// One row of the records table.
    private func row(_ record: AuditRecord) -> HTMLText {
        let report = record.report
        let tone = HTMLTone(record)
        let verdict = record.effectiveVerdict ?? (report.status == .invalid ? "invalid" : "error")
        let fired = Array(Set(record.activeFindings.map(\.ruleID))).sorted()
        var out: HTMLText =
            "<tr class=\"tone-\(tone.rawValue)\"><td><a href=\"#\(HTMLRecordSection.anchor(record.index))\">"
        out += "<code>\(record.path)</code></a></td><td>\(tone.symbol) \(verdict)</td>"
        out += "<td class=\"num\">\(report.score.map { ScoreText.of($0) } ?? "")</td>"
        out += "<td class=\"num\">\(record.activeFindings.count)</td><td>\(fired.joined(separator: " "))</td></tr>\n"
        return out
    }
}
