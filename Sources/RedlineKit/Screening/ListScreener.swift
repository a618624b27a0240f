import RedlineXML

/// The fuzzy matcher behind one party list of a rule set: a ``ScreeningIndex`` of the list's
/// entries (the curated ones written in the rule set, or those imported from an official file),
/// answering `rl:possible-match` and `rl:screening`.
final class ListScreener: NameScreener {
    let index: ScreeningIndex

    init(_ lists: [ScreeningList]) {
        index = ScreeningIndex(lists: lists)
    }

    func screen(_ value: String, on date: LocalDate) -> (match: NameScreening?, work: Int) {
        var scored = 0
        let matches = index.screen(value, asOf: date, scored: &scored)
        let work = 1 + value.utf8.count >> 4 + scored * 8
        guard let match = matches.first else { return (nil, work) }
        let screening = NameScreening(
            tier: match.tier == .hit ? .hit : .possible, score: match.score, entry: Self.describe(match))
        return (screening, work)
    }

    /// `"NSO GROUP" (weak alias) of entry 1234 NSO Group Technologies Ltd. — Entity List /
    /// US-BIS-EL, 86 FR 60759, listed from 2021-11-04; lists/consolidated.json (16 entries, latest
    /// date 2023-07-18)`.
    static func describe(_ match: ScreeningMatch) -> String {
        let entry = match.entry
        var text = "\"\(match.matchedName)\""
        if match.byIdentifier {
            text += " (identifier)"
        } else if match.strength != .strong {
            text += " (\(match.strength.rawValue) \(match.strength == .former ? "name" : "alias"))"
        }
        text += " of entry \(entry.id)"
        if entry.primaryName != match.matchedName { text += " \(entry.primaryName)" }
        if entry.source == ScreeningListFormat.ruleSet.rawValue {
            text += " — list \(entry.programme ?? entry.list)"
        } else {
            text += " — \(entry.list)"
            if let programme = entry.programme, programme != entry.list { text += " / \(programme)" }
        }
        // A rule set's own entry: its list and where it is written (its source is the list's).
        if entry.source == ScreeningListFormat.ruleSet.rawValue {
            text += " (\(entry.position.file):\(entry.position.line))"
        } else if let act = entry.legalAct {
            text += ", \(act)"
        }
        text += ", listed from \(entry.start?.description ?? "an unknown date")"
        if let end = entry.end { text += " until \(end)" }
        // The file and its version stamp (a rule set's own entry: the rule set's version).
        if entry.source == ScreeningListFormat.ruleSet.rawValue { return text + "; \(match.version)" }
        return text + "; \(entry.position.file) (\(match.version))"
    }
}

extension ReferenceList {
    /// The list with a screener over `list`'s entries (a party list only; other kinds are
    /// compared exactly).
    func screened(by lists: [ScreeningList]) -> ReferenceList {
        guard kind == .party else { return self }
        var result = self
        result.screener = AttachedScreener(ListScreener(lists))
        return result
    }

    /// The list with a screener over its own entries (a party list only).
    package func screened(version: String) -> ReferenceList {
        guard kind == .party else { return self }
        let list = ScreeningList(
            format: .ruleSet, file: position.file, version: version, entries: ScreeningList.entries(of: self))
        return screened(by: [list])
    }
}
