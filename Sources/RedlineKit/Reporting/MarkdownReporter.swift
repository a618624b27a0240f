/// Writes a GitHub-flavoured Markdown job summary: the totals first (records by verdict,
/// findings by rule, errors, waivers), then a table of findings and the list of every input.
///
/// The totals are only known at the end, so the findings table and the input list stream into
/// two spill sinks and are copied after the totals. With a `byteLimit` (for
/// `$GITHUB_STEP_SUMMARY`, 1 MiB per step), rows past the budget are counted and an
/// "N more … omitted" line replaces them; without one, every input is listed.
///
/// Everything is built as ``MarkdownText``: every value is escaped (``OutputEscaping/markdown(_:)``,
/// ``OutputEscaping/markdownCode(_:)`` for inline code), so no Markdown, HTML or table cell
/// break comes from a path, a record value, a message or a waiver.
public final class MarkdownReporter: AuditReporter {
    /// The `byteLimit` for GitHub's job summary, which keeps 1 MiB per step.
    public static let jobSummaryLimit = 900_000

    private let sink: any ReportSink
    private let findingsSpill: any SpillSink
    private let recordsSpill: any SpillSink
    private let byteLimit: Int?
    private var findingBytes = 0
    private var recordBytes = 0
    private var omittedFindings = 0
    private var omittedRecords = 0
    private var context: AuditContext?

    /// Creates a reporter; `byteLimit` bounds each of the two streamed sections.
    public init(sink: any ReportSink, findings: any SpillSink, records: any SpillSink, byteLimit: Int? = nil) {
        self.sink = sink
        self.findingsSpill = findings
        self.recordsSpill = records
        self.byteLimit = byteLimit.map { $0 / 2 }
    }

    public func begin(_ context: AuditContext) throws {
        self.context = context
    }

    public func record(_ record: AuditRecord) throws {
        let report = record.report
        var rows = MarkdownText()
        if let error = report.error {
            rows +=
                "| :x: error | `input-error` | \(code: record.path) | \(max(1, error.position.line)) | "
                + "\(error.message) |\n"
        }
        for (index, finding) in report.findings.enumerated() {
            let icon = CILevel(finding.severity).markdownIcon
            var message: MarkdownText = "\(finding.message)"
            var label: MarkdownText = "\(icon) \(finding.severity.rawValue)"
            if let waiver = record.waiver(for: index) {
                label = ":white_check_mark: waived"
                message += " — waived by \(code: waiver.id) until \(waiver.expires)"
            } else if let expired = record.expiredWaiver(for: index) {
                message += " — waiver \(code: expired.id) expired \(expired.expires)"
            }
            rows +=
                "| \(label) | \(code: finding.ruleID) | \(code: record.path) | \(finding.location.line) | "
                + "\(message) |\n"
        }
        if !rows.isEmpty {
            if let limit = byteLimit, findingBytes + rows.byteCount > limit {
                omittedFindings += report.findings.count + (report.error == nil ? 0 : 1)
            } else {
                findingBytes += rows.byteCount
                try findingsSpill.write(rows)
            }
        }
        var line: MarkdownText = "- \(code: record.path): "
        switch report.status {
        case .error: line += "**error** (\(report.error?.code.rawValue ?? "error"))"
        case .invalid: line += "**invalid** (\(report.findings.count) schema violation(s))"
        case .evaluated:
            line += "\(report.verdict ?? "?"), score \(report.score.map { ScoreText.of($0) } ?? "?")"
            if let term = report.evaluation?.judgement.notInForce { line += " (licence \(term.description))" }
            if let verdict = record.effectiveVerdict, verdict != report.verdict {
                line += " (\(verdict) after waivers)"
            }
            let active = record.activeFindings.count
            let waived = report.findings.count - active
            line += active == 0 ? ", no finding" : ", \(active) finding(s)"
            if waived > 0 { line += ", \(waived) waived" }
        }
        line += "\n"
        if let limit = byteLimit, recordBytes + line.byteCount > limit {
            omittedRecords += 1
        } else {
            recordBytes += line.byteCount
            try recordsSpill.write(line)
        }
    }

    public func finish(_ summary: AuditSummary) throws {
        guard let context else { return }
        var out: MarkdownText =
            "## redline audit: \(summary.records) record(s), \(summary.notClean) not clean, \(summary.inputErrors) "
            + "input error(s)\n\n"
        out +=
            "Rule set \(code: context.ruleSet.id) \(context.ruleSet.version), profile \(code: context.profile), as of "
            + "\(context.asOf), judged by \(context.standard.described(asOf: context.asOf)).\n\n"
        for list in context.ruleSet.importedLists {
            out += "List \(code: list.id) from \(code: list.file) (\(list.version)).\n\n"
        }
        out += "| Verdict | Records |\n| --- | ---: |\n"
        for verdict in summary.verdicts.keys.sorted() { out += "| \(verdict) | \(summary.verdicts[verdict] ?? 0) |\n" }
        out +=
            "| invalid (schema) | \(summary.invalid) |\n| error (unreadable, malformed, hostile) | \(summary.errors) "
            + "|\n"
        if !summary.verdictsAfterWaivers.isEmpty {
            let changed = summary.verdictsAfterWaivers.keys.sorted().map {
                "\(summary.verdictsAfterWaivers[$0] ?? 0) \($0)" as MarkdownText
            }
            out += "\nAfter waivers, verdicts changed to: \(changed.joined(separator: ", ")).\n"
        }
        if !summary.errorsByCode.isEmpty {
            let codes = summary.sortedErrorCodes.map { "\($0.code): \($0.count)" as MarkdownText }
            out += "\nErrors by kind: \(codes.joined(separator: ", ")).\n"
        }
        out += "\n### Findings by rule\n\n"
        if summary.findings.isEmpty {
            out += "No findings.\n"
        } else {
            out += "| Rule | Findings | Waived |\n| --- | ---: | ---: |\n"
            for (rule, count) in summary.sortedRuleCounts {
                out += "| \(code: rule) | \(count.active) | \(count.waived) |\n"
            }
        }
        if !summary.waivers.isEmpty {
            out +=
                "\n### Waivers\n\n| Waiver | Rule | Status | Findings | Expires | Approver |\n| --- | --- | --- | "
                + "---: | --- | --- |\n"
            for waiver in summary.waivers {
                out += "| \(code: waiver.id) | \(code: waiver.rule) | \(waiver.status.rawValue) | "
                out += "\(waiver.matches) | \(waiver.expires) | \(waiver.approver) |\n"
            }
        }
        out += "\n### Findings\n\n"
        try sink.write(out)
        if summary.activeFindings + summary.waivedFindings + summary.errors > 0 {
            try sink.write("| Severity | Rule | File | Line | Message |\n| --- | --- | --- | ---: | --- |\n")
            try findingsSpill.replay(into: sink)
        } else {
            try sink.write("No findings.\n")
        }
        if omittedFindings > 0 {
            try sink.write(
                "\n\(omittedFindings) more finding(s) omitted (size limit); the SARIF and JSON reports have them all.\n"
                    as MarkdownText)
        }
        try sink.write("\n<details><summary>Audited files (\(summary.records))</summary>\n\n" as MarkdownText)
        try recordsSpill.replay(into: sink)
        if omittedRecords > 0 {
            try sink.write("- … \(omittedRecords) more file(s) omitted (size limit)\n" as MarkdownText)
        }
        try sink.write("\n</details>\n")
    }
}
