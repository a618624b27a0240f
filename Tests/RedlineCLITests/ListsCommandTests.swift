import Foundation
import RedlineTestSupport
import Testing

/// `redline lists import|show|diff` and `redline screen` on the official-format fixtures
/// (Tests/Fixtures/lists/README.md).
struct ListsCommandTests {
    static let lists = "Tests/Fixtures/lists"

    @Test func importSummarisesTheFile() throws {
        let result = try CLIRunner.run(["lists", "import", "eu-fsf", "\(Self.lists)/eu-fsf-1.1.xml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("generationDate 2026-05-29T09:15:42.000+02:00, globalFileId PLACEHOLDER-171"))
        #expect(result.stdout.contains("5 entries (2 person, 3 entity)"))
        #expect(result.stdout.contains("3\tEU / HR"))
        let json = try CLIRunner.run(["lists", "import", "us-csl-json", "\(Self.lists)/us-csl.json", "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 16)
        #expect(entries.first?["start"] as? String == "2021-11-04")
    }

    /// An entry is shown from its own start date: NSO Group's Entity List entry from 2021-11-04.
    @Test func showSeesTheEntriesInForceThatDay() throws {
        let before = try CLIRunner.run(["lists", "show", "\(Self.lists)/us-csl.csv", "--as-of", "2021-11-03"])
        let after = try CLIRunner.run(["lists", "show", "\(Self.lists)/us-csl.csv", "--as-of", "2021-11-04"])
        #expect(before.status == 0 && after.status == 0)
        #expect(
            !before.stdout.contains("\tNSO Group")
                && after.stdout.contains("\tNSO Group [aka NSO Group Technologies Ltd]"))
        #expect(before.stdout.contains("Fictional Interception Trading Ltd"), "in force until 2022-06-29")
    }

    @Test func diffNamesWhoWasAddedAndRemoved() throws {
        let folder = try TemporaryFolder.make("redline-lists-diff")
        let text = try String(
            contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("\(Self.lists)/us-csl.json"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The older file lacks the Cytrox AD row (line 8) and has no end date on row 10.
        let older = lines.enumerated().filter { $0.offset != 7 }.map { element in
            element.offset == 9
                ? element.element.replacingOccurrences(of: "\"2022-06-30\"", with: "null") : element.element
        }
        try older.joined(separator: "\n").write(
            to: folder.appendingPathComponent("old.json"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run([
            "lists", "diff", folder.appendingPathComponent("old.json").path, "\(Self.lists)/us-csl.json",
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("1 added, 0 removed, 1 delisted, 0 changed"), "\(result.stdout)")
        #expect(result.stdout.contains("+ PLACEHOLDER-el-0007\tCytrox AD"))
        #expect(result.stdout.contains("delisted on 2022-06-30: PLACEHOLDER-el-0009"))
        let same = try CLIRunner.run(["lists", "diff", "\(Self.lists)/us-csl.json", "\(Self.lists)/us-csl.json"])
        #expect(same.status == 0)
    }

    @Test func aBrokenFileIsAnInputErrorAtItsPlace() throws {
        let result = try CLIRunner.run(["lists", "show", "\(Self.lists)/broken/us-csl-ragged.csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(Self.lists)/broken/us-csl-ragged.csv:4: error: CSV row 4 has 27 fields"))
    }

    @Test func screenGivesTheTierAndWhatMatched() throws {
        let hit = try CLIRunner.run([
            "screen", "NSO Group Technologies Ltd", "--lists", Self.lists, "--as-of", "2021-11-04",
        ])
        #expect(hit.status == 1, "\(hit.stderr)")
        #expect(hit.stdout.contains("HIT 1.0  \"NSO Group Technologies Ltd\" ~ \"NSO Group Technologies Ltd\""))
        #expect(hit.stdout.contains("Entity List (EL) - Bureau of Industry and Security / EL, listed from 2021-11-04"))
        #expect(hit.stdout.contains("(16 entries, latest date 2023-07-18), /results/0"))
        let early = try CLIRunner.run(["screen", "NSO Group", "--lists", Self.lists, "--as-of", "2021-11-03"])
        #expect(early.stdout == "NSO Group: no match on the lists in force on 2021-11-03\n", "\(early.stdout)")
        let possible = try CLIRunner.run(["screen", "Intelexa SA", "--lists", Self.lists, "--as-of", "2024-01-01"])
        #expect(
            possible.status == 1 && possible.stdout.contains("0 hit(s)") && possible.stdout.contains("possible 0.91"))
        let none = try CLIRunner.run(["screen", "Acme Widgets GmbH", "--lists", Self.lists, "--as-of", "2024-01-01"])
        #expect(none.status == 0 && none.stdout.contains("no match on the lists in force on 2024-01-01"))
    }

    /// A name with terminal escapes and a forged CI command is printed inert.
    @Test func screenedNamesAreEscaped() throws {
        let result = try CLIRunner.run([
            "screen", "NSO\u{1B}[31m Group\n::error::x", "--lists", Self.lists, "--as-of", "2024-01-01",
        ])
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stdout.contains("\n::error::"))
        // Shown, escaped, rather than left out.
        #expect(result.stdout.hasPrefix(#"NSO\u{1B}[31m Group\n::error::x: no match"#), "\(result.stdout)")
    }

    @Test func screenManyNames() throws {
        let file = try TemporaryFolder.file(
            "NSO Group Technologies Ltd\nAcme Widgets GmbH\nIntelexa SA\n", name: "names.txt")
        let result = try CLIRunner.run([
            "screen", "--names", file, "--lists", Self.lists, "--as-of", "2024-01-01", "--jobs", "2",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("3 names, 1 with a hit, 1 with a possible match only"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("NSO Group Technologies Ltd\thit\t1.0\t") == true)
        #expect(!lines.contains { $0.hasPrefix("Acme") })
    }
}

/// Every report of an audit with `--lists` says which list came from which file and version.
struct ImportedListReportTests {
    @Test func everyReportNamesTheImportedLists() throws {
        let folder = try TemporaryFolder.make("redline-lists-reports")
        let lists = folder.appendingPathComponent("lists")
        try FileManager.default.createDirectory(at: lists, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/lists/us-csl.json"),
            to: lists.appendingPathComponent("us-csl.json"))
        let out = folder.path
        let result = try CLIRunner.run([
            "audit", "examples/records", "--as-of", "2024-04-01", "--lists", lists.path, "--report", "text",
            "--report", "json=\(out)/r.json", "--report", "sarif=\(out)/r.sarif", "--report", "junit=\(out)/r.xml",
            "--report", "markdown=\(out)/r.md",
        ])
        #expect(result.status == 1, "\(result.stderr)")
        let line = "us-entity-list ← \(lists.path)/us-csl.json (16 entries, latest date 2023-07-18)"
        #expect(result.stdout.contains("  list \(line)\n"))
        for file in ["r.json", "r.sarif", "r.xml", "r.md"] {
            let text = try String(contentsOfFile: "\(out)/\(file)", encoding: .utf8)
            #expect(text.contains("us-csl.json") && text.contains("16 entries, latest date 2023-07-18"), "\(file)")
        }
        let plain = try CLIRunner.run(["audit", "examples/records", "--as-of", "2024-04-01"])
        #expect(!plain.stdout.contains("  list "), "without --lists nothing is said")
    }
}
