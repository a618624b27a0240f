/// Renders one record as text for a person: a headline with the verdict and score (or why it
/// could not be evaluated), then its findings as `file:line: label: [RULE-ID] message`.
///
/// The one text renderer of a record's findings: `redline check` shows each finding with the
/// letters it cites, its demands and its fix (``check(_:ruleSet:)``); the audit text report
/// one line per finding with its waiver (``audit(_:)``). ANSI colours only when `colour` is set.
struct RecordTextRenderer: Sendable {
    /// Whether to use ANSI colours.
    var colour: Bool

    // MARK: - check

    /// A record as `redline check` shows it: the headline, the rule counts, then every finding
    /// with its citations, demands and fix.
    func check(_ report: RecordReport, ruleSet: RuleSet) -> String {
        switch report.outcome {
        case .failed(let error):
            var out = "\(report.file): \(paint("ERROR", "1;31")) \(error.code): cannot evaluate\n"
            out += "\(error.position): error: \(error.message)\n"
            if let suggestion = error.suggestion { out += "    fix: \(suggestion)\n" }
            return out
        case .invalid(let violations):
            let count = "\(violations.count) error\(violations.count == 1 ? "" : "s")"
            var out = invalidHeadline(report) + " (\(count)); rules not run\n"
            out += violations.map { findingLine($0, label: "error") + "\n" }.joined()
            return out + "    fix: \(violations.first?.remedy ?? "")\n"
        case .evaluated(let evaluation):
            var out = verdictHeadline(report, evaluation.judgement)
            out += "  (\(identity(report)), as of \(report.asOf), profile \(report.profile), "
            out +=
                "judged by \(report.standard.described(asOf: report.asOf)), rules \(ruleSet.id) \(ruleSet.version))\n"
            for hit in evaluation.judgement.combinations {
                out +=
                    "  combination \(hit.id): \(hit.title) (\(hit.rules.joined(separator: " + ")) → \(hit.verdict))\n"
            }
            let counts = Dictionary(grouping: evaluation.results, by: \.outcome).mapValues(\.count)
            out += "  rules: \(counts[.pass] ?? 0) pass, \(counts[.fail] ?? 0) fail, "
            out += "\(counts[.notApplicable] ?? 0) not applicable, \(counts[.error] ?? 0) error\n"
            for finding in evaluation.findings {
                let label = finding.kind == .error ? paint("error", "1;35") : paint(finding.severity)
                out += findingLine(finding, label: label) + "\n" + details(finding)
            }
            return out
        }
    }

    /// The citations, demands and fix under a finding.
    private func details(_ finding: Finding) -> String {
        var out = finding.citations.map { "    cites \($0.letter): \"\($0.quote)\"\n" }.joined()
        if !finding.demands.isEmpty { out += "    demands: \(finding.demands.joined(separator: ", "))\n" }
        return out + "    fix: \(finding.remedy)\n"
    }

    // MARK: - audit

    /// A record as the audit text report shows it: the headline (with the verdict after
    /// waivers when it changed), then one line per finding, waived ones marked.
    func audit(_ record: AuditRecord) -> String {
        let report = record.report
        var out: String
        switch report.outcome {
        case .failed(let error):
            out = "\(record.path): \(paint("ERROR", "1;31")) \(error.code.rawValue): \(error.message)\n"
            if error.position.line > 0 { out += "    at \(error.position)\n" }
            if let suggestion = error.suggestion { out += "    fix: \(suggestion)\n" }
        case .invalid:
            out = invalidHeadline(report) + "\n"
        case .evaluated(let evaluation):
            out = verdictHeadline(report, evaluation.judgement) + "  (\(identity(report)))"
            if let effective = record.effectiveVerdict, effective != report.verdict {
                out += "  -> \(effective.uppercased()) after waivers"
            }
            out += "\n"
        }
        for (index, finding) in report.findings.enumerated() {
            let label = finding.kind == .schema ? "error" : finding.severity.rawValue
            out += findingLine(finding, label: label) + waiverNote(record, finding: index) + "\n"
        }
        return out
    }

    /// ` [waived by …]` or ` [waiver … expired …]` after a finding a waiver matched.
    private func waiverNote(_ record: AuditRecord, finding index: Int) -> String {
        if let waiver = record.waiver(for: index) {
            return " [waived by \(waiver.id) until \(waiver.expires), approved by \(waiver.approver)]"
        }
        guard let expired = record.expiredWaiver(for: index) else { return "" }
        return " [waiver \(expired.id) expired \(expired.expires)]"
    }

    // MARK: - Shared

    /// `path: VERDICT  score S/100`.
    private func verdictHeadline(_ report: RecordReport, _ judgement: Judgement) -> String {
        let verdict = paint(judgement.verdict.uppercased(), judgement.isClean ? "1;32" : "1;31")
        let term = judgement.notInForce.map { "  licence not in force: \($0.description)" } ?? ""
        return "\(report.file): \(verdict)  score \(ScoreText.of(judgement.score))/100\(term)"
    }

    /// `path: INVALID record ID does not match the licence record format`.
    private func invalidHeadline(_ report: RecordReport) -> String {
        let id = report.recordID ?? "?"
        return "\(report.file): \(paint("INVALID", "1;31")) record \(id) does not match the licence record format"
    }

    /// `stage id`.
    private func identity(_ report: RecordReport) -> String {
        "\(report.stage?.rawValue ?? "?") \(report.recordID ?? "?")"
    }

    /// `file:line: label: [RULE-ID] message`, ` (partly satisfied)` for a partial fail.
    private func findingLine(_ finding: Finding, label: String) -> String {
        let partial = finding.kind == .partial ? " (partly satisfied)" : ""
        let place = "\(finding.location.file):\(finding.location.line)"
        return "\(place): \(label): [\(finding.ruleID)] \(finding.message)\(partial)"
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func paint(_ severity: Severity) -> String {
        switch severity {
        case .critical: return paint("critical", "1;31")
        case .major: return paint("major", "31")
        case .minor: return paint("minor", "33")
        case .info: return paint("info", "36")
        }
    }
}
