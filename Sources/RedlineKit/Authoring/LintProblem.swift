/// One problem `redline rules lint` reports: an error (the rule set is wrong) or a warning
/// (it loads but is probably not what the author meant), with its place and a suggested fix.
public struct LintProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Level: String, Sendable, Hashable, Codable {
        /// The rule set is wrong; `rules lint` exits with status 3.
        case error
        /// Probably not what was meant.
        case warning
    }

    /// Error or warning.
    public var level: Level
    /// What is wrong (lower-case start, no final period).
    public var message: String
    /// Where.
    public var position: SourcePosition
    /// How to fix it, when there is something to say.
    public var suggestion: String?

    /// Creates a problem.
    public init(_ level: Level, _ message: String, at position: SourcePosition, suggestion: String? = nil) {
        self.init(level: level, message: message, position: position, suggestion: suggestion)
    }

    private init(level: Level, message: String, position: SourcePosition, suggestion: String?) {
        (self.level, self.message, self.position, self.suggestion) = (level, message, position, suggestion)
    }

    /// An error from a ``RedlineError``.
    public init(_ error: RedlineError) {
        self.init(.error, error.message, at: error.position, suggestion: error.suggestion)
    }

    /// `file:line:col: error: message` and, on the next line, `  fix: suggestion`.
    public var description: String {
        var text = "\(position): \(level.rawValue): \(message)"
        if let suggestion { text += "\n  fix: \(suggestion)" }
        return text
    }
}
