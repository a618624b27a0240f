/// What screening one name found: which name of which entry, how close, and how sure.
public struct ScreeningMatch: Sendable, Hashable {
    /// The record's name (or identifier) that was screened.
    public var query: String
    public var entry: ScreeningEntry
    /// The entry's name that matched (or the identifier).
    public var matchedName: String
    public var strength: ScreeningEntry.Name.Strength
    /// 0…1 (1 for an equal key or identifier).
    public var score: Double
    public var tier: ScreeningTier
    /// Whether an identifier, not a name, matched.
    public var byIdentifier: Bool
    /// The version of the file the entry is from (``ScreeningList/version``).
    public var version: String
}

/// The entries of one or more lists, indexed by their names' tokens so that screening a name
/// scores only the entries that share a word (or a word one letter away, or the run-together
/// name) with it, never every entry.
public final class ScreeningIndex: Sendable {
    public let lists: [ScreeningList]
    private let entries: [ScreeningEntry]
    /// The version of each entry's file.
    private let versions: [String]
    /// Every name of every entry, prepared.
    private let names: [(entry: Int, name: ScreeningName, strength: ScreeningEntry.Name.Strength)]
    /// Token (or deletion variant) → indices into `names`.
    private let postings: [UInt64: [Int32]]
    /// Normalised identifier → entries.
    private let identifiers: [String: [Int]]

    public init(lists: [ScreeningList]) {
        self.lists = lists
        let entries = lists.flatMap(\.entries)
        versions = lists.flatMap { list in list.entries.map { _ in list.version } }
        var names: [(entry: Int, name: ScreeningName, strength: ScreeningEntry.Name.Strength)] = []
        var postings: [UInt64: [Int32]] = [:]
        var identifiers: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            for name in entry.names {
                let prepared = ScreeningName(name.text)
                let slot = names.count
                names.append((index, prepared, name.strength))
                for key in Set(Self.keys(of: prepared)) { postings[key, default: []].append(Int32(slot)) }
            }
            for identifier in entry.identifiers {
                let key = Self.identifierKey(identifier.value)
                if !key.isEmpty { identifiers[key, default: []].append(index) }
            }
        }
        self.entries = entries
        self.names = names
        self.postings = postings
        self.identifiers = identifiers
    }

    /// Identifiers compared without case, spaces, dots and dashes.
    static func identifierKey(_ value: String) -> String {
        String(value.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }

    /// The index keys of a name: its distinctive words (generic words and numbers when it has no
    /// distinctive word), each with its one-letter deletions when long enough for a typo, its
    /// run-together form, the initials of its words and each short word as possible initials.
    /// Each key is a 64-bit hash of a kind and letters (a collision only adds a candidate, which
    /// the score then rejects). A query's words also look for the entries' deletions equal to them.
    static func keys(of name: ScreeningName, query: Bool = false) -> [UInt64] {
        var words = name.tokens.filter { $0.kind == .word }
        if words.isEmpty { words = name.tokens.filter { $0.kind != .legalForm } }
        var keys: [UInt64] = []
        keys.reserveCapacity(words.count * 8 + 4)
        for word in words {
            let scalars = word.scalars
            keys.append(Key.word.hash(scalars))
            // Typos in words of five letters or more (shorter ones share too many deletions).
            if scalars.count >= 5 {
                for skip in scalars.indices { keys.append(Key.near.hash(scalars, skipping: skip)) }
            }
            if scalars.count >= 5 || query { keys.append(Key.near.hash(scalars)) }
        }
        if !name.joined.isEmpty { keys.append(Key.joined.hash(name.joinedScalars)) }
        // Initialisms: a short word of one name against the initials of the other's words, never
        // initials against initials (two names of two words would share them by the hundred).
        let spelt = name.tokens.filter { $0.spelt }
        let (initialsKey, shortKey) = query ? (Key.shortWord, Key.initials) : (Key.initials, Key.shortWord)
        if (2...5).contains(spelt.count) { keys.append(initialsKey.hash(spelt.compactMap { $0.scalars.first })) }
        for token in spelt where (2...5).contains(token.text.count) { keys.append(shortKey.hash(token.scalars)) }
        return keys
    }

    /// What an index key stands for.
    enum Key: UInt64 {
        /// A word as written.
        case word = 1
        /// A word with one letter left out, or a whole word that may be such a deletion.
        case near
        /// The name's words run together.
        case joined
        /// The initials of a name's words.
        case initials
        /// A short word that may be initials.
        case shortWord

        /// FNV-1a over the kind and the letters (`skipping` one of them).
        func hash(_ scalars: [Unicode.Scalar], skipping: Int = -1) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ rawValue
            for (index, scalar) in scalars.enumerated() where index != skipping {
                hash = (hash ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01B3
            }
            return hash
        }
    }

    /// Every entry in force on `asOf` that `name` (or one of `identifiers`) matches, best first:
    /// hits, then possible matches by score; one match per entry (its best name). `country`, when
    /// given, lowers the score of an entry listed only with other countries by 0.2.
    public func screen(_ name: String, identifiers: [String] = [], country: String? = nil, asOf: LocalDate)
        -> [ScreeningMatch]
    {
        var scored = 0
        return screen(name, identifiers: identifiers, country: country, asOf: asOf, scored: &scored)
    }

    /// ``screen(_:identifiers:country:asOf:)``, counting in `scored` the listed names it scored.
    func screen(
        _ name: String, identifiers: [String] = [], country: String? = nil, asOf: LocalDate, scored: inout Int
    ) -> [ScreeningMatch] {
        var best: [Int: ScreeningMatch] = [:]
        func offer(_ index: Int, _ match: ScreeningMatch) {
            if let known = best[index], (known.tier, known.score) >= (match.tier, match.score) { return }
            best[index] = match
        }
        for identifier in identifiers {
            for index in self.identifiers[Self.identifierKey(identifier)] ?? [] where entries[index].isInForce(on: asOf)
            {
                offer(
                    index,
                    ScreeningMatch(
                        query: identifier, entry: entries[index], matchedName: identifier, strength: .strong, score: 1,
                        tier: .hit, byIdentifier: true, version: versions[index]))
            }
        }
        let query = ScreeningName(name)
        var candidates = Set<Int>()
        for key in Self.keys(of: query, query: true) {
            for slot in postings[key] ?? [] { candidates.insert(Int(slot)) }
        }
        scored += candidates.count
        // Read in place: a name and an entry are large values, copied only into a match.
        names.withUnsafeBufferPointer { names in
            entries.withUnsafeBufferPointer { entries in
                for slot in candidates.sorted() {
                    let index = names[slot].entry
                    guard entries[index].isInForce(on: asOf) else { continue }
                    let exact = query.isSame(as: names[slot].name)
                    var score = exact ? 1 : ScreeningMatcher.score(query, names[slot].name)
                    if !exact, let country, !entries[index].countries.isEmpty,
                        !entries[index].countries.contains(country.uppercased())
                    {
                        score -= 0.2
                    }
                    let strength = names[slot].strength
                    let tier = ScreeningMatcher.tier(score: score, exact: exact, strength: strength)
                    guard tier != .none else { continue }
                    offer(
                        index,
                        ScreeningMatch(
                            query: name, entry: entries[index], matchedName: names[slot].name.original,
                            strength: strength, score: score, tier: tier, byIdentifier: false,
                            version: versions[index]))
                }
            }
        }
        return best.values.sorted { a, b in
            if a.tier != b.tier { return a.tier > b.tier }
            if a.score != b.score { return a.score > b.score }
            return (a.entry.source, a.entry.id) < (b.entry.source, b.entry.id)
        }
    }
}

extension ScreeningIndex {
    /// One name to screen, with what else is known of the party.
    public struct Query: Sendable, Hashable {
        public var name: String
        public var identifiers: [String]
        public var country: String?

        public init(name: String, identifiers: [String] = [], country: String? = nil) {
            (self.name, self.identifiers, self.country) = (name, identifiers, country)
        }
    }

    /// Screens many names on up to `jobs` threads; the results in the order of `queries`. Each
    /// distinct query is screened once (the parties of many records repeat).
    public func screen(_ queries: [Query], asOf: LocalDate, jobs: Int) -> [[ScreeningMatch]] {
        var distinct: [Query] = []
        var slot: [Query: Int] = [:]
        let slots = queries.map { query in
            if let known = slot[query] { return known }
            slot[query] = distinct.count
            distinct.append(query)
            return distinct.count - 1
        }
        let unique = distinct
        let results = parallelMap(unique.count, jobs: jobs) { (index: Int) -> [ScreeningMatch] in
            let query = unique[index]
            return self.screen(query.name, identifiers: query.identifiers, country: query.country, asOf: asOf)
        }
        return slots.map { results[$0] }
    }
}
