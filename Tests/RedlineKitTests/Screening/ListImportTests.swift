import Foundation
import RedlineTestSupport
import Testing

@testable import RedlineKit

/// The official list formats are read as published (Tests/Fixtures/lists/README.md says what
/// each fixture holds): every entry with its own dates, programme, act, names with their
/// strength and the file's version; a broken file is refused whole, with where it breaks.
struct ListImportTests {
    static func path(_ name: String) -> String { Repository.path("Tests/Fixtures/lists/\(name)") }
    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    static func load(_ name: String, _ format: ScreeningListFormat? = nil) throws -> ScreeningList {
        try ScreeningListLoader.load(path: path(name), format: format)
    }

    @Test func euFinancialSanctionsFile() throws {
        let list = try Self.load("eu-fsf-1.1.xml")
        #expect(list.format == .euFSF)
        #expect(list.version == "generationDate 2026-05-29T09:15:42.000+02:00, globalFileId PLACEHOLDER-171")
        #expect(list.entries.count == 5)
        let positive = try #require(list.entries.first { $0.primaryName == "Positive Group PJSC" })
        #expect(positive.names.map(\.text) == ["Positive Group PJSC", "Positive technologies", "ПАО Группа Позитив"])
        #expect(positive.names.allSatisfy { $0.strength == .strong })
        #expect(positive.identifiers.contains { $0.value == "9718077239" })
        #expect(positive.countries == ["RU"] && positive.programme == "UKR" && positive.kind == .entity)
        #expect(positive.reference == "EU.PLACEHOLDER.11" && positive.id == "990011")
        #expect(!positive.isInForce(on: Self.date("2023-06-22")) && positive.isInForce(on: Self.date("2023-06-23")))
        // The earlier of designationDate and the acts' entry into force (an amendment is later).
        let bureau = try #require(list.entries.first { $0.primaryName == "Fictional Security Bureau" })
        #expect(bureau.start == Self.date("2021-03-02") && bureau.programme == "HR" && bureau.countries.isEmpty)
        #expect(bureau.names.first { $0.text == "The Bureau" }?.strength == .weak)
        let group = try #require(list.entries.first { $0.primaryName == "Fictional Intrusion Group LLC" })
        #expect(group.start == Self.date("2024-06-25") && group.programme == "CYB")
        #expect(list.entries.filter { $0.programme == "HR" }.count == 3)
        let person = try #require(list.entries.first { $0.primaryName == "Example Petrovna DEMOVA" })
        #expect(person.kind == .person && person.countries == ["BY"])
    }

    /// The JSON and CSV bulk files of the CSL give the same entries.
    @Test func consolidatedScreeningListInBothShapes() throws {
        let json = try Self.load("us-csl.json")
        let csv = try Self.load("us-csl.csv")
        #expect(json.format == .usCSLJSON && csv.format == .usCSLCSV)
        #expect(json.entries.count == 16 && csv.entries.count == 16)
        for (a, b) in zip(json.entries, csv.entries) {
            #expect(a.id == b.id && a.names == b.names && a.countries == b.countries, "\(a.id)")
            #expect(a.start == b.start && a.end == b.end && a.list == b.list && a.programme == b.programme, "\(a.id)")
            #expect(a.legalAct == b.legalAct && a.kind == b.kind && a.identifiers == b.identifiers, "\(a.id)")
        }
        let nso = try #require(json.entries.first { $0.primaryName == "NSO Group" })
        #expect(nso.names.map(\.text) == ["NSO Group", "NSO Group Technologies Ltd"])
        #expect(nso.countries == ["IL"] && nso.programme == "EL")
        #expect(nso.list == "Entity List (EL) - Bureau of Industry and Security")
        #expect(nso.legalAct?.contains("For all items subject to the EAR. (See §744.11 of the EAR)") == true)
        #expect(!nso.isInForce(on: Self.date("2021-11-03")) && nso.isInForce(on: Self.date("2021-11-04")))
        #expect(nso.locator == "/results/0")
        #expect(csv.entries[0].locator == "row 2" && csv.entries[0].position.line == 2)
        // An end date is the first day the entry no longer applies.
        let lifted = try #require(json.entries.first { $0.primaryName.hasPrefix("Fictional Interception Trading") })
        #expect(lifted.isInForce(on: Self.date("2022-06-29")) && !lifted.isInForce(on: Self.date("2022-06-30")))
        // Treasury rows carry no dates: the start stays unknown.
        let sdn = json.entries.filter { $0.list.hasPrefix("Specially Designated Nationals") }
        #expect(sdn.count == 7 && sdn.allSatisfy { $0.start == nil && $0.programme == "CYBER-PLACEHOLDER" })
        let dilian = try #require(sdn.first { $0.primaryName == "DILIAN, Tal Jonathan" })
        #expect(dilian.kind == .person && dilian.identifiers.isEmpty, "a gender is no identifier")
    }

    @Test func openSanctionsEntities() throws {
        let list = try Self.load("opensanctions.ftm.jsonl")
        #expect(list.format == .openSanctions)
        #expect(list.entries.count == 20, "one per Sanction")
        let positive = list.entries.filter { $0.primaryName == "Positive Group PJSC" }
        #expect(Set(positive.map(\.programme)) == ["US-BIS-EL", "EU-UKR"])
        let ukr = try #require(positive.first { $0.programme == "EU-UKR" })
        #expect(ukr.start == Self.date("2023-06-23") && ukr.countries == ["RU"])
        #expect(ukr.names.contains { $0.text == "ПАО Группа Позитив" && $0.strength == .strong })
        let fit = try #require(list.entries.first { $0.primaryName == "Fictional Interception Trading Ltd" })
        #expect(fit.end == Self.date("2022-06-30") && !fit.isInForce(on: Self.date("2022-06-30")))
        #expect(fit.names.contains { $0.text == "Fictional Lawful Intercept Ltd" && $0.strength == .former })
        #expect(fit.identifiers.contains { $0.type == "leiCode" })
        let bureau = try #require(list.entries.first { $0.primaryName == "Fictional Security Bureau" })
        #expect(bureau.names.contains { $0.text == "The Bureau" && $0.strength == .weak })
        let dilian = try #require(list.entries.first { $0.primaryName.contains("Dilian") })
        #expect(dilian.kind == .person && dilian.countries == ["IL"] && dilian.start == Self.date("2024-03-05"))
    }

    struct Broken: Sendable, CustomTestStringConvertible {
        let file: String
        let format: ScreeningListFormat
        let code: RedlineError.Code
        let line: Int
        let message: String
        var testDescription: String { file }
    }

    static let broken: [Broken] = [
        Broken(
            file: "eu-fsf-truncated.xml", format: .euFSF, code: .malformed, line: 29,
            message: "Couldn't find end of Start Tag nameAlias"),
        Broken(
            file: "eu-fsf-wrong-root.xml", format: .euFSF, code: .malformed, line: 2,
            message: "expected the EU FSF XML root <export"),
        Broken(file: "eu-fsf-doctype.xml", format: .euFSF, code: .hostile, line: 2, message: "DOCTYPE"),
        Broken(
            file: "eu-fsf-bad-date.xml", format: .euFSF, code: .malformed, line: 21,
            message: "designationDate=\"2021-13-40\"> is not a date"),
        Broken(file: "eu-fsf-no-name.xml", format: .euFSF, code: .malformed, line: 21, message: "has no name"),
        Broken(file: "us-csl-truncated.json", format: .usCSLJSON, code: .malformed, line: 4, message: "not valid JSON"),
        Broken(
            file: "us-csl-not-an-array.json", format: .usCSLJSON, code: .malformed, line: 2,
            message: "/results: \"results\" is an object, not an array"),
        Broken(
            file: "us-csl-bad-date.json", format: .usCSLJSON, code: .malformed, line: 5,
            message: "/results/3/start_date: \"11/04/2021\" is not a date"),
        Broken(
            file: "us-csl-wrong-columns.csv", format: .usCSLCSV, code: .malformed, line: 1,
            message: "the CSV header has no column 'name'"),
        Broken(
            file: "us-csl-ragged.csv", format: .usCSLCSV, code: .malformed, line: 4,
            message: "CSV row 4 has 27 fields, the header has 29"),
        Broken(
            file: "us-csl-unterminated-quote.csv", format: .usCSLCSV, code: .malformed, line: 3,
            message: "CSV row 3: a quoted field is not closed"),
        Broken(
            file: "opensanctions-bad-line.jsonl", format: .openSanctions, code: .malformed, line: 3,
            message: "not valid JSON"),
        Broken(
            file: "opensanctions-dangling-sanction.jsonl", format: .openSanctions, code: .malformed, line: 5,
            message: "points at entity trade-csl-placeholder-el-0099, which is not in the file"),
    ]

    /// Nothing of a broken file is used: the whole file is an error at its place.
    @Test(arguments: broken)
    func brokenFilesAreRefusedWhereTheyBreak(_ broken: Broken) throws {
        let path = Self.path("broken/\(broken.file)")
        #expect {
            _ = try ScreeningListLoader.load(path: path, format: broken.format)
        } throws: { error in
            guard let error = error as? RedlineError else { return false }
            return error.code == broken.code && error.position.file == path && error.position.line == broken.line
                && error.message.contains(broken.message) && error.suggestion != nil
        }
        // The DOCTYPE's entities are never read: the canary text reaches no message.
        if broken.file == "eu-fsf-doctype.xml" {
            do {
                _ = try ScreeningListLoader.load(path: path, format: .euFSF)
            } catch {
                let text = "\(error.message) \(error.suggestion ?? "")"
                #expect(!text.contains("REDLINE-CANARY"), "an entity was read: \(text)")
            }
        }
    }

    /// The format is recognised from the file's first bytes.
    @Test(arguments: [
        ("eu-fsf-1.1.xml", ScreeningListFormat.euFSF), ("us-csl.json", .usCSLJSON), ("us-csl.csv", .usCSLCSV),
        ("opensanctions.ftm.jsonl", .openSanctions),
    ])
    func formatsAreRecognised(_ file: String, _ format: ScreeningListFormat) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.path(file))))
        #expect(ScreeningListLoader.detect(bytes, path: file) == format)
    }

    /// `lists diff`: who was added, removed and delisted between two versions.
    @Test func diffOfTwoVersions() throws {
        let new = try Self.load("us-csl.json")
        var old = new
        old.entries.removeAll { $0.primaryName == "Cytrox AD" }
        let lifted = try #require(old.entries.firstIndex { $0.primaryName.hasPrefix("Fictional Interception") })
        old.entries[lifted].end = nil
        old.entries.append(
            ScreeningEntry(
                source: "us-csl-json", id: "gone", kind: .entity, names: [.init("Gone Ltd", .strong)], list: "EL",
                position: SourcePosition(file: "old.json")))
        let diff = ScreeningListDiff(old: old, new: new)
        #expect(diff.added.map(\.primaryName) == ["Cytrox AD"])
        #expect(diff.removed.map(\.primaryName) == ["Gone Ltd"])
        #expect(diff.delisted.map(\.primaryName) == ["Fictional Interception Trading Ltd"])
        #expect(diff.changed.isEmpty)
    }
}
