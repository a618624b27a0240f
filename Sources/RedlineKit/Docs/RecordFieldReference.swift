/// The field table of docs/record-format.md: every element and attribute of the record schema,
/// whether the schema requires it (`minOccurs`, `use="required"`), and the rules of a rule set
/// that read it (``RecordFieldUsage``). The evidence attributes (provenance, verification, source,
/// date) are listed where a rule reads them by name.
public enum RecordFieldReference {
    /// The marker comment before the generated table in docs/record-format.md.
    public static let startMarker =
        "<!-- record-fields:start (generated: RecordFieldReference; RECORD_DOCS=1 re-records) -->"
    /// The marker comment after the generated table.
    public static let endMarker = "<!-- record-fields:end -->"

    /// The Markdown table for `schema`'s fields and the rules of `ruleSet`.
    public static func markdownTable(schema: RecordSchemaElement = .record, ruleSet: RuleSet) -> String {
        let usage = RecordFieldUsage(schema: schema, ruleSet: ruleSet)
        var rows = ["| field | required | read by |", "|---|---|---|"]
        func row(_ path: String, required: Bool) {
            let shown = path == schema.path ? path : String(path.dropFirst(schema.path.count + 1))
            let rules = usage.rules(reading: path).joined(separator: ", ")
            rows.append("| `\(shown)` | \(required ? "**required**" : "") | \(rules) |")
        }
        for element in schema.allElements {
            row(element.path, required: element.isRequired)
            for attribute in element.attributes {
                let path = element.path + "/@" + attribute.name
                guard attribute.group == nil || !usage.rules(reading: path).isEmpty else { continue }
                row(path, required: attribute.isRequired)
            }
        }
        return rows.joined(separator: "\n")
    }

    /// `document` with the text between the markers replaced by `table` (the markers are appended
    /// at the end when missing).
    public static func replacingTable(in document: String, with table: String) -> String {
        let block = startMarker + "\n" + table + "\n" + endMarker
        guard let start = document.range(of: startMarker),
            let end = document.range(of: endMarker, range: start.upperBound..<document.endIndex)
        else {
            return document + (document.hasSuffix("\n") ? "\n" : "\n\n") + block + "\n"
        }
        return document.replacingCharacters(in: start.lowerBound..<end.upperBound, with: block)
    }
}
