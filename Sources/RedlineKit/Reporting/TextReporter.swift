/// Renders reports for a person: per record the verdict and score first, then findings by
/// severity as `file:line: severity: [RULE-ID] message`, each with its citation and remedy.
public struct TextReporter: Sendable {
    /// Whether to use ANSI colours (only on a TTY, and never when `NO_COLOR` is set).
    public var colour: Bool
    /// Whether to show citations and remedies under each finding.
    public var verbose: Bool

    /// Creates a reporter.
    public init(colour: Bool = false, verbose: Bool = true) {
        self.colour = colour
        self.verbose = verbose
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

    /// The text for one record.
    public func render(_ report: RecordReport, ruleSet: RuleSet) -> String {
        var out = ""
        if let error = report.error {
            out += "\(report.file): \(paint("ERROR", "1;31")) \(error.code): cannot evaluate\n"
            out += "\(error.position): error: \(error.message)\n"
            if let suggestion = error.suggestion { out += "    fix: \(suggestion)\n" }
            return out
        }
        let id = report.recordID ?? "?"
        let stage = report.stage?.rawValue ?? "?"
        if report.status == .invalid {
            out += "\(report.file): \(paint("INVALID", "1;31")) record \(id) does not match the licence record format (\(report.findings.count) error\(report.findings.count == 1 ? "" : "s")); rules not run\n"
            for finding in report.findings {
                out += "\(finding.location.file):\(finding.location.line): error: [schema] \(finding.message)\n"
            }
            out += "    fix: \(report.findings.first?.remedy ?? "")\n"
            return out
        }
        let verdict = report.verdict ?? "?"
        let verdictText = paint(verdict.uppercased(), report.isClean ? "1;32" : "1;31")
        let scoreText = report.score.map { Self.format($0) } ?? "?"
        out += "\(report.file): \(verdictText)  score \(scoreText)/100  (\(stage) \(id), as of \(report.asOf), profile \(report.profile), rules \(ruleSet.id) \(ruleSet.version))\n"
        let counts = Dictionary(grouping: report.results, by: \.outcome).mapValues(\.count)
        out += "  rules: \(counts[.pass] ?? 0) pass, \(counts[.fail] ?? 0) fail, \(counts[.notApplicable] ?? 0) not applicable, \(counts[.error] ?? 0) error\n"
        for finding in report.findings {
            let label = finding.kind == .error ? paint("error", "1;35") : paint(finding.severity)
            let partial = finding.kind == .partial ? " (partly satisfied)" : ""
            out += "\(finding.location.file):\(finding.location.line): \(label): [\(finding.ruleID)] \(finding.message)\(partial)\n"
            if verbose {
                for citation in finding.citations {
                    out += "    cites \(citation.letter): \"\(citation.quote)\"\n"
                }
                if !finding.demands.isEmpty { out += "    demands: \(finding.demands.joined(separator: ", "))\n" }
                out += "    fix: \(finding.remedy)\n"
            }
        }
        return out
    }

    /// The text for several records, with a one-line summary when there is more than one.
    public func render(_ reports: [RecordReport], ruleSet: RuleSet) -> String {
        var out = reports.map { render($0, ruleSet: ruleSet) }.joined(separator: "\n")
        if reports.count > 1 {
            let verdicts = Dictionary(grouping: reports.compactMap(\.verdict), by: { $0 }).mapValues(\.count)
            let summary = verdicts.keys.sorted().map { "\(verdicts[$0] ?? 0) \($0)" }
            let invalid = reports.filter { $0.status == .invalid }.count
            let errors = reports.filter { $0.status == .error }.count
            out += "\n\(reports.count) records: " + (summary + ["\(invalid) invalid", "\(errors) error"]).joined(separator: ", ") + "\n"
        }
        return out
    }

    /// A score with one decimal, without a trailing `.0`.
    public static func format(_ score: Double) -> String {
        let tenths = Int((score * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
