/// The hostile corpus: committed small files under Tests/Fixtures/hostile (the huge ones are
/// generated with `TemporaryFolder.generate`, never committed).
public enum HostileInput {
    /// The text of `Tests/Fixtures/hostile/records/xxe-secret.txt`, which no output may contain.
    public static let canary = "REDLINE-CANARY-7f3a9c"

    /// A committed hostile record.
    public static func record(_ name: String) -> String {
        Repository.path("Tests/Fixtures/hostile/records/\(name)")
    }

    /// A committed hostile rule-set file.
    public static func rules(_ name: String) -> String {
        Repository.path("Tests/Fixtures/hostile/rules/\(name)")
    }

    /// Records that would reach `port` on 127.0.0.1 if entities, DTDs or XInclude were processed.
    public static func networkRecords(port: UInt16) -> [(name: String, text: String)] {
        let url = "http://127.0.0.1:\(port)"
        let root =
            "<licenceRecord xmlns=\"urn:redline:licence-record:1\" formatVersion=\"1\" id=\"N-1\" stage=\"application\""
        return [
            (
                "xxe-http.xml",
                "<!DOCTYPE licenceRecord [<!ENTITY e SYSTEM \"\(url)/entity\">]>\n\(root)>&e;</licenceRecord>"
            ),
            (
                "xxe-parameter-entity.xml",
                "<!DOCTYPE licenceRecord [<!ENTITY % p SYSTEM \"\(url)/p.dtd\"> %p;]>\n\(root)/>"
            ),
            ("xxe-external-dtd.xml", "<!DOCTYPE licenceRecord SYSTEM \"\(url)/r.dtd\">\n\(root)/>"),
            (
                "xinclude-http.xml",
                "\(root) xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include "
                    + "href=\"\(url)/x.xml\"/></licenceRecord>"
            ),
            (
                "schema-location.xml",
                "\(root) xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                    + "xsi:schemaLocation=\"urn:redline:licence-record:1 \(url)/r.xsd\"/>"
            ),
        ]
    }
}
