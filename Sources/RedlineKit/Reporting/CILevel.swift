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
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// The SARIF `level`, and GitHub code scanning's `problem.severity`.
    var sarif: (level: String, problem: String) {
        switch self {
        case .error: ("error", "error")
        case .warning: ("warning", "warning")
        case .note: ("note", "recommendation")
        }
    }

    /// The Markdown summary's emoji code (Markdown of the template, not data).
    var markdownIcon: MarkdownText {
        switch self {
        case .error: ":x:"
        case .warning: ":warning:"
        case .note: ":information_source:"
        }
    }
}
