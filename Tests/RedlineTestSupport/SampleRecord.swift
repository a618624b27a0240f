import Foundation

/// Licence records written by the tests: a minimal valid record with content of the test's
/// choosing, and a large one.
public enum SampleRecord {
    /// A minimal valid record with extra content spliced into its body (after exporter).
    public static func text(
        id: String = "T-1", stage: String = "application", status: String = "pending",
        exporter: String = "Test Exporter Ltd", body: String = ""
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <licenceRecord xmlns="urn:redline:licence-record:1" formatVersion="1" id="\(id)" stage="\(stage)">
          <lifecycle kind="individual" status="\(status)"><issuingState>BG</issuingState><authority>Ministry of Economy</authority></lifecycle>
          <exporter><name>\(exporter)</name><country>BG</country></exporter>
        \(body)
        </licenceRecord>
        """
    }

    /// A schema-valid application record with `items` items, so that `//` and axis
    /// expressions have thousands of nodes to walk.
    public static func large(items: Int) -> String {
        var body = "<items>\n"
        for index in 0..<items {
            body += "<item id=\"i\(index)\"><description>Item \(index)</description><quantity>1</quantity></item>\n"
        }
        body += "</items>"
        return text(id: "LARGE-1", body: body)
    }

    /// A schema-valid licence record of about `bytes` bytes: the Bulgarian NSO Group example with
    /// its corporate event repeated, each copy's summary lengthened to about 1,300 bytes (3.8 MB
    /// is about 2,800 events of three elements, under the 10,000-element cap).
    public static func padded(bytes: Int) throws -> String {
        let text = try String(
            contentsOfFile: Repository.path("examples/records/bg-2019-nso-group-licence.xml"), encoding: .utf8)
        guard let start = text.range(of: "<event type=\"corporate-event\""),
            let end = text.range(of: "</event>", range: start.upperBound..<text.endIndex)
        else { throw CocoaError(.fileReadCorruptFile) }
        let summary = "backed by Lyra Capital Partners LP."
        let padding = Array(repeating: "Merger control notification", count: 40).joined(separator: " ")
        let event = String(text[start.lowerBound..<end.upperBound]).replacing(summary, with: summary + " " + padding)
        let copies = max(1, bytes / event.utf8.count)
        return text.replacingCharacters(
            in: start.lowerBound..<end.upperBound, with: String(repeating: event, count: copies))
    }
}
