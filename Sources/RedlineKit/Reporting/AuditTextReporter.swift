/// Writes an audit for a person, streaming: per input one line with the verdict and score (or
/// the error), then its findings as `file:line: severity: [RULE-ID] message`, waived ones
/// marked; at the end the summary (records by verdict, findings by rule, errors, waivers).
public final class AuditTextReporter: AuditReporter {
    private let sink: any ReportSink
    private let colour: Bool

    /// Creates a reporter writing to `sink`; `colour` only for a terminal.
    public init(sink: any ReportSink, colour: Bool = false) {
        self.sink = sink
        self.colour = colour
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func begin(_ context: AuditContext) throws {
        try sink.write(
            "redline audit: \(context.total) input(s), rules \(context.ruleSet.id) \(context.ruleSet.version), profile \(context.profile), as of \(context.asOf)\n"
        )
    }

    public func record(_ record: AuditRecord) throws {
        let report = record.report
        var out = ""
        switch report.status {
        case .error:
            let error = report.error
            out += "\(record.path): \(paint("ERROR", "1;31")) \(error?.code.rawValue ?? "error"): \(error?.message ?? "")\n"
            if let error, error.position.line > 0 { out += "    at \(error.position)\n" }
            if let suggestion = error?.suggestion { out += "    fix: \(suggestion)\n" }
        case .invalid:
            out += "\(record.path): \(paint("INVALID", "1;31")) record \(report.recordID ?? "?") does not match the licence record format\n"
        case .evaluated:
            let verdict = report.verdict ?? "?"
            out += "\(record.path): \(paint(verdict.uppercased(), report.isClean ? "1;32" : "1;31"))"
            out +=
                "  score \(report.score.map { TextReporter.format($0) } ?? "?")/100  (\(report.stage?.rawValue ?? "?") \(report.recordID ?? "?"))"
            if let effective = record.effectiveVerdict, effective != report.verdict {
                out += "  -> \(effective.uppercased()) after waivers"
            }
            out += "\n"
        }
        for (index, finding) in report.findings.enumerated() {
            let label = finding.kind == .schema ? "error" : finding.severity.rawValue
            out += "\(finding.location.file):\(finding.location.line): \(label): [\(finding.ruleID)] \(finding.message)"
            if finding.kind == .partial { out += " (partly satisfied)" }
            if let waiver = record.waiver(for: index) {
                out += " [waived by \(waiver.id) until \(waiver.expires), approved by \(waiver.approver)]"
            } else if let expired = record.expiredWaiver(for: index) {
                out += " [waiver \(expired.id) expired \(expired.expires)]"
            }
            out += "\n"
        }
        try sink.write(out)
    }

    public func finish(_ summary: AuditSummary) throws {
        var out = "\nSummary: \(summary.records) record(s)\n"
        let verdicts = summary.verdicts.keys.sorted().map { "\(summary.verdicts[$0] ?? 0) \($0)" }
        out += "  verdicts: \((verdicts + ["\(summary.invalid) invalid", "\(summary.errors) error"]).joined(separator: ", "))\n"
        if !summary.verdictsAfterWaivers.isEmpty {
            let changed = summary.verdictsAfterWaivers.keys.sorted().map { "\(summary.verdictsAfterWaivers[$0] ?? 0) \($0)" }
            out += "  after waivers: \(changed.joined(separator: ", "))\n"
        }
        out += "  not clean: \(summary.notClean), with findings: \(summary.withFindings)\n"
        if !summary.errorsByCode.isEmpty {
            out +=
                "  errors: " + summary.errorsByCode.keys.sorted().map { "\($0) \(summary.errorsByCode[$0] ?? 0)" }.joined(separator: ", ")
                + "\n"
        }
        if summary.findings.isEmpty {
            out += "  findings: none\n"
        } else {
            out += "  findings by rule (\(summary.activeFindings) counted, \(summary.waivedFindings) waived):\n"
            for rule in summary.findings.keys.sorted() {
                let count = summary.findings[rule] ?? AuditSummary.RuleCount()
                out += "    \(rule): \(count.active)\(count.waived > 0 ? " (+\(count.waived) waived)" : "")\n"
            }
        }
        for waiver in summary.waivers {
            switch waiver.status {
            case .expired:
                out +=
                    "  waiver \(waiver.id) (\(waiver.rule)) EXPIRED on \(waiver.expires): no longer applies (\(waiver.matches) finding(s) count again)\n"
            case .stale: out += "  waiver \(waiver.id) (\(waiver.rule)) is STALE: it matched no finding; remove it\n"
            case .applied: out += "  waiver \(waiver.id) (\(waiver.rule)) applied to \(waiver.matches) finding(s), expires \(waiver.expires)\n"
            }
        }
        try sink.write(out)
    }
}
