/// What changed between two versions of a list file: entries added, removed, delisted (an end
/// date set or moved), or otherwise changed (names, programme, act, start date). Entries are the
/// same when their source and id are.
public struct ScreeningListDiff: Sendable {
    public var added: [ScreeningEntry] = []
    public var removed: [ScreeningEntry] = []
    /// In both versions; the newer one ends the designation.
    public var delisted: [ScreeningEntry] = []
    /// In both versions, changed otherwise: old and new.
    public var changed: [(old: ScreeningEntry, new: ScreeningEntry)] = []

    public init(old: ScreeningList, new: ScreeningList) {
        func key(_ entry: ScreeningEntry) -> String { entry.source + "\u{0}" + entry.id }
        var before: [String: ScreeningEntry] = [:]
        for entry in old.entries { before[key(entry)] = entry }
        var seen = Set<String>()
        for entry in new.entries {
            let id = key(entry)
            seen.insert(id)
            guard let previous = before[id] else {
                added.append(entry)
                continue
            }
            if entry.end != previous.end, entry.end != nil {
                delisted.append(entry)
            } else if entry.names != previous.names || entry.programme != previous.programme
                || entry.legalAct != previous.legalAct || entry.start != previous.start || entry.end != previous.end
                || entry.countries != previous.countries
            {
                changed.append((previous, entry))
            }
        }
        removed = old.entries.filter { !seen.contains(key($0)) }
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && delisted.isEmpty && changed.isEmpty }
}
