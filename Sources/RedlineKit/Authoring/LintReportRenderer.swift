/// Renders what `redline rules lint` found: as text, one `file:line:col: level: message` (with a
/// `fix:` line) per problem and a count; as JSON, `{errors, warnings, problems}` with sorted keys.
public struct LintReportRenderer: Sendable {
    /// One problem in the JSON document.
    private struct Problem: Encodable {
        var level: String
        var file: String
        var line: Int
        var column: Int
        var message: String
        var suggestion: String?
    }

    /// The JSON document.
    private struct Document: Encodable {
        var errors: Int
        var warnings: Int
        var problems: [Problem]
    }

    /// Creates a renderer.
    public init() {}

    /// Every problem, then `N errors, M warnings`.
    public func text(_ problems: [LintProblem]) -> String {
        let errors = Self.errors(in: problems)
        let warnings = problems.count - errors
        var out = problems.map { $0.description + "\n" }.joined()
        out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        return out
    }

    /// The JSON document (pretty-printed, sorted keys, trailing newline).
    public func json(_ problems: [LintProblem]) -> String {
        let errors = Self.errors(in: problems)
        let entries = problems.map { problem in
            Problem(
                level: problem.level.rawValue, file: problem.position.file, line: problem.position.line,
                column: problem.position.column, message: problem.message, suggestion: problem.suggestion)
        }
        let document = Document(errors: errors, warnings: problems.count - errors, problems: entries)
        return PrettyJSONEncoder().document(document)
    }

    /// How many of `problems` are errors.
    public static func errors(in problems: [LintProblem]) -> Int {
        problems.filter { $0.level == .error }.count
    }
}
