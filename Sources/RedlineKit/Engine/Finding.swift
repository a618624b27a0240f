/// One problem found in a record: a failed rule, a rule that could not be evaluated, or a
/// schema violation. Findings are values; they never stop a run.
public struct Finding: Sendable, Hashable, Codable {
    /// What kind of finding this is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The rule failed.
        case fail
        /// The rule failed but was partly satisfied (e.g. only self-declared evidence).
        case partial
        /// The rule could not be evaluated.
        case error
        /// The record does not match the record schema.
        case schema
    }

    /// Where in the record the finding points.
    public struct Location: Sendable, Hashable, Codable {
        /// The record file.
        public var file: String
        /// 1-based line.
        public var line: Int
        /// A stable element path (independent of line numbers).
        public var path: String
    }

    /// The rule id (`schema` for schema violations).
    public var ruleID: String
    /// The kind.
    public var kind: Kind
    /// The severity (the rule's; schema violations are critical).
    public var severity: Severity
    /// The rule's category.
    public var category: String
    /// The message, with values from the record.
    public var message: String
    /// Where.
    public var location: Location
    /// The demand ids the rule implements.
    public var demands: [String]
    /// The rule's citations.
    public var citations: [CitationRef]
    /// What evidence would fix it.
    public var remedy: String
    /// The share of the weight earned.
    public var credit: Double

    /// A citation as shown in reports.
    public struct CitationRef: Sendable, Hashable, Codable {
        /// The letter id.
        public var letter: String
        /// The quote.
        public var quote: String
    }
}
