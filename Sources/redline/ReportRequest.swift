import ArgumentParser

/// One `--report FORMAT[=FILE]`: a format and where it goes (standard output when no file).
struct ReportRequest: ExpressibleByArgument, Hashable {
    enum Format: String, CaseIterable {
        case text, json, sarif, junit, github, markdown
    }

    var format: Format
    var file: String?

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard let format = Format(rawValue: String(parts[0])) else { return nil }
        self.format = format
        if parts.count == 2 {
            guard !parts[1].isEmpty else { return nil }
            file = String(parts[1])
        }
    }

    static var allValueStrings: [String] {
        ["text", "json[=FILE]", "sarif=FILE", "junit=FILE", "github", "markdown[=FILE]"]
    }

    /// Whether the report goes to standard output.
    var toStdout: Bool { file == nil || file == "-" }
}
