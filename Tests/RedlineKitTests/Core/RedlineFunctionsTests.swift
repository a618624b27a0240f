import Testing

@testable import RedlineKit

/// Each of redline's XPath functions, evaluated on a small record.
struct RedlineFunctionsTests {
    static let lists: [String: ReferenceList] = {
        func list(_ id: String, _ kind: ReferenceList.Kind, _ entries: [(String, String?)]) -> ReferenceList {
            let effective = LocalDate("2021-11-04")!
            return ReferenceList(
                id: id, kind: kind, title: id, source: "test", effective: effective,
                entries: entries.map { value, since in
                    ReferenceList.Entry(
                        value: value, kind: kind,
                        since: since.flatMap { LocalDate($0) } ?? effective, until: nil,
                        position: SourcePosition(file: "t"))
                }, position: SourcePosition(file: "t"))
        }
        return [
            "el": list("el", .party, [("NSO Group", nil), ("Candiru", "2021-11-04")]),
            "cc": list("cc", .country, [("AE", "2019-01-01"), ("MX", "2019-01-01")]),
            "codes": list("codes", .code, [("4A005", "2000-01-01"), ("5A001.j", "2000-01-01")]),
            "generic": list(
                "generic", .phrase, [("counter-terrorism", "2000-01-01"), ("national security", "2000-01-01")]),
        ]
    }()

    static let record = Fixtures.record(
        stage: "licence", status: "issued", exporter: "Cirrus Bulgaria EOOD",
        body: """
            <items><item id="a"><description>d</description><controlEntry>4A005.a</controlEntry><controlEntry>4A0051</controlEntry></item></items>
            <endUse><statement>For counter terrorism and National Security.</statement></endUse>
            <destination country="AE"><surveillanceLaw provenance="self-declared">x</surveillanceLaw><judicialAuthorisation provenance="court">y</judicialAuthorisation><independentOversight>z</independentOversight></destination>
            <dueDiligence><hrdd by="exporter" scope="operations end-use" steps="identify prevent"/></dueDiligence>
            <events><event type="designation" date="2021-11-04"><subject>NSO Group Technologies Ltd.</subject></event><event type="misuse-report" date="2020-02-29"/></events>
            """)

    func evaluate(_ expression: String, asOf: String = "2021-11-04") throws -> String {
        let document = try Fixtures.document(Self.record)
        let environment = EvaluationEnvironment(asOf: LocalDate(asOf)!, lists: Self.lists)
        let evaluator = XPathEvaluator(
            document: document, namespaces: ["r": BuiltIn.recordNamespace, "rl": RedlineFunctions.namespace],
            environment: environment, operationLimit: 1_000_000)
        return try evaluator.string(XPathExpression(expression, at: SourcePosition(file: "test")))
    }

    @Test(arguments: [
        // in-list: party names normalised, entry dates respected
        ("rl:in-list('el', r:events/r:event/r:subject)", "2021-11-04", "true"),
        ("rl:in-list('el', r:events/r:event/r:subject)", "2021-11-03", "false"),
        ("rl:in-list('el', 'nso group ltd')", "2021-11-04", "true"),
        ("rl:in-list('el', 'NSO Grupa')", "2021-11-04", "false"),
        ("rl:in-list('el', r:exporter/r:name)", "2021-11-04", "false"),
        ("rl:in-list('cc', r:destination/@country)", "2021-11-04", "true"),
        ("rl:in-list('cc', 'ae')", "2018-12-31", "false"),
        ("rl:in-list('codes', r:items/r:item/r:controlEntry[1])", "2021-11-04", "true"),
        ("rl:in-list('codes', r:items/r:item/r:controlEntry[2])", "2021-11-04", "false"),
        // contains-any: whole words after normalisation
        ("rl:contains-any('generic', r:endUse/r:statement)", "2021-11-04", "true"),
        ("rl:contains-any('generic', 'national securityguard')", "2021-11-04", "false"),
        // dates
        ("rl:as-of()", "2021-11-04", "2021-11-04"),
        ("rl:days('1970-01-02')", "2021-11-04", "1"),
        ("rl:days-since('2021-11-01')", "2021-11-04", "3"),
        ("rl:days-since('not a date')", "2021-11-04", "NaN"),
        ("rl:months-between('2019-03-01', '2021-03-01')", "2021-11-04", "24"),
        ("rl:latest(r:events/r:event/@date)", "2021-11-04", "2021-11-04"),
        ("rl:latest(r:nothing)", "2021-11-04", ""),
        ("rl:days(r:events/r:event[1]/@date) > rl:days(r:events/r:event[2]/@date)", "2021-11-04", "true"),
        // provenance
        ("rl:independent(r:destination/r:judicialAuthorisation)", "2021-11-04", "true"),
        (
            "rl:independent(r:destination/r:surveillanceLaw | r:destination/r:independentOversight)", "2021-11-04",
            "false"
        ),
        ("rl:self-declared(r:destination/r:independentOversight)", "2021-11-04", "true"),
        ("rl:self-declared(r:destination/r:judicialAuthorisation)", "2021-11-04", "false"),
        ("rl:independent(r:destination/r:judicialAuthorisation/@provenance)", "2021-11-04", "true"),
        // tokens and names
        ("rl:has-tokens(r:dueDiligence/r:hrdd/@scope, 'end-use operations')", "2021-11-04", "true"),
        ("rl:has-tokens(r:dueDiligence/r:hrdd/@scope, 'supply-chain')", "2021-11-04", "false"),
        ("rl:normalize-name('  Cirrus Bulgaria E.O.O.D. ')", "2021-11-04", "cirrus bulgaria"),
        ("rl:same-party(r:exporter/r:name, 'CIRRUS BULGARIA LTD')", "2021-11-04", "true"),
        ("rl:same-party(r:events/r:event/r:subject, 'nso group | x')", "2021-11-04", "false"),
        (
            "rl:same-party(r:events/r:event/r:subject, r:exporter/r:name | r:events/r:event/r:subject)", "2021-11-04",
            "true"
        ),
    ])
    func functionGivesExpectedValue(_ expression: String, _ asOf: String, _ expected: String) throws {
        #expect(try evaluate(expression, asOf: asOf) == expected)
    }

    @Test func unknownListIsAnEvaluationErrorNamingTheList() {
        #expect {
            _ = try evaluate("rl:in-list('nope', 'x')")
        } throws: { error in
            (error as? RedlineError)?.message.contains("unknown reference list 'nope'") == true
        }
    }

    @Test func wrongArityIsAnError() {
        #expect(throws: RedlineError.self) { _ = try evaluate("rl:days-since()") }
    }

    @Test func independentNeedsANodeSet() {
        #expect(throws: RedlineError.self) { _ = try evaluate("rl:independent('court')") }
    }
}
