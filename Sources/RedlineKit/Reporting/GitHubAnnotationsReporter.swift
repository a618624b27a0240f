/// Writes GitHub Actions workflow-command annotations (`::error file=…,line=…,title=…::message`).
///
/// Escaping follows actions/toolkit `command.ts`: message data escapes `%`, CR and LF; property
/// values also escape `:` and `,`. Before that, every value from data (a path, an id, a
/// message, a waiver) is neutralised as in a terminal (``OutputEscaping``): its control
/// characters are shown as `\n`, `\u{1B}`…, so a line break inside a value is never a line
/// break of the annotation and no `##[` legacy command is formed; the annotation's own line
/// breaks (before `fix:`) are the toolkit's `%0A`. The plain log lines are ``TerminalText``:
/// no line starts with `::` from data. GitHub shows at most 10 annotations of each type per step, so
/// the 10 most severe of each type are kept while streaming (ties: path order; bounded memory) and
/// written at the end in path order; the count of the rest is written as a plain line pointing to
/// the job summary and the SARIF report, which have them all. Every input also gets a plain log
/// line `redline: PATH: verdict` as it is audited (never a command).
/// Mapping: critical and major findings, rules that could not be evaluated and input errors are
/// `error`; minor `warning`; info `notice`; waived findings `notice` (marked waived).
public final class GitHubAnnotationsReporter: AuditReporter {
    /// Annotations of one type GitHub displays per step.
    public static let perTypeLimit = 10

    private let sink: any ReportSink
    private let limit: Int
    private var kept: [String: [Candidate]] = [:]
    private var omitted: [String: Int] = [:]
    private var sequence = 0

    /// An annotation waiting for the end: `rank` orders severity (higher first), `sequence` path order.
    private struct Candidate {
        var rank: Int
        var sequence: Int
        var line: String

        func outranks(_ other: Candidate) -> Bool {
            rank != other.rank ? rank > other.rank : sequence < other.sequence
        }
    }

    /// Creates a reporter writing to `sink`, at most `limit` annotations per type.
    public init(sink: any ReportSink, limit: Int = GitHubAnnotationsReporter.perTypeLimit) {
        self.sink = sink
        self.limit = limit
    }

    public func begin(_ context: AuditContext) throws {}

    public func record(_ record: AuditRecord) throws {
        let report = record.report
        // Every input gets a plain log line (never starting with "::", so never a command).
        var status: TerminalText = "\(report.verdict ?? report.status.rawValue)"
        if let term = report.evaluation?.judgement.notInForce { status += " (licence \(term.description))" }
        if let effective = record.effectiveVerdict, effective != report.verdict {
            status += " (\(effective) after waivers)"
        }
        if let error = report.error { status += " (\(error.code))" }
        try sink.write("redline: \(record.path): \(status)\n" as TerminalText)
        if let error = report.error {
            let fix = error.suggestion.map { "\nfix: \($0)" as TerminalText } ?? ""
            try annotate(
                "error", rank: 4, file: record.path, line: error.position.line,
                title: "redline input-error (\(error.code))", message: "\(error.message)\(fix)")
        }
        for (index, finding) in report.findings.enumerated() {
            var type = CILevel(finding.severity).annotation
            if finding.kind == .error || finding.kind == .schema { type = "error" }
            var rank =
                finding.kind == .error || finding.kind == .schema
                ? 4 : Severity.allCases.firstIndex(of: finding.severity) ?? 0
            var message: TerminalText = "\(finding.message)"
            var title: TerminalText = "redline \(finding.ruleID) (\(finding.severity.rawValue))"
            if let waiver = record.waiver(for: index) {
                type = "notice"
                rank = -1
                title = "redline \(finding.ruleID) waived by \(waiver.id)"
                message =
                    "waived until \(waiver.expires), approved by \(waiver.approver): "
                    + "\(waiver.justification)\nfinding: \(message)"
            } else {
                if let verdict = record.effectiveVerdict { message += "\nrecord \(report.recordID ?? "?"): \(verdict)" }
                if let expired = record.expiredWaiver(for: index) {
                    message += "\nwaiver \(expired.id) expired on \(expired.expires) and no longer applies"
                }
                if finding.kind != .schema { message += "\nfix: \(finding.remedy)" }
            }
            try annotate(
                type, rank: rank, file: record.path, line: finding.location.line, title: title, message: message)
        }
    }

    public func finish(_ summary: AuditSummary) throws {
        for candidate in kept.values.joined().sorted(by: { $0.sequence < $1.sequence }) {
            try sink.write(candidate.line)
        }
        let rest = ["error", "warning", "notice"].compactMap { type in
            omitted[type].map { "\($0) \(type)" as TerminalText }
        }
        var out: TerminalText =
            "redline audit: \(summary.records) record(s), \(summary.notClean) not clean, \(summary.inputErrors) "
            + "input error(s), \(summary.activeFindings) finding(s), \(summary.waivedFindings) waived\n"
        if !rest.isEmpty {
            out +=
                "redline audit: \(rest.joined(separator: ", ")) annotation(s) not shown (GitHub shows \(limit) per "
                + "type per step); see the job summary or the SARIF report for all findings\n"
        }
        for waiver in summary.waivers where waiver.status != .applied {
            out += "redline audit: waiver \(waiver.id) (\(waiver.rule)) is \(waiver.status.rawValue)"
            out += waiver.status == .expired ? " since \(waiver.expires)\n" : ": it matched no finding\n"
        }
        try sink.write(out)
    }

    /// One annotation: `file` is neutralised like the values of `title` and `message`, then
    /// all three are escaped as actions/toolkit does.
    private func annotate(
        _ type: String, rank: Int, file: String, line: Int, title: TerminalText, message: TerminalText
    ) throws {
        sequence += 1
        let file = Self.escapeProperty(OutputEscaping.inLine(file))
        let properties = "file=\(file),line=\(max(1, line)),title=\(Self.escapeProperty(title.text))"
        let candidate = Candidate(
            rank: rank, sequence: sequence, line: "::\(type) \(properties)::\(Self.escapeData(message.text))\n")
        var list = kept[type, default: []]
        if list.count < limit {
            list.append(candidate)
        } else if let worst = list.indices.min(by: { list[$1].outranks(list[$0]) }), candidate.outranks(list[worst]) {
            list[worst] = candidate
            omitted[type, default: 0] += 1
        } else {
            omitted[type, default: 0] += 1
        }
        kept[type] = list
    }

    /// Escapes a message (`%`, CR, LF), as actions/toolkit `escapeData`.
    public static func escapeData(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    /// Escapes a property value (`%`, CR, LF, `:`, `,`), as actions/toolkit `escapeProperty`.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

extension String {
    /// Every occurrence of `target` replaced (scalar-wise; no Foundation).
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if scalar == target { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
