/// An error that stops the processing of one input (a record, a rule set, an option), with the
/// place it refers to and a suggestion a person can act on.
public struct RedlineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is. Extensible: new codes do not break clients.
    public struct Code: Hashable, Sendable, CustomStringConvertible, Codable {
        /// The stable identifier used in JSON output and documentation.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The file could not be read (missing, permission, a directory, a FIFO…).
        public static let unreadable = Code("unreadable")
        /// The input is larger than the configured limit.
        public static let tooLarge = Code("too-large")
        /// The input is not well-formed XML (or not UTF-8 / a declared encoding).
        public static let malformed = Code("malformed")
        /// The input uses a construct refused for security (DOCTYPE, entities, excessive depth).
        public static let hostile = Code("hostile")
        /// The document is well-formed but does not match its schema.
        public static let schemaInvalid = Code("schema-invalid")
        /// A rule set is wrong (unknown function or list, bad XPath, duplicate id…).
        public static let invalidRules = Code("invalid-rules")
        /// A waivers file is wrong (not well-formed, schema-invalid, unknown rule, duplicate id…).
        public static let invalidWaivers = Code("invalid-waivers")
        /// An XPath expression failed while evaluating a record.
        public static let evaluation = Code("evaluation")
        /// A record's evaluation took longer than the per-record time limit.
        public static let timeLimit = Code("time-limit")
        /// A command-line value is wrong.
        public static let usage = Code("usage")
        /// The evaluation date is before the record was submitted: the record does not exist yet.
        public static let notYetSubmitted = Code("not-yet-submitted")

        public var description: String { rawValue }

        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    /// The kind of problem.
    public var code: Code
    /// What went wrong, in words a person understands (lower-case start, no final period).
    public var message: String
    /// Where: file, line and column when known.
    public var position: SourcePosition
    /// What to do about it, when there is something to say.
    public var suggestion: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, at position: SourcePosition, suggestion: String? = nil) {
        self.code = code
        self.message = message
        self.position = position
        self.suggestion = suggestion
    }

    /// `file:line:col: error: message (suggestion)`.
    public var description: String {
        var text = "\(position): error: \(message)"
        if let suggestion { text += "\n  fix: \(suggestion)" }
        return text
    }
}
