extension RuleSet {
    /// The rule set with the entries of every list that names an import format (`<list
    /// import="us-csl" sourceList="Entity List">`) taken from the official files of that format in
    /// `lists`, filtered by its programmes and source list: every strong name of every entry, from
    /// the entry's start to the day before its end. A list whose format no file has keeps the
    /// entries written in the rule set. ``importedLists`` says what came from where. Each list's
    /// screener (possible matches) indexes the same entries with all their names and dates.
    public func importing(_ lists: [ScreeningList]) -> RuleSet {
        var result = self
        for (id, list) in self.lists.sorted(by: { $0.key < $1.key }) {
            guard let spec = list.imports else { continue }
            let files = lists.filter { file in
                switch spec.format {
                case "us-csl": file.format == .usCSLJSON || file.format == .usCSLCSV
                default: file.format.rawValue == spec.format
                }
            }
            guard !files.isEmpty else { continue }
            var entries: [ReferenceList.Entry] = []
            var screened: [ScreeningList] = []
            for file in files {
                var taken = 0
                var kept = file
                kept.entries = []
                for var entry in file.entries {
                    if !spec.programmes.isEmpty, !spec.programmes.contains(entry.programme ?? "") { continue }
                    if let source = spec.sourceList, !entry.list.localizedCaseInsensitiveContains(source) { continue }
                    let since = entry.start ?? list.effective
                    let until = entry.end.map { LocalDate(daysSinceEpoch: $0.daysSinceEpoch - 1) }
                    if let until, until < since { continue }
                    entry.start = since
                    kept.entries.append(entry)
                    for name in entry.names where name.strength == .strong {
                        entries.append(
                            ReferenceList.Entry(
                                value: name.text, kind: list.kind, since: since, until: until, position: entry.position)
                        )
                        taken += 1
                    }
                }
                result.importedLists.append(
                    ImportedList(id: id, file: file.file, version: file.version, entries: taken))
                screened.append(kept)
            }
            result.lists[id]?.entries = entries
            result.lists[id] = result.lists[id]?.screened(by: screened)
        }
        return result
    }
}
