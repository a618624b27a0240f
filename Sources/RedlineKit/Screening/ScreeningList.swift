/// The official file formats redline imports.
public enum ScreeningListFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// EU Consolidated Financial Sanctions List, XML 1.1 (DG FISMA's "full" file).
    case euFSF = "eu-fsf"
    /// US Consolidated Screening List (trade.gov), the JSON bulk file.
    case usCSLJSON = "us-csl-json"
    /// US Consolidated Screening List, the CSV bulk file.
    case usCSLCSV = "us-csl-csv"
    /// OpenSanctions FollowTheMoney entities, JSON lines (`Sanction` entities with their targets).
    case openSanctions = "opensanctions"
    /// The party lists of a redline rule set (not a file format: what `screen` uses without files).
    case ruleSet = "rule-set"

    /// The formats of official files.
    public static let files: [ScreeningListFormat] = [.euFSF, .usCSLJSON, .usCSLCSV, .openSanctions]

    /// What the format is, for messages.
    public var title: String {
        switch self {
        case .euFSF: "EU Consolidated Financial Sanctions List (XML 1.1)"
        case .usCSLJSON: "US Consolidated Screening List (JSON)"
        case .usCSLCSV: "US Consolidated Screening List (CSV)"
        case .openSanctions: "OpenSanctions FollowTheMoney entities (JSON lines)"
        case .ruleSet: "the rule set's party lists"
        }
    }
}

/// One imported official list file: every entry with its own dates, and the file's version.
public struct ScreeningList: Sendable, Hashable {
    public var format: ScreeningListFormat
    /// The file as given.
    public var file: String
    /// The file's own version stamp (EU `generationDate` and `globalFileId`; for files without
    /// one, the latest date found in it), so that a report can say which version it used.
    public var version: String
    public var entries: [ScreeningEntry]

    public init(format: ScreeningListFormat, file: String, version: String, entries: [ScreeningEntry]) {
        (self.format, self.file, self.version, self.entries) = (format, file, version, entries)
    }

    /// The entries in force on `date`.
    public func entries(inForceOn date: LocalDate) -> [ScreeningEntry] {
        entries.filter { $0.isInForce(on: date) }
    }
}

extension ScreeningList {
    /// The party lists of a rule set (the curated entries of what the letters name), as one list
    /// to screen against when no official file is given.
    public init(ruleSet: RuleSet) {
        let entries = ruleSet.lists.values.sorted(by: { $0.id < $1.id }).filter { $0.kind == .party }
            .flatMap(ScreeningList.entries(of:))
        self.init(
            format: .ruleSet, file: ruleSet.files.first ?? "rule set",
            version: "rule set \(ruleSet.id) \(ruleSet.version)", entries: entries)
    }
}

extension ScreeningList {
    /// The entries of a rule set's list as screening entries: one per entry, named `id#n`, from
    /// its first day to the day after its last.
    static func entries(of list: ReferenceList) -> [ScreeningEntry] {
        list.entries.enumerated().map { index, entry in
            ScreeningEntry(
                source: "rule-set", id: "\(list.id)#\(index + 1)", kind: .entity,
                names: [ScreeningEntry.Name(entry.value, .strong)], list: list.title, programme: list.id,
                legalAct: list.source, start: entry.since,
                // A rule-set entry's `until` is its last day; an end is the day after.
                end: entry.until.map { LocalDate(daysSinceEpoch: $0.daysSinceEpoch + 1) }, position: entry.position)
        }
    }
}
