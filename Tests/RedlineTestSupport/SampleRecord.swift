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
}
