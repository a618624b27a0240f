/// How CI tools show a finding of each severity, in one place for every report format:
/// critical and major findings fail a check, minor ones warn, info ones inform.
enum CILevel {
    case error, warning, note

    /// The level of a finding of `severity`.
    init(_ severity: Severity) {
        switch severity {
        case .critical, .major: self = .error
        case .minor: self = .warning
        case .info: self = .note
        }
    }

    /// The GitHub Actions workflow command (`::error`, `::warning`, `::notice`).
    var annotation: String {
        [.error: "error", .warning: "warning", .note: "notice"][self] ?? "notice"
    }

    /// The SARIF `level`.
    var sarifLevel: String {
        [.error: "error", .warning: "warning", .note: "note"][self] ?? "note"
    }

    /// GitHub code scanning's `problem.severity`.
    var problemSeverity: String {
        [.error: "error", .warning: "warning", .note: "recommendation"][self] ?? "recommendation"
    }

    /// The Markdown summary's emoji code.
    var markdownIcon: String {
        [.error: ":x:", .warning: ":warning:", .note: ":information_source:"][self] ?? ":information_source:"
    }
}
