import RedlineKit
import RedlineTestSupport
import Testing

/// docs/record-format.md's field table is RecordFieldReference's, between its markers. Regenerate
/// with `RECORD_DOCS=1 swift test --filter RecordFieldReference` (that run fails; run again).
struct RecordFieldReferenceTests {
    static let table = RecordFieldReference.markdownTable(ruleSet: Fixtures.defaultRuleSet)

    @Test func theRecordFormatDocumentShowsTheGeneratedTable() throws {
        let golden = GoldenFile("docs/record-format.md", recordVariable: "RECORD_DOCS")
        let current = try golden.contents()
        #expect(current.contains(RecordFieldReference.startMarker) && current.contains(RecordFieldReference.endMarker))
        try golden.expectMatches(RecordFieldReference.replacingTable(in: current, with: Self.table))
    }

    @Test func theTableHasARowPerElementMarkedAsTheSchemaSays() {
        let rows = Self.table.split(separator: "\n").map(String.init)
        for element in RecordSchemaElement.record.allElements where element.path != "licenceRecord" {
            let field = String(element.path.dropFirst("licenceRecord/".count))
            let row = rows.first { $0.hasPrefix("| `\(field)` |") }
            #expect(row != nil, "no row for \(field)")
            #expect(row?.contains("**required**") == element.isRequired, "\(field)")
        }
        #expect(rows.contains { $0.hasPrefix("| `lifecycle/@kind` | **required** |") && $0.contains("RECORD-001") })
        #expect(rows.contains { $0.hasPrefix("| `exporter/name` | **required** |") && $0.contains("SANC-001") })
    }

    @Test func theTableIsReplacedBetweenTheMarkers() {
        let document = "intro\n\(RecordFieldReference.startMarker)\nold\n\(RecordFieldReference.endMarker)\nafter\n"
        let replaced = RecordFieldReference.replacingTable(in: document, with: "new")
        #expect(
            replaced == "intro\n\(RecordFieldReference.startMarker)\nnew\n\(RecordFieldReference.endMarker)\nafter\n")
    }
}
