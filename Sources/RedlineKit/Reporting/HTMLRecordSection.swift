/// One record's section of an HTML report: the verdict and score in words, colour and symbol;
/// the status line; the findings grouped by severity, each with the record's own lines around
/// the place it points at (numbered, that line highlighted), the letters' words with their
/// names and dates, the demands and the remedy; then the rules that passed, with the evidence
/// they used (collapsed). Rendered on the auditor's threads.
struct HTMLRecordSection: AuditRecordRenderer {
    var ruleSet: RuleSet
    /// Whether waivers are shown (an audit) or not (`check`).
    var showsWaivers: Bool
    /// The engine and options to draw each record's timeline with (`check`); nil: no timeline.
    var timeline: (engine: Engine, options: EvaluationOptions)?

    /// Lines shown before and after the line a finding points at.
    static let context = 2
    /// The longest source line shown, in characters; the rest is cut with an ellipsis.
    static let longestLine = 200

    /// The anchor of the record at `index`.
    static func anchor(_ index: Int) -> String { "r\(index + 1)" }

    func render(_ record: AuditRecord) throws -> String { section(record).text }

    func section(_ record: AuditRecord) -> HTMLText {
        let report = record.report
        let tone = HTMLTone(record)
        let id = Self.anchor(record.index)
        var out: HTMLText =
            "<section class=\"record tone-\(tone.rawValue)\" id=\"\(id)\" aria-labelledby=\"\(id)-h\">\n"
        out += "<h2 id=\"\(id)-h\"><span class=\"path\">\(report.file)</span></h2>\n"
        let source = SourceLines(record.source)
        switch report.outcome {
        case .failed(let error):
            out += "<p class=\"verdict\">\(badge("ERROR", tone)) <span class=\"tone-word\">\(tone.words): "
            out += "\(error.code.rawValue)</span></p>\n"
            out += "<p class=\"message\">\(error.message)</p>\n"
            if error.position.line > 0 {
                out += "<p class=\"where\">line \(error.position.line)"
                out += error.position.column > 0 ? ", column \(error.position.column)</p>\n" : "</p>\n"
                out += excerpt(source, line: error.position.line)
            }
            if let suggestion = error.suggestion { out += remedy(suggestion) }
        case .invalid(let violations):
            out += "<p class=\"verdict\">\(badge("INVALID", tone)) <span class=\"tone-word\">does not match the "
            out += "licence record format; rules not run</span></p>\n"
            out += "<h3>Format errors (\(violations.count))</h3>\n"
            for violation in violations { out += finding(violation, source: source, waiver: nil) }
        case .evaluated(let evaluation):
            out += verdictLine(record, evaluation.judgement, tone: tone)
            out += statusLine(report, evaluation.judgement)
            if let timeline, let bytes = record.source,
                let steps = try? LicenceTimeline.of(
                    bytes: bytes, path: report.file, engine: timeline.engine, options: timeline.options)
            {
                out += TimelineRenderer(policy: ruleSet.policy).html(steps)
            }
            out += findings(record, evaluation, source: source)
            out += passed(evaluation)
        }
        return out + "</section>\n"
    }

    private func badge(_ text: String, _ tone: HTMLTone) -> HTMLText {
        "<span class=\"badge tone-\(tone.rawValue)\"><span aria-hidden=\"true\">\(tone.symbol)</span> \(text)</span>"
    }

    private func verdictLine(_ record: AuditRecord, _ judgement: Judgement, tone: HTMLTone) -> HTMLText {
        let verdict = record.effectiveVerdict ?? judgement.verdict
        var out: HTMLText = "<p class=\"verdict\">\(badge(verdict.uppercased(), tone)) "
        out += "<span class=\"score\">score \(ScoreText.of(judgement.score))/100</span> "
        out += "<span class=\"tone-word\">(\(tone.words))</span>"
        if showsWaivers, verdict != judgement.verdict {
            out += " <span class=\"muted\">\(judgement.verdict) before waivers</span>"
        }
        return out + "</p>\n"
    }

    private func statusLine(_ report: RecordReport, _ judgement: Judgement) -> HTMLText {
        var parts: [HTMLText] = []
        let stage = report.stage?.rawValue ?? "record"
        parts.append("\(stage) <code>\(report.recordID ?? "?")</code>")
        if report.stage == .licence {
            parts.append(judgement.notInForce.map { "not in force: \($0.description)" } ?? "in force")
        }
        parts.append("as of \(report.asOf.description)")
        parts.append("profile \(report.profile)")
        parts.append("judged by \(report.standard.described(asOf: report.asOf))")
        parts.append("rules \(ruleSet.id) \(ruleSet.version)")
        for list in ruleSet.importedLists { parts.append("list \(list.id) \(list.version)") }
        var out: HTMLText = "<p class=\"status\">\(parts.joined(separator: " · "))</p>\n"
        for hit in judgement.combinations {
            out += "<p class=\"combination\">Red flags combine: <strong>\(hit.title)</strong> "
            out += "(\(hit.rules.joined(separator: " + ")) → \(hit.verdict))</p>\n"
        }
        return out
    }

    private func findings(_ record: AuditRecord, _ evaluation: RecordEvaluation, source: SourceLines) -> HTMLText {
        let findings = evaluation.findings
        guard !findings.isEmpty else { return "<p>No findings: every rule that applies passed.</p>\n" }
        var out: HTMLText = "<h3>Findings (\(findings.count))</h3>\n"
        for severity in Severity.allCases.reversed() {
            let indices = findings.indices.filter { findings[$0].severity == severity }
            guard !indices.isEmpty else { continue }
            out += "<h4 class=\"sev-\(severity.rawValue)\">\(severity.rawValue.capitalized) (\(indices.count))</h4>\n"
            for index in indices {
                out += finding(findings[index], source: source, waiver: showsWaivers ? record.waiver(for: index) : nil)
            }
        }
        return out
    }

    private func finding(_ finding: Finding, source: SourceLines, waiver: Waiver?) -> HTMLText {
        let rule = ruleSet.rule(finding.ruleID)
        var out: HTMLText = "<article class=\"finding sev-\(finding.severity.rawValue)\">\n"
        out += "<h5>[\(finding.ruleID)] \(rule?.title ?? finding.category)"
        if finding.kind == .partial { out += " <span class=\"muted\">(partly satisfied)</span>" }
        if finding.kind == .error { out += " <span class=\"muted\">(could not be evaluated)</span>" }
        out += "</h5>\n<p class=\"message\">\(finding.message)</p>\n"
        if let waiver {
            out += "<p class=\"waiver\">Waived by <code>\(waiver.id)</code> until \(waiver.expires.description), "
            out += "approved by \(waiver.approver): \(waiver.justification)</p>\n"
        }
        out += "<p class=\"where\">line \(finding.location.line), <code>\(finding.location.path)</code></p>\n"
        out += excerpt(source, line: finding.location.line)
        for citation in finding.citations {
            let letter = ruleSet.letters.first { $0.id == citation.letter }
            out += "<blockquote><p>“\(citation.quote)”</p><footer>— \(citation.letter)"
            if let letter { out += ", \(letter.title)" + (letter.date.map { ", \($0.description)" } ?? "") }
            out += "</footer></blockquote>\n"
        }
        if !finding.demands.isEmpty {
            let demands = finding.demands.map { "<code>\($0)</code>" as HTMLText }
            out += "<p class=\"demands\">Demands: \(demands.joined(separator: ", "))</p>\n"
        }
        return out + remedy(finding.remedy) + "</article>\n"
    }

    private func remedy(_ text: String) -> HTMLText {
        "<p class=\"remedy\"><strong>What would fix it:</strong> \(text)</p>\n"
    }

    /// The numbered lines around `line`, that one highlighted; nothing without the source.
    private func excerpt(_ source: SourceLines, line: Int) -> HTMLText {
        guard line > 0, line <= source.count else { return "" }
        var out: HTMLText = "<pre class=\"source\"><code>"
        for number in max(1, line - Self.context)...min(source.count, line + Self.context) {
            var text = source[number]
            if text.count > Self.longestLine { text = String(text.prefix(Self.longestLine)) + "…" }
            let hit: HTMLText = number == line ? " hit" : ""
            let marker: HTMLText = number == line ? " aria-current=\"true\"" : ""
            out += "<span class=\"line\(hit)\"\(marker)><span class=\"ln\">\(number)</span>\(text)</span>"
        }
        return out + "</code></pre>\n"
    }

    /// The rules that passed, with the place of the evidence each used (collapsed).
    private func passed(_ evaluation: RecordEvaluation) -> HTMLText {
        let passed = evaluation.results.filter { $0.outcome == .pass }
        let skipped = evaluation.results.filter { $0.outcome == .notApplicable }.count
        guard !passed.isEmpty else { return "" }
        var out: HTMLText = "<details class=\"passed\"><summary>Rules passed (\(passed.count))"
        out += skipped > 0 ? "; \(skipped) did not apply</summary>\n<ul>\n" : "</summary>\n<ul>\n"
        for result in passed {
            out += "<li><code>\(result.ruleID)</code> \(ruleSet.rule(result.ruleID)?.title ?? "")"
            if let location = result.location {
                out +=
                    " <span class=\"muted\">— evidence at line \(location.line), <code>\(location.path)</code></span>"
            }
            out += "</li>\n"
        }
        return out + "</ul>\n</details>\n"
    }
}

/// A record's text as numbered lines (1-based), for excerpts.
struct SourceLines {
    private let lines: [Substring]

    init(_ bytes: [UInt8]?) {
        guard let bytes else {
            lines = []
            return
        }
        let text = String(decoding: bytes, as: UTF8.self)
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
    }

    var count: Int { lines.count }

    subscript(number: Int) -> String { String(lines[number - 1]) }
}
