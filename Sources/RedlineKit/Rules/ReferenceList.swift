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

    /// The comparison key of `value` for this list's kind.
    public func key(for value: String) -> String {
        ReferenceList.key(for: value, kind: kind)
    }

    static func key(for value: String, kind: Kind) -> String {
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
        let candidate = key(for: value)
        guard !candidate.isEmpty else { return nil }
        for entry in entries(inForceOn: date) {
            switch kind {
            case .country, .party:
                if entry.key == candidate { return entry }
            case .code:
                if candidate == entry.key || candidate.hasPrefix(entry.key + ".") { return entry }
            case .phrase:
                if (" " + candidate + " ").contains(" " + entry.key + " ") { return entry }
            }
        }
        return nil
    }
}
