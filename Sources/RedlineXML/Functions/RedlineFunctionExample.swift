/// An expression calling a redline function and the string value it must have, evaluated on
/// ``record`` with its root element as the context node, the lists ``lists`` and an evaluation
/// date. A parameterized test runs every descriptor's examples through both evaluators.
package struct RedlineFunctionExample: Sendable, CustomStringConvertible {
    /// The expression (prefix `rl` for redline's functions; the record has no namespace).
    package let expression: String
    /// Its value converted to a string as rule messages show it (`true`, `1`, `NaN`, a text).
    package let result: String
    /// The evaluation date.
    package let asOf: LocalDate
    /// Where the example is written (for a failing test).
    package let file: String
    /// The line it is written on.
    package let line: Int

    /// An example; `asOf` defaults to 2021-11-04.
    init(
        _ expression: String, _ result: String, asOf: String = "2021-11-04", file: StaticString = #filePath,
        line: UInt = #line
    ) {
        self.expression = expression
        self.result = result
        self.asOf = LocalDate(asOf) ?? LocalDate(daysSinceEpoch: 0)
        self.file = "\(file)"
        self.line = Int(line)
    }

    /// `expression → result`.
    package var description: String { "\(expression) → \(result)" }

    /// The record every example is evaluated on.
    package static let record = """
        <record>
          <party>NSO Group Technologies Ltd.</party>
          <party>Cirrus Bulgaria E.O.O.D.</party>
          <country>AE</country>
          <statement>For counter terrorism and National Security.</statement>
          <scope>operations end-use</scope>
          <evidence provenance="court" date="2021-11-04">judgment</evidence>
          <evidence date="2020-02-29">statement</evidence>
          <event type="misuse-report" provenance="independent" verification="corroborated"/>
          <event type="designation" date="2020-01-10">
            <subject>Cirrus Bulgaria EOOD</subject><list>EU GHRSR</list>
          </event>
          <event type="designation" date="2020-01-10" until="2021-01-31"><subject>Candiru</subject></event>
          <event type="designation" date="2020-01-10"><subject>Candiru</subject><list>US Entity List</list></event>
          <event type="delisting" date="2021-03-01">
            <subject>CIRRUS BULGARIA E.O.O.D.</subject><list>EU GHRSR</list>
          </event>
        </record>
        """

    /// The reference lists examples name: `parties` (party names, Candiru from 2021-11-04),
    /// `countries` (AE, MX) and `phrases` (generic end uses).
    package static let lists: [String: ReferenceList] = {
        let effective = LocalDate(year: 2021, month: 1, day: 1) ?? LocalDate(daysSinceEpoch: 0)
        func list(_ id: String, _ kind: ReferenceList.Kind, _ entries: [(String, LocalDate?)]) -> ReferenceList {
            let position = SourcePosition(file: "examples")
            return ReferenceList(
                id: id, kind: kind, title: id, source: "examples", effective: effective,
                entries: entries.map { value, since in
                    ReferenceList.Entry(
                        value: value, kind: kind, since: since ?? effective,
                        until: nil, position: position)
                }, position: position)
        }
        return [
            "parties": list("parties", .party, [("NSO Group", LocalDate("2021-11-04")), ("Candiru", nil)]),
            "countries": list("countries", .country, [("AE", nil), ("MX", nil)]),
            "phrases": list("phrases", .phrase, [("counter-terrorism", nil), ("national security", nil)]),
        ]
    }()
}
