/// A reference list used by rules through `rl:in-list` and `rl:contains-any`: the 11 countries
/// named in CS21, the US Entity List additions of November 2021, phrases of generic end use…
public struct ReferenceList: Sendable, Hashable {
    /// How entries are compared with values from a record.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// ISO 3166-1 alpha-2 codes, compared case-insensitively.
        case country
        /// Names of companies, agencies or people, compared after ``NameNormalizer`` normalisation.
        case party
        /// Control-list entries: `4A005` also matches `4A005.a` (a sub-entry), not `4A0051`.
        case code
        /// Phrases, matched as whole words inside a text after normalisation.
        case phrase
    }

    /// One entry with the dates it applies between.
    public struct Entry: Sendable, Hashable {
        /// The entry as written.
        public var value: String
        /// The comparison key (normalised by kind).
        public var key: String
        /// The first day the entry applies.
        public var since: LocalDate
        /// The last day the entry applies, if it was removed.
        public var until: LocalDate?
        /// Where the entry was written.
        public var position: SourcePosition

        /// An entry of a list of `kind`, compared by its key for that kind.
        package init(value: String, kind: Kind, since: LocalDate, until: LocalDate?, position: SourcePosition) {
            (self.value, self.since, self.until, self.position) = (value, since, until, position)
            key = ReferenceList.key(for: value, kind: kind)
        }
    }

    /// The list's id (used in rules).
    public var id: String
    /// What the entries are.
    public var kind: Kind
    /// A human title.
    public var title: String
    /// Where the list comes from (a letter id, a register, a Federal Register notice…).
    public var source: String
    /// The date the list is effective from.
    public var effective: LocalDate
    /// The entries.
    public var entries: [Entry]
    /// Where the list was declared.
    public var position: SourcePosition
    /// Where an official file can give the entries (`<list import=… programme=… sourceList=…>`).
    public var imports: Import?
    /// The fuzzy matcher of a party list (set by the rule-set loader and by imports), for
    /// `rl:possible-match` and `rl:screening`; nil: only exact matches.
    public var screener: AttachedScreener?

    /// An official file format and the entries of it the list takes.
    public struct Import: Sendable, Hashable {
        /// `eu-fsf`, `us-csl` or `opensanctions`.
        public var format: String
        /// Only entries of these programmes (empty: all).
        public var programmes: [String]
        /// Only entries whose list contains this text.
        public var sourceList: String?

        package init(format: String, programmes: [String], sourceList: String?) {
            (self.format, self.programmes, self.sourceList) = (format, programmes, sourceList)
        }
    }

    package init(
        id: String, kind: Kind, title: String, source: String, effective: LocalDate, entries: [Entry],
        position: SourcePosition
    ) {
        (self.id, self.kind, self.title, self.source) = (id, kind, title, source)
        (self.effective, self.entries, self.position) = (effective, entries, position)
    }

    /// The comparison key of `value` for this list's kind.
    public func key(for value: String) -> String {
        ReferenceList.key(for: value, kind: kind)
    }

    package static func key(for value: String, kind: Kind) -> String {
        switch kind {
        case .country, .code: return value.trimmingWhitespace().uppercased()
        case .party: return NameNormalizer.normalize(value)
        case .phrase: return NameNormalizer.words(value).joined(separator: " ")
        }
    }

    /// The entries in force on `date`.
    public func entries(inForceOn date: LocalDate) -> [Entry] {
        entries.filter { $0.since <= date && ($0.until.map { date <= $0 } ?? true) }
    }

    /// The first entry in force on `date` that matches `value`, if any.
    public func match(_ value: String, on date: LocalDate) -> Entry? {
        guard !entries.isEmpty else { return nil }
        return match(key: key(for: value), on: date)
    }

    /// The first entry in force on `date` whose key matches `candidate`, a value's comparison key
    /// (``key(for:)``) computed by the caller.
    func match(key candidate: String, on date: LocalDate) -> Entry? {
        guard !candidate.isEmpty else { return nil }
        let padded = kind == .phrase ? Array((" " + candidate + " ").utf8) : []
        for entry in entries where entry.since <= date && (entry.until.map { date <= $0 } ?? true) {
            switch kind {
            case .country, .party:
                if entry.key == candidate { return entry }
            case .code:
                if candidate == entry.key || candidate.hasPrefix(entry.key + ".") { return entry }
            case .phrase:
                // Whole words: the padded key occurs in the padded text (compared as UTF-8 bytes).
                if ReferenceList.contains(padded, Array((" " + entry.key + " ").utf8)) { return entry }
            }
        }
        return nil
    }

    /// Whether `needle` occurs in `haystack` (byte-wise; both are UTF-8).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        find(needle, in: haystack) != nil
    }

    /// The byte offset of the first occurrence of `needle` in `haystack` (``XPathStrings``'s
    /// linear search).
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        haystack.withUnsafeBytes { text in needle.withUnsafeBytes { XPathStrings.offset(of: $0, in: text) } }
    }
}
