/// Writes a GitLab code-quality report (the Code Climate issue subset GitLab reads:
/// `artifacts:reports:codequality`): a JSON array with one issue per finding and per input
/// error, each with `description`, `check_name`, `fingerprint`, `severity` and
/// `location.path`/`location.lines.begin`. GitLab shows the issues in the merge request and
/// compares fingerprints between the source and target branches to mark new and resolved
/// ones, so fingerprints leave out line numbers (``Fingerprint``). Waived findings are left out
/// (GitLab has no suppression); a clean record has no issue.
///
/// Severity: critical findings, schema findings and rules that could not be evaluated are
/// `critical`, input errors `blocker`, major `major`, minor `minor`, info `info`.
public final class CodeQualityReporter: AuditReporter {
    private let sink: any ReportSink
    private var wrote = false

    /// Creates a reporter writing to `sink`.
    public init(sink: any ReportSink) {
        self.sink = sink
    }

    public func begin(_ context: AuditContext) throws {
        try sink.write("[")
    }

    public func record(_ record: AuditRecord) throws {
        let report = record.report
        if let error = report.error {
            let fix = error.suggestion.map { " (fix: \($0))" } ?? ""
            try issue(
                check: "redline/input-error", severity: "blocker", description: error.message + fix,
                path: record.path, line: error.position.line,
                fingerprint: Fingerprint.of(["input-error", record.path, error.code.rawValue]))
        }
        for (index, finding) in report.findings.enumerated() where record.waiver(for: index) == nil {
            let severity =
                finding.kind == .error || finding.kind == .schema ? "critical" : Self.severity(finding.severity)
            var description = "[\(finding.ruleID)] \(finding.message)"
            if !finding.demands.isEmpty { description += " (demands \(finding.demands.joined(separator: ", ")))" }
            if let verdict = record.effectiveVerdict { description += "; record \(report.recordID ?? "?"): \(verdict)" }
            try issue(
                check: "redline/\(finding.ruleID)", severity: severity, description: description, path: record.path,
                line: finding.location.line,
                fingerprint: Fingerprint.finding(
                    ruleID: finding.ruleID, recordID: report.recordID, file: record.path,
                    elementPath: finding.location.path))
        }
    }

    public func finish(_ summary: AuditSummary) throws {
        try sink.write(wrote ? "\n]\n" : "]\n")
    }

    /// GitLab's severity for a finding's.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "critical"
        case .major: "major"
        case .minor: "minor"
        case .info: "info"
        }
    }

    private func issue(
        check: String, severity: String, description: String, path: String, line: Int, fingerprint: String
    ) throws {
        let value = JSONValue.object([
            ("type", .string("issue")),
            ("check_name", .string(check)),
            ("description", .string(description)),
            ("categories", .array([.string("Security")])),
            ("severity", .string(severity)),
            ("fingerprint", .string(fingerprint)),
            (
                "location",
                .object([("path", .string(path)), ("lines", .object([("begin", .int(max(1, line)))]))])
            ),
        ])
        try sink.write((wrote ? ",\n" : "\n") + JSONWriter.indent(1) + value.rendered(depth: 1))
        wrote = true
    }
}
