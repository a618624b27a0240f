/// Renders one record as text for a person: a headline with the verdict and score (or why it
/// could not be evaluated), then its findings as `file:line: label: [RULE-ID] message`.
///
/// The one text renderer of a record's findings: `redline check` shows each finding with the
/// letters it cites, its demands and its fix (``check(_:ruleSet:)``); the audit text report
/// one line per finding with its waiver (``audit(_:)``). ANSI colours only when `colour` is set.
/// Everything is built as ``TerminalText``: paths, ids, messages, waivers and errors are escaped
/// (``OutputEscaping/terminal(_:)``).
struct RecordTextRenderer: Sendable {
    /// Whether to use ANSI colours.
    var colour: Bool

    // MARK: - check

    /// A record as `redline check` shows it: the headline, the rule counts, then every finding
    /// with its citations, demands and fix.
    func check(_ report: RecordReport, ruleSet: RuleSet) -> TerminalText {
        switch report.outcome {
        case .failed(let error):
            var out: TerminalText =
                "\(report.file): \(paint("ERROR", Self.errorStyle)) \(error.code): cannot evaluate\n"
            out += "\(error.position): error: \(error.message)\n"
            if let suggestion = error.suggestion { out += "    fix: \(suggestion)\n" }
            return out
        case .invalid(let violations):
            let plural: TerminalText = violations.count == 1 ? "" : "s"
            var out: TerminalText = "\(invalidHeadline(report)) (\(violations.count) error\(plural)); rules not run\n"
            out += violations.map { "\(findingLine($0, label: "error"))\n" as TerminalText }.joined()
            return out + "    fix: \(violations.first?.remedy ?? "")\n"
        case .evaluated(let evaluation):
            var out = verdictHeadline(report, evaluation.judgement)
            out += "  (\(identity(report)), as of \(report.asOf), profile \(report.profile), "
            out +=
                "judged by \(report.standard.described(asOf: report.asOf)), rules \(ruleSet.id) \(ruleSet.version))\n"
            for imported in ruleSet.importedLists { out += "  list \(imported.description)\n" }
            for hit in evaluation.judgement.combinations {
                let rules = hit.rules.map { "\($0)" as TerminalText }.joined(separator: " + ")
                out += "  combination \(hit.id): \(hit.title) (\(rules) → \(hit.verdict))\n"
            }
            let counts = Dictionary(grouping: evaluation.results, by: \.outcome).mapValues(\.count)
            out += "  rules: \(counts[.pass] ?? 0) pass, \(counts[.fail] ?? 0) fail, "
            out += "\(counts[.notApplicable] ?? 0) not applicable, \(counts[.error] ?? 0) error\n"
            for finding in evaluation.findings {
                let label = finding.kind == .error ? paint("error", Self.evaluationErrorStyle) : paint(finding.severity)
                out += "\(findingLine(finding, label: label))\n\(details(finding))"
            }
            return out
        }
    }

    /// The citations, demands and fix under a finding.
    private func details(_ finding: Finding) -> TerminalText {
        var out = finding.citations.map { "    cites \($0.letter): \"\($0.quote)\"\n" as TerminalText }.joined()
        if !finding.demands.isEmpty {
            out += "    demands: \(finding.demands.map { "\($0)" as TerminalText }.joined(separator: ", "))\n"
        }
        return out + "    fix: \(finding.remedy)\n"
    }

    // MARK: - audit

    /// A record as the audit text report shows it: the headline (with the verdict after
    /// waivers when it changed), then one line per finding, waived ones marked.
    func audit(_ record: AuditRecord) -> TerminalText {
        let report = record.report
        var out: TerminalText
        switch report.outcome {
        case .failed(let error):
            out = "\(record.path): \(paint("ERROR", Self.errorStyle)) \(error.code.rawValue): \(error.message)\n"
            if error.position.line > 0 { out += "    at \(error.position)\n" }
            if let suggestion = error.suggestion { out += "    fix: \(suggestion)\n" }
        case .invalid:
            out = "\(invalidHeadline(report))\n"
        case .evaluated(let evaluation):
            out = "\(verdictHeadline(report, evaluation.judgement))  (\(identity(report)))"
            if let effective = record.effectiveVerdict, effective != report.verdict {
                out += "  -> \(effective.uppercased()) after waivers"
            }
            out += "\n"
        }
        for (index, finding) in report.findings.enumerated() {
            let label: TerminalText = finding.kind == .schema ? "error" : "\(finding.severity.rawValue)"
            out += "\(findingLine(finding, label: label))\(waiverNote(record, finding: index))\n"
        }
        return out
    }

    /// ` [waived by …]` or ` [waiver … expired …]` after a finding a waiver matched.
    private func waiverNote(_ record: AuditRecord, finding index: Int) -> TerminalText {
        if let waiver = record.waiver(for: index) {
            return " [waived by \(waiver.id) until \(waiver.expires), approved by \(waiver.approver)]"
        }
        guard let expired = record.expiredWaiver(for: index) else { return "" }
        return " [waiver \(expired.id) expired \(expired.expires)]"
    }

    // MARK: - Shared

    /// `path: VERDICT  score S/100`.
    private func verdictHeadline(_ report: RecordReport, _ judgement: Judgement) -> TerminalText {
        let verdict = paint("\(judgement.verdict.uppercased())", judgement.isClean ? Self.cleanStyle : Self.errorStyle)
        let term = judgement.notInForce.map { "  licence not in force: \($0.description)" as TerminalText } ?? ""
        return "\(report.file): \(verdict)  score \(ScoreText.of(judgement.score))/100\(term)"
    }

    /// `path: INVALID record ID does not match the licence record format`.
    private func invalidHeadline(_ report: RecordReport) -> TerminalText {
        let id = report.recordID ?? "?"
        return
            "\(report.file): \(paint("INVALID", Self.errorStyle)) record \(id) does not match the licence record format"
    }

    /// `stage id`.
    private func identity(_ report: RecordReport) -> TerminalText {
        "\(report.stage?.rawValue ?? "?") \(report.recordID ?? "?")"
    }

    /// `file:line: label: [RULE-ID] message`, ` (partly satisfied)` for a partial fail.
    private func findingLine(_ finding: Finding, label: TerminalText) -> TerminalText {
        let partial: TerminalText = finding.kind == .partial ? " (partly satisfied)" : ""
        let place: TerminalText = "\(finding.location.file):\(finding.location.line)"
        return "\(place): \(label): [\(finding.ruleID)] \(finding.message)\(partial)"
    }

    // MARK: - Colours (the only escape sequences in the output: literals of this template)

    private static let errorStyle: TerminalText = "\u{1B}[1;31m"
    private static let cleanStyle: TerminalText = "\u{1B}[1;32m"
    private static let evaluationErrorStyle: TerminalText = "\u{1B}[1;35m"
    private static let reset: TerminalText = "\u{1B}[0m"

    private func paint(_ text: TerminalText, _ style: TerminalText) -> TerminalText {
        colour ? "\(style)\(text)\(Self.reset)" : text
    }

    private func paint(_ severity: Severity) -> TerminalText {
        switch severity {
        case .critical: return paint("critical", Self.errorStyle)
        case .major: return paint("major", "\u{1B}[31m")
        case .minor: return paint("minor", "\u{1B}[33m")
        case .info: return paint("info", "\u{1B}[36m")
        }
    }
}
