/// A rule-set list whose entries came from an official file: which file, which version.
public struct ImportedList: Sendable, Hashable, Codable {
    /// The rule set's list id.
    public var id: String
    /// The file the entries came from.
    public var file: String
    /// The file's version stamp.
    public var version: String
    /// How many list entries (names in force at some date) were taken.
    public var entries: Int

    public init(id: String, file: String, version: String, entries: Int) {
        (self.id, self.file, self.version, self.entries) = (id, file, version, entries)
    }

    /// `us-entity-list ← consolidated.json (16 entries, latest date 2023-07-18)`.
    public var description: String { "\(id) ← \(file) (\(version))" }
}
