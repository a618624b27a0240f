/// The result of checking one input file: its verdict and findings, or the error that stopped it.
public struct RecordReport: Sendable, Hashable, Codable {
    /// How far evaluation got.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The rules ran; `verdict` and `score` are set.
        case evaluated
        /// The record is well-formed but does not match the record schema; findings list the violations.
        case invalid
        /// The file could not be read, was too large, not well-formed or hostile; `error` says why.
        case error
    }

    /// The input path as given.
    public var file: String
    /// The record id, when the file could be parsed.
    public var recordID: String?
    /// Application or licence, when known.
    public var stage: Stage?
    /// How far evaluation got.
    public var status: Status
    /// The verdict from the rule set's policy.
    public var verdict: String?
    /// The weighted score, 0–100, rounded to one decimal.
    public var score: Double?
    /// The profile in force.
    public var profile: String
    /// The evaluation date.
    public var asOf: String
    /// Every rule's outcome, in rule-set order.
    public var results: [RuleResult]
    /// The findings, most severe first, then by line and rule id.
    public var findings: [Finding]
    /// The error that stopped evaluation, if any.
    public var error: RedlineError?

    /// Whether the verdict is the policy's clean one (approve / maintain).
    public var isClean: Bool = false
}

extension RedlineError: Codable {
    private enum Keys: String, CodingKey { case code, message, file, line, column, suggestion }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        self.init(
            try container.decode(Code.self, forKey: .code), try container.decode(String.self, forKey: .message),
            at: SourcePosition(
                file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
                column: try container.decode(Int.self, forKey: .column)),
            suggestion: try container.decodeIfPresent(String.self, forKey: .suggestion))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(position.file, forKey: .file)
        try container.encode(position.line, forKey: .line)
        try container.encode(position.column, forKey: .column)
        try container.encodeIfPresent(suggestion, forKey: .suggestion)
    }
}
