import Foundation
import RedlineTestSupport
import Testing

@testable import RedlineKit
@testable import RedlineXML

/// The mistakes an officer makes writing a record from docs/record-format.md, each one small
/// record (``base``, valid) broken in one place: the exact message, line, column (where libxml2
/// or redline can know it) and fix line, in the officer's terms (no `{urn:…}` names, no
/// libxml2 wording, a fix for the very mistake).
struct RecordMistakeTests {
    static let engine = Engine(ruleSet: Fixtures.defaultRuleSet)
    static let options = EvaluationOptions(asOf: LocalDate("2022-06-01")!)

    /// A valid application, modelled on examples/records/bg-2019-nso-group-licence.xml.
    static let base = """
        <?xml version="1.0" encoding="UTF-8"?>
        <licenceRecord xmlns="urn:redline:licence-record:1" formatVersion="1" id="BG-2022-IMCEC-0107" stage="application">
          <lifecycle kind="individual" status="pending">
            <issuingState>BG</issuingState>
            <authority>Inter-ministerial Council on Export Control</authority>
            <reference>IMCEC-2022-0107</reference>
            <submitted>2022-03-14</submitted>
          </lifecycle>
          <exporter>
            <name>Cirrus Bulgaria EOOD</name>
            <country>BG</country>
            <group disclosure="complete">
              <member relation="parent"><name>Cirrus Holdings Ltd</name><country>GB</country></member>
            </group>
          </exporter>
          <parties>
            <party role="end-user" sector="government" branch="law-enforcement"><name>National Police Directorate</name><country>IN</country></party>
          </parties>
          <items>
            <item id="sys-1" cyberSurveillance="true">
              <description>Cellular network location-tracking system</description>
              <controlEntry>5A001.f</controlEntry>
              <quantity>2</quantity>
            </item>
          </items>
          <endUse specificity="specific">
            <statement provenance="regulator">Locating the phones of suspects named in court orders.</statement>
          </endUse>
          <destination country="IN">
            <judicialAuthorisation provenance="court">Each location request needs a court order.</judicialAuthorisation>
          </destination>
          <events>
            <event type="corporate-event" date="2022-02-14" provenance="regulator" source="Merger-control notification">
              <subject>Cirrus Holdings Ltd</subject>
              <summary>Management buy-out of the group.</summary>
            </event>
          </events>
        </licenceRecord>

        """

    struct Mistake: Sendable, CustomTestStringConvertible {
        /// What the officer did.
        let name: String
        /// The text of ``base`` to change (it must occur exactly once), and what replaces it.
        let replace: String
        let with: String
        /// A schema finding (`true`) or an input error.
        var schema = true
        let message: String
        let line: Int
        /// The column, for errors (schema findings have none: libxml2 does not give one).
        var column = 0
        let fix: String
        var testDescription: String { name }
    }

    static let mistakes: [Mistake] = [
        Mistake(
            name: "misspelt element judicialAuthorization",
            replace: "<judicialAuthorisation provenance=\"court\">Each location request needs a court order."
                + "</judicialAuthorisation>",
            with: "<judicialAuthorization provenance=\"court\">Each location request needs a court order."
                + "</judicialAuthorization>",
            message:
                "<judicialAuthorization> is not an element of <destination>: did you mean <judicialAuthorisation>?",
            line: 30, fix: "rename <judicialAuthorization> to <judicialAuthorisation> (in its start and end tags)"),
        Mistake(
            name: "date written 14/03/2022", replace: "<submitted>2022-03-14</submitted>",
            with: "<submitted>14/03/2022</submitted>",
            message: "'14/03/2022' in <submitted> is not a date: write dates as YYYY-MM-DD", line: 7,
            fix: "write <submitted>2022-03-14</submitted>"),
        Mistake(
            name: "date attribute written 14.02.2022", replace: "date=\"2022-02-14\"", with: "date=\"14.02.2022\"",
            message: "'14.02.2022' in attribute date of <event> is not a date: write dates as YYYY-MM-DD", line: 33,
            fix: "write date=\"2022-02-14\""),
        Mistake(
            name: "date that is not in the calendar", replace: "<submitted>2022-03-14</submitted>",
            with: "<submitted>2022-02-30</submitted>",
            message: "'2022-02-30' in <submitted> is not a date in the calendar", line: 7,
            fix: "check the month (01–12) and the day (the month's last day at most), written YYYY-MM-DD"),
        Mistake(
            name: "missing <authority>", replace: "<authority>Inter-ministerial Council on Export Control</authority>",
            with: "", message: "<authority> is missing from <lifecycle> (it comes after <issuingState>)", line: 6,
            fix: "add <authority>…</authority> between <issuingState> and <reference>"),
        Mistake(
            name: "<destination> before <endUse>",
            replace: """
                  <endUse specificity="specific">
                    <statement provenance="regulator">Locating the phones of suspects named in court orders.</statement>
                  </endUse>
                  <destination country="IN">
                    <judicialAuthorisation provenance="court">Each location request needs a court order.</judicialAuthorisation>
                  </destination>
                """,
            with: """
                  <destination country="IN">
                    <judicialAuthorisation provenance="court">Each location request needs a court order.</judicialAuthorisation>
                  </destination>
                  <endUse specificity="specific">
                    <statement provenance="regulator">Locating the phones of suspects named in court orders.</statement>
                  </endUse>
                """,
            message: "<endUse> must come before <destination>", line: 29,
            fix: "move <endUse> before <destination>; the order in <licenceRecord> is lifecycle, exporter, parties, "
                + "items, limits, endUse, destination, dueDiligence, transparency, events"),
        Mistake(
            name: "<authority> twice", replace: "<reference>IMCEC-2022-0107</reference>",
            with: "<authority>Ministry of Economy</authority>",
            message: "<authority> appears more than once in <lifecycle>, which allows one", line: 6,
            fix: "keep one <authority> in <lifecycle> and remove the other (or merge their text)"),
        Mistake(
            name: "raw & in a name", replace: "<name>Cirrus Bulgaria EOOD</name>",
            with: "<name>Cirrus & Partners EOOD</name>", schema: false,
            message: "not well-formed XML: a '&' on its own is not allowed in text or attribute values", line: 10,
            column: 18, fix: "write & as &amp; (for example 'Smith &amp; Sons')"),
        Mistake(
            name: "< in text", replace: "<summary>Management buy-out of the group.</summary>",
            with: "<summary>Management buy-out; < 5 buyers.</summary>", schema: false,
            message: "not well-formed XML: a '<' in text starts a tag, and no element name follows it", line: 35,
            column: 36, fix: "write < as &lt; in text (for example 'fewer than &lt; 5')"),
        Mistake(
            name: "unclosed <item>", replace: "      <quantity>2</quantity>\n    </item>\n",
            with: "      <quantity>2</quantity>\n\n", schema: false,
            message: "not well-formed XML: <item> (opened on line 20) is not closed: </items> comes first", line: 25,
            column: 3, fix: "add </item> before </items> (or close <item> where its content ends)"),
        Mistake(
            name: "misspelt end tag", replace: "buy-out of the group.</summary>",
            with: "buy-out of the group.</sumary>",
            schema: false,
            message: "not well-formed XML: the end tag </sumary> does not match the start tag <summary> on line 35",
            line: 35, column: 48,
            fix: "spell the start and end tags the same: <summary>…</summary> or <sumary>…</sumary>"),
        Mistake(
            name: "unquoted attribute value", replace: "<item id=\"sys-1\"", with: "<item id=sys-1", schema: false,
            message: "not well-formed XML: the value of attribute 'id' is not in quotes", line: 20, column: 14,
            fix: "put the value in double quotes: id=\"sys-1\""),
        Mistake(
            name: "duplicate attribute", replace: "<party role=\"end-user\" sector=\"government\"",
            with: "<party role=\"end-user\" sector=\"government\" role=\"consignee\"", schema: false,
            message: "not well-formed XML: attribute 'role' appears twice in <party>", line: 17, column: 48,
            fix: "keep one role=\"…\" and remove the other"),
        Mistake(
            name: "stage=\"aplication\"", replace: "stage=\"application\"", with: "stage=\"aplication\"",
            message: "'aplication' in attribute stage of <licenceRecord> is not one of application, licence, "
                + "determination; did you mean 'application'?",
            line: 2, fix: "write stage=\"application\""),
        Mistake(
            name: "country UK instead of GB", replace: "<country>GB</country>", with: "<country>UK</country>",
            message: "'UK' in <country> is not one of the 249 values allowed there; did you mean 'GB'?", line: 13,
            fix: "write <country>GB</country>"),
        Mistake(
            name: "cyberSurveillance=\"yes\"", replace: "cyberSurveillance=\"true\"", with: "cyberSurveillance=\"yes\"",
            message: "'yes' in attribute cyberSurveillance of <item> is not true or false", line: 20,
            fix: "write cyberSurveillance=\"true\""),
        Mistake(
            name: "misspelt attribute cyberSurveilance", replace: "cyberSurveillance=\"true\"",
            with: "cyberSurveilance=\"true\"",
            message: "<item> has no attribute cyberSurveilance: did you mean cyberSurveillance?", line: 20,
            fix: "rename cyberSurveilance=… to cyberSurveillance=…"),
        Mistake(
            name: "text inside <items>", replace: "  <items>\n", with: "  <items>Two systems\n",
            message: "<items> holds elements only, not text ('Two systems')", line: 19,
            fix: "remove the text from <items>, or put it inside one of its elements: item"),
        Mistake(
            name: "missing required attribute role", replace: "<party role=\"end-user\" sector", with: "<party sector",
            message: "<party> has no role attribute, which it requires", line: 17, fix: "add role=\"…\" to <party>"),
        Mistake(
            name: "quantity in words", replace: "<quantity>2</quantity>", with: "<quantity>two</quantity>",
            message: "'two' in <quantity> is not a whole number (1 or more)", line: 23,
            fix: "write <quantity>2</quantity>"),
        Mistake(
            name: "empty required text", replace: "<authority>Inter-ministerial Council on Export Control</authority>",
            with: "<authority></authority>", message: "<authority> is empty", line: 5,
            fix: "write the text of <authority> (it is required)"),
        Mistake(
            name: "empty file", replace: base, with: "", schema: false, message: "document is empty", line: 1,
            column: 1, fix: "the file must contain one XML document"),
        Mistake(
            name: "only the XML declaration", replace: base, with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            schema: false,
            message: "not well-formed XML: the document has no root element (only a declaration, comments or "
                + "whitespace)",
            line: 2, column: 1,
            fix: "the file must hold one element, e.g. one <licenceRecord …> … </licenceRecord> record"),
        Mistake(
            name: "two records in one file", replace: "</licenceRecord>\n",
            with: "</licenceRecord>\n<licenceRecord xmlns=\"urn:redline:licence-record:1\"/>\n", schema: false,
            message: "not well-formed XML: a second root element <licenceRecord> after </licenceRecord>: a document "
                + "has exactly one root",
            line: 39, column: 1, fix: "keep one <licenceRecord> per file: move the second one to a file of its own"),
        Mistake(
            name: "text after the record", replace: "</licenceRecord>\n", with: "</licenceRecord>\nEnd of record\n",
            schema: false, message: "not well-formed XML: content after the end of the root element </licenceRecord>",
            line: 39, column: 1, fix: "remove everything after </licenceRecord> (only comments may follow it)"),
    ]

    @Test func theBaseRecordIsValid() {
        let report = Self.engine.check(bytes: Array(Self.base.utf8), path: "base.xml", options: Self.options)
        #expect(report.error == nil)
        #expect(report.status != .invalid, "\(report.findings.map(\.message))")
    }

    @Test(arguments: mistakes)
    func aMistakeIsSaidInTheOfficersTerms(_ mistake: Mistake) throws {
        try #require(
            Self.base.ranges(of: mistake.replace).count == 1, "the change must apply to the base record exactly once")
        let text = Self.base.replacing(mistake.replace, with: mistake.with)
        let report = Self.engine.check(bytes: Array(text.utf8), path: "record.xml", options: Self.options)
        if mistake.schema {
            #expect(report.status == .invalid)
            #expect(report.findings.count == 1, "\(report.findings.map(\.message))")
            let finding = try #require(report.findings.first)
            #expect(finding.kind == .schema)
            #expect(finding.message == mistake.message)
            #expect(finding.location.line == mistake.line)
            #expect(finding.remedy == mistake.fix)
            #expect(!finding.message.contains("{urn:"))
        } else {
            let error = try #require(report.error)
            #expect(error.message == mistake.message)
            #expect(error.position == SourcePosition(file: "record.xml", line: mistake.line, column: mistake.column))
            #expect(error.suggestion == mistake.fix)
        }
    }
}
