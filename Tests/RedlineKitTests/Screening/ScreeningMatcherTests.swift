import Testing

@testable import RedlineKit

/// Hit, possible match or no match (issue 15): what each tier needs, on names a careful officer
/// would judge the same way.
struct ScreeningMatcherTests {
    static func entry(_ names: [ScreeningEntry.Name], id: String = "E1", country: [String] = [], start: String? = nil)
        -> ScreeningEntry
    {
        ScreeningEntry(
            source: "test", id: id, kind: .entity, names: names, countries: country, list: "Test list",
            start: start.flatMap { LocalDate($0) }, position: SourcePosition(file: "list"))
    }

    static func tier(_ query: String, _ candidate: String, strength: ScreeningEntry.Name.Strength = .strong)
        -> ScreeningTier
    {
        let index = ScreeningIndex(lists: [
            ScreeningList(
                format: .openSanctions, file: "list", version: "v", entries: [entry([.init(candidate, strength)])])
        ])
        return index.screen(query, asOf: LocalDate("2024-01-01")!).first?.tier ?? .none
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let query: String
        let candidate: String
        let tier: ScreeningTier
        var testDescription: String { "\(query) ~ \(candidate)" }
    }

    @Test(arguments: [
        // The same name after normalisation: a hit.
        Case(query: "NSO GROUP TECHNOLOGIES LIMITED", candidate: "NSO Group Technologies Ltd", tier: .hit),
        Case(query: "Intellexa S.A.", candidate: "INTELLEXA SA", tier: .hit),
        Case(query: "Cytrox Holdings Zrt.", candidate: "Cytrox Holdings ZRT", tier: .hit),
        Case(query: "Saito Tech Ltd", candidate: "Saito Tech Limited", tier: .hit),
        Case(query: "NSO Group Technologies Ltd", candidate: "NSO Group Technologies", tier: .hit),
        Case(
            query: "Computer Security Initiative Consultancy Pte Ltd",
            candidate: "Computer Security Initiative Consultancy PTE. LTD.", tier: .hit),
        Case(query: "Positive Group PJSC", candidate: "Positive Group Public Joint Stock Company", tier: .hit),
        // Cyrillic and Latin spellings of one name.
        Case(query: "PAO Gruppa Pozitiv", candidate: "ПАО Группа Позитив", tier: .hit),
        // Typos, order, other legal forms: possible, never a hit.
        Case(query: "Intelexa SA", candidate: "Intellexa S.A.", tier: .possible),
        Case(query: "Group NSO", candidate: "NSO Group", tier: .possible),
        Case(query: "Cytrox", candidate: "Cytrox AD", tier: .hit),
        Case(query: "Intellexa GmbH", candidate: "Intellexa S.A.", tier: .possible),
        Case(query: "CyberTech Solutions", candidate: "Cyber Tech Solutions", tier: .possible),
        Case(query: "Tal Dilian", candidate: "DILIAN, Tal Jonathan", tier: .possible),
        // Different organisations.
        Case(query: "11420 Corp.", candidate: "Belletech Corp", tier: .none),
        Case(query: "Systems 2000 Ltd", candidate: "Systems 3000 Ltd", tier: .none),
        Case(query: "LXC Aviation", candidate: "LAU Aviation", tier: .none),
        Case(query: "Acme Trading Ltd", candidate: "Zenith Trading Ltd", tier: .none),
        Case(query: "Group Holdings Ltd", candidate: "NSO Group Holdings", tier: .none),
    ])
    func tierOfAPair(_ pair: Case) {
        #expect(Self.tier(pair.query, pair.candidate) == pair.tier)
    }

    /// A legal form or generic word never carries a hit: "Positive Ltd" is not "Positive
    /// Technologies" (a possible match at most, for review).
    @Test func genericWordsDoNotMakeAHit() {
        #expect(Self.tier("Positive Ltd", "Positive Technologies") != .hit)
        #expect(Self.tier("Technologies Ltd", "Positive Technologies") != .hit)
        #expect(Self.tier("Group", "NSO Group") != .hit)
    }

    /// A weak alias is only ever a possible match, even when equal.
    @Test func weakAliasesAreOnlyPossibleMatches() {
        #expect(Self.tier("The Bureau", "The Bureau", strength: .weak) == .possible)
        #expect(
            Self.tier("Fictional Lawful Intercept Ltd", "Fictional Lawful Intercept Ltd", strength: .former)
                == .possible)
    }

    /// An identifier equal is a hit whatever the name; an entry is seen only while in force.
    @Test func identifiersAndDates() {
        var listed = Self.entry([.init("Positive Group PJSC", .strong)], start: "2023-06-23")
        listed.identifiers = [.init(type: "taxid", value: "9718077239")]
        let index = ScreeningIndex(lists: [ScreeningList(format: .euFSF, file: "eu", version: "v", entries: [listed])])
        let byID = index.screen("Some Other Name", identifiers: ["97 1807 7239"], asOf: LocalDate("2023-06-23")!)
        #expect(byID.first?.tier == .hit && byID.first?.byIdentifier == true)
        #expect(index.screen("Positive Group PJSC", asOf: LocalDate("2023-06-22")!).isEmpty)
        #expect(index.screen("Positive Group PJSC", asOf: LocalDate("2023-06-23")!).first?.tier == .hit)
    }

    /// A country that disagrees lowers a possible match; a hit stays a hit.
    @Test func countryQualifier() {
        let listed = Self.entry([.init("Intellexa S.A.", .strong)], country: ["GR"])
        let index = ScreeningIndex(lists: [ScreeningList(format: .euFSF, file: "eu", version: "v", entries: [listed])])
        let day = LocalDate("2024-01-01")!
        let same = index.screen("Intelexa SA", country: "GR", asOf: day).first?.score ?? 0
        let other = index.screen("Intelexa SA", country: "IE", asOf: day).first?.score ?? 0
        #expect(same - other > 0.19)
        #expect(index.screen("Intellexa SA", country: "IE", asOf: day).first?.tier == .hit)
    }

    /// The index finds candidates by words, one-letter variants and the run-together name.
    @Test func theIndexFindsTyposWithoutScanning() {
        let entries =
            (0..<2_000).map { Self.entry([.init("Company Number\($0) Ltd", .strong)], id: "E\($0)") }
            + [Self.entry([.init("Intellexa S.A.", .strong)], id: "target")]
        let index = ScreeningIndex(lists: [ScreeningList(format: .euFSF, file: "eu", version: "v", entries: entries)])
        let found = index.screen("Intelexa", asOf: LocalDate("2024-01-01")!)
        #expect(found.map(\.entry.id) == ["target"])
    }
}
