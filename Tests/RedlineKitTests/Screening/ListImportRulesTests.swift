import Foundation
import RedlineTestSupport
import Testing

@testable import RedlineKit

/// The default rules' sanctions and trade-restriction lists take their entries from official
/// files (`<list import="us-csl" sourceList="Entity List">`, `<list import="eu-fsf"
/// programme="HR">`), each entry from its own date; without a file the curated entries stay.
struct ListImportRulesTests {
    static func file(_ name: String) throws -> ScreeningList {
        try ScreeningListLoader.load(path: Repository.path("Tests/Fixtures/lists/\(name)"))
    }

    static func outcome(_ ruleSet: RuleSet, exporter: String, asOf: String, rule: String) -> RuleResult.Outcome? {
        let record = Fixtures.record(id: "IMP-1", exporter: exporter)
        let report = Engine(ruleSet: ruleSet).check(
            bytes: Array(record.utf8), path: "imp.xml", options: EvaluationOptions(asOf: LocalDate(asOf)!))
        return report.results.first { $0.ruleID == rule }?.outcome
    }

    /// Intellexa Limited was added to the Entity List on 2023-07-18: the curated list does not
    /// have it, the official file does, from that day.
    @Test func anEntityListAdditionFromTheOfficialFile() throws {
        let curated = Fixtures.defaultRuleSet
        let imported = curated.importing([try Self.file("us-csl.json")])
        #expect(imported.importedLists.map(\.id) == ["us-entity-list"])
        #expect(imported.importedLists.first?.version == "16 entries, latest date 2023-07-18")
        #expect(imported.lists["us-entity-list"]?.entries.contains { $0.value == "Intellexa Limited" } == true)
        #expect(Self.outcome(curated, exporter: "Intellexa Limited", asOf: "2023-07-18", rule: "SANC-001") == .pass)
        #expect(Self.outcome(imported, exporter: "Intellexa Limited", asOf: "2023-07-17", rule: "SANC-001") == .pass)
        #expect(Self.outcome(imported, exporter: "Intellexa Limited", asOf: "2023-07-18", rule: "SANC-001") == .fail)
        // The SDN rows are not the Entity List: the source filter keeps them out.
        #expect(imported.lists["us-entity-list"]?.entries.contains { $0.value == "THALESTRIS LIMITED" } == false)
        // An entry that was lifted applies until the day before its end date.
        let lifted = imported.lists["us-entity-list"]?.entries.first {
            $0.value == "Fictional Interception Trading Ltd"
        }
        #expect(lifted?.until == LocalDate("2022-06-29"))
    }

    /// The EU human-rights regime's entries, and only them, from the EU file.
    @Test func theHumanRightsRegimeFromTheEUFile() throws {
        let imported = Fixtures.defaultRuleSet.importing([try Self.file("eu-fsf-1.1.xml")])
        let names = imported.lists["hr-sanctions"]?.entries.map(\.value) ?? []
        #expect(names.contains("Fictional Security Bureau") && names.contains("Example Petrovna DEMOVA"))
        #expect(!names.contains("Positive Group PJSC"), "UKR, not HR")
        #expect(!names.contains("The Bureau"), "weak aliases are not list entries")
        #expect(imported.importedLists.map(\.id) == ["hr-sanctions"])
    }

    /// Without a file of its format, a list keeps the rule set's own entries.
    @Test func listsWithoutAFileKeepTheirEntries() throws {
        let curated = Fixtures.defaultRuleSet
        let imported = curated.importing([try Self.file("opensanctions.ftm.jsonl")])
        #expect(imported.importedLists.isEmpty)
        #expect(imported.lists == curated.lists)
    }
}
