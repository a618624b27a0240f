/// An exception granted for one rule on a record or a set of records, with the justification,
/// who approved it and until when (see docs/audit.md, rules/schemas/waivers-1.xsd).
public struct Waiver: Sendable, Hashable {
    /// The waiver's id, unique in its file.
    public var id: String
    /// The rule id the exception is for (a glob such as `TRANS-*` is allowed).
    public var rule: String
    /// Globs on record ids (`licenceRecord/@id`).
    public var records: [String]
    /// Globs on record paths as shown in reports (relative to the audit base).
    public var paths: [String]
    /// Why the exception is acceptable.
    public var justification: String
    /// Who approved it.
    public var approver: String
    /// The last day the waiver applies; after it, it is expired.
    public var expires: LocalDate
    /// Where the waiver is written.
    public var position: SourcePosition

    /// Creates a waiver.
    public init(
        id: String, rule: String, records: [String], paths: [String], justification: String, approver: String,
        expires: LocalDate, position: SourcePosition
    ) {
        self.id = id
        self.rule = rule
        self.records = records
        self.paths = paths
        self.justification = justification
        self.approver = approver
        self.expires = expires
        self.position = position
    }

    /// Whether the waiver is expired on `date` (its expiry is before that day).
    public func isExpired(on date: LocalDate) -> Bool { expires < date }

    /// Whether the waiver covers a finding of `ruleID` in the record `recordID` at `path`.
    public func matches(ruleID: String, recordID: String?, path: String) -> Bool {
        guard Glob.matches(rule, ruleID) else { return false }
        if let recordID, records.contains(where: { Glob.matches($0, recordID) }) { return true }
        return paths.contains { Glob.matches($0, path) }
    }
}
