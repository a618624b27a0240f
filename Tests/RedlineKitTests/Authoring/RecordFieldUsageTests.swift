import RedlineKit
import Testing

/// Which rules read which record fields (RecordFieldUsage), from the rules' paths.
struct RecordFieldUsageTests {
    static let usage = RecordFieldUsage(schema: .record, ruleSet: Fixtures.defaultRuleSet)

    @Test func aPathIsFollowedThroughTheSchemaNotMatchedByName() {
        // SANC-001 screens the exporter's and the parties' names, not an event's subject.
        #expect(Self.usage.rules(reading: "licenceRecord/exporter/name").contains("SANC-001"))
        #expect(Self.usage.rules(reading: "licenceRecord/exporter/group/member/alias").contains("SANC-001"))
        #expect(Self.usage.rules(reading: "licenceRecord/items/item/service/@forProductOf").contains("SANC-001"))
        #expect(!Self.usage.rules(reading: "licenceRecord/events/event/subject").contains("SANC-001"))
        // RECORD-001 reads the lifecycle's kind and the parties' roles.
        #expect(Self.usage.rules(reading: "licenceRecord/lifecycle/@kind").contains("RECORD-001"))
        #expect(Self.usage.rules(reading: "licenceRecord/parties/party/@role").contains("RECORD-001"))
    }

    @Test func predicatesAndTheWhenConditionRead() {
        // HRDD-001 applies when an item is a cyber-surveillance item, and asserts usedInDecision.
        #expect(Self.usage.rules(reading: "licenceRecord/items/item/@cyberSurveillance").contains("HRDD-001"))
        #expect(Self.usage.rules(reading: "licenceRecord/items/item/controlEntry").contains("HRDD-001"))
        #expect(
            Self.usage.rules(reading: "licenceRecord/dueDiligence/impactAssessment/usedInDecision").contains("HRDD-001")
        )
        #expect(!Self.usage.rules(reading: "licenceRecord/parties/party/name").contains("HRDD-001"))
    }

    @Test func everyRuleReadsSomeField() {
        let readers = Set(Self.usage.rulesByField.values.joined())
        let silent = Fixtures.defaultRuleSet.rules.map(\.id).filter { !readers.contains($0) }
        #expect(silent.isEmpty, "\(silent) read no field")
        let fields = Set(
            RecordSchemaElement.record.allElements.flatMap { element in
                [element.path] + element.attributes.map { element.path + "/@" + $0.name }
            })
        #expect(Set(Self.usage.rulesByField.keys).isSubset(of: fields))
    }
}
