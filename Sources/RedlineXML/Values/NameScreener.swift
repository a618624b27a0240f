/// The matcher of party names behind a reference list (redline's screening index, built from the
/// list's entries and their names of every strength): `rl:in-list` asks it for hits,
/// `rl:possible-match` for possible matches and `rl:screening` for what matched.
public protocol NameScreener: AnyObject, Sendable {
    /// The best match of `value` among the entries in force on `date`, if it is at least a
    /// possible match, and the work it took in XPath operations (about one per index lookup and
    /// eight per name scored), charged against the evaluation's operation limit.
    func screen(_ value: String, on date: LocalDate) -> (match: NameScreening?, work: Int)
}

/// What screening one name against a list found.
public struct NameScreening: Sendable, Hashable {
    /// How sure the match is.
    public enum Tier: String, Sendable, Hashable {
        /// An equal normalised name of a strong name (or an equal identifier).
        case hit
        /// A score at or above the possible-match threshold, or a weak alias or former name.
        case possible
    }

    public var tier: Tier
    /// 0…1.
    public var score: Double
    /// Which entry matched, as a finding says it: its name that matched, its id, list,
    /// programme, legal act, listing date and the file version.
    public var entry: String

    public init(tier: Tier, score: Double, entry: String) {
        (self.tier, self.score, self.entry) = (tier, score, entry)
    }
}

/// A list's screener, kept beside its entries. It is made from the entries, so two lists with the
/// same entries are equal whatever their screeners.
public struct AttachedScreener: Sendable, Hashable {
    public let screener: any NameScreener

    public init(_ screener: any NameScreener) { self.screener = screener }

    public static func == (_: AttachedScreener, _: AttachedScreener) -> Bool { true }
    public func hash(into _: inout Hasher) {}
}
