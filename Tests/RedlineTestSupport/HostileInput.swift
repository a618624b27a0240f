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

    /// A rule set of one rule, HOST-001, asserting `assert`, with a phrase list `long-phrase` of one
    /// `phrase`.
    public static func ruleSet(assert: String, phrase: String = "never in the record") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ruleset xmlns="urn:redline:rules:1" formatVersion="1" id="hostile" version="1"><title>Hostile</title>
        <letter id="AN19" file="000_d3d654b5c922fcf3.txt">Access Now 2019</letter>
        <policy><application on-error="refuse"><verdict name="refuse" severity="critical"/><verdict name="approve"/>\
        </application><licence on-error="revoke"><verdict name="revoke" severity="critical"/>\
        <verdict name="maintain"/></licence></policy>
        <list id="long-phrase" kind="phrase" source="generated" effective="2019-01-01"><title>t</title>\
        <entry>\(phrase)</entry></list>
        <rule id="HOST-001" category="test" severity="major" weight="1">
          <title>t</title><implements>AN19-5</implements>
          <cite letter="AN19">assessment of the potential human rights impacts of exports</cite>
          <assert>\(assert)</assert>
          <message>m</message><remedy>r</remedy>
        </rule>
        </ruleset>

        """
    }
}
