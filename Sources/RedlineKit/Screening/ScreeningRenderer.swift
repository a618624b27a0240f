/// The text of `redline lists` and `redline screen`: every value from a list file escaped for the
/// terminal (``OutputEscaping/terminal(_:)``).
public enum ScreeningRenderer {
    /// One line about the file, then the entries per list and programme.
    public static func summary(_ list: ScreeningList, asOf: LocalDate? = nil) -> String {
        var text: TerminalText = "\(list.file): \(list.format.title), \(list.version)\n"
        let entries = asOf.map { list.entries(inForceOn: $0) } ?? list.entries
        let scope = asOf.map { TerminalText(" in force on \($0)") } ?? ""
        text += "  \(entries.count) entries\(scope)"
        let kinds = Dictionary(grouping: entries, by: \.kind.rawValue).map { "\($0.value.count) \($0.key)" }.sorted()
        text += " (\(kinds.joined(separator: ", ")))\n"
        let groups = Dictionary(grouping: entries) { "\($0.list) / \($0.programme ?? "no programme")" }
        for group in groups.keys.sorted() {
            text += "  \(groups[group]!.count)\t\(group)\n"
        }
        return text.text
    }

    /// One line per entry: id, names, countries, list and programme, dates, act.
    public static func entries(_ list: ScreeningList, asOf: LocalDate? = nil) -> String {
        var text = TerminalText()
        for entry in asOf.map({ list.entries(inForceOn: $0) }) ?? list.entries {
            text += line(entry)
        }
        return text.text
    }

    static func line(_ entry: ScreeningEntry) -> TerminalText {
        let aliases = entry.names.dropFirst().map { name in
            name.strength == .strong ? name.text : "\(name.text) (\(name.strength.rawValue))"
        }
        var text: TerminalText = "\(entry.id)\t\(entry.primaryName)"
        if !aliases.isEmpty { text += " [aka \(aliases.joined(separator: "; "))]" }
        text += "\t\(entry.countries.joined(separator: ","))\t\(entry.list)"
        if let programme = entry.programme { text += " / \(programme)" }
        text += "\t\(entry.start?.description ?? "…")–\(entry.end?.description ?? "")"
        if let act = entry.legalAct { text += "\t\(act)" }
        return text + "\n"
    }

    /// Who was added, removed, delisted or changed.
    public static func diff(_ diff: ScreeningListDiff, old: ScreeningList, new: ScreeningList) -> String {
        var text: TerminalText = "\(old.file) (\(old.version)) → \(new.file) (\(new.version))\n"
        text += "  \(diff.added.count) added, \(diff.removed.count) removed, \(diff.delisted.count) delisted, "
        text += "\(diff.changed.count) changed\n"
        for entry in diff.added { text += "+ " + line(entry) }
        for entry in diff.removed { text += "- " + line(entry) }
        for entry in diff.delisted { text += "delisted on \(entry.end?.description ?? "?"): " + line(entry) }
        for change in diff.changed { text += "~ " + line(change.old) + "  → " + line(change.new) }
        return text.text
    }

    /// The matches of one name: tier, score, which name matched which entry, with the entry's
    /// list, file version, programme, act and listing date.
    public static func matches(_ matches: [ScreeningMatch], query: String, asOf: LocalDate) -> String {
        var text: TerminalText = "\(query): "
        guard !matches.isEmpty else { return (text + "no match on the lists in force on \(asOf)\n").text }
        let hits = matches.filter { $0.tier == .hit }.count
        text += "\(hits) hit(s), \(matches.count - hits) possible match(es) as of \(asOf)\n"
        for match in matches {
            let entry = match.entry
            let tier = match.tier == .hit ? "HIT" : "possible"
            let score = (match.score * 100).rounded() / 100
            text += "  \(tier) \(score)  \"\(match.query)\" ~ \"\(match.matchedName)\""
            if match.strength != .strong { text += " (\(match.strength.rawValue) alias)" }
            if match.byIdentifier { text += " (identifier)" }
            text += "\n    entry \(entry.id) \(entry.primaryName) — \(entry.list)"
            if let programme = entry.programme { text += " / \(programme)" }
            text += ", listed from \(entry.start?.description ?? "an unknown date")"
            if let end = entry.end { text += " until \(end)" }
            text += "\n"
            if let act = entry.legalAct { text += "    act: \(act)\n" }
            text += "    file: \(entry.position.file) (\(match.version))"
            if let locator = entry.locator {
                text += ", \(locator)"
            } else if entry.position.line > 0 {
                text += ", line \(entry.position.line)"
            }
            text += "\n"
        }
        return text.text
    }

    /// One line per match of many names: name, tier, score, entry id, matched name, list.
    public static func batch(_ results: [(query: String, matches: [ScreeningMatch])]) -> String {
        var text = TerminalText()
        for (query, matches) in results {
            for match in matches {
                let score = (match.score * 100).rounded() / 100
                text += "\(query)\t\(match.tier.rawValue)\t\(score)\t\(match.entry.id)\t\(match.matchedName)\t"
                text += "\(match.entry.list)\n"
            }
        }
        return text.text
    }
}
