import Foundation
import RedlineKit
import Testing

/// Hostile and broken rule sets (Tests/Fixtures/hostile/rules and generated ones): each load
/// error names the file, line and column; an expensive XPath becomes an `error` outcome for its
/// rule while the record is still reported.
@Suite(.timeLimit(.minutes(5)))
struct HostileRuleSetTests {
    struct Broken: Sendable, CustomTestStringConvertible {
        let file: String
        let code: RedlineError.Code
        /// The file the error names (an included file for recursive composition).
        let reported: String
        let line: Int
        let column: Int
        let message: String
        var testDescription: String { file }
    }

    static let broken: [Broken] = [
        Broken(
            file: "invalid-dates.xml", code: .invalidRules, reported: "invalid-dates.xml", line: 6, column: 1,
            message: "'2021-02-30' is not a valid value of the atomic type 'xs:date'"),
        Broken(
            file: "recursive-a.xml", code: .invalidRules, reported: "recursive-b.xml", line: 3, column: 1,
            message: "recursive-a.xml' is included more than once (or includes itself)"),
        Broken(
            file: "unknown-prefix.xml", code: .invalidRules, reported: "unknown-prefix.xml", line: 9, column: 11,
            message: "namespace prefix 'x' is not declared"),
        Broken(
            file: "unknown-function-prefix.xml", code: .invalidRules, reported: "unknown-function-prefix.xml", line: 10,
            column: 11, message: "unknown function 'ext:lookup'"),
        Broken(
            file: "xxe-doctype.xml", code: .hostile, reported: "xxe-doctype.xml", line: 2, column: 19,
            message: "DOCTYPE"),
    ]

    @Test(arguments: broken)
    func committedRuleSetIsRefusedWithItsPosition(_ item: Broken) {
        #expect {
            _ = try RuleSetLoader.load(path: HostileInput.rules(item.file))
        } throws: { error in
            guard let error = error as? RedlineError else { return false }
            return error.code == item.code
                && error.position == SourcePosition(file: HostileInput.rules(item.reported), line: item.line, column: item.column)
                && error.message.contains(item.message) && !error.description.contains(HostileInput.canary)
        }
    }

    /// A list large enough to pass the 16 MiB rule-file cap is refused by size, before parsing.
    @Test func hugeListOverTheFileCapIsRefused() throws {
        let entry = "<entry>Surveillance Vendor</entry>\n"
        let count = RuleSetLoader.maxFileBytes / entry.utf8.count + 1
        let head = Self.header + "<list id=\"huge\" kind=\"party\" source=\"test\" effective=\"2020-01-01\"><title>Huge</title>\n"
        let path = try HostileInput.generate(
            "huge-list.xml", head: head, fill: entry, count: count, tail: "</list>\n</ruleset>\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try RuleSetLoader.load(path: path)
        } throws: { error in
            guard let error = error as? RedlineError else { return false }
            return error.code == .tooLarge && error.position.file == path && error.message.contains("more than the limit of 16777216 bytes")
        }
    }

    /// 100,000 entries under the cap load, and lookups in the list work.
    @Test func hugeListUnderTheFileCapLoads() throws {
        var text = Self.header + "<list id=\"huge\" kind=\"party\" source=\"test\" effective=\"2020-01-01\"><title>Huge</title>\n"
        for index in 0..<100_000 { text += "<entry>Vendor \(index)</entry>\n" }
        text += "</list>\n" + Self.rule(id: "HUGE-001", assert: "not(rl:in-list('huge', r:exporter/r:name))") + "\n</ruleset>\n"
        let path = try HostileInput.write(text, name: "huge-list.xml")
        let ruleSet = try RuleSetLoader.load(path: path)
        #expect(ruleSet.lists["huge"]?.entries.count == 100_000)
        let record = Fixtures.record(exporter: "Vendor 99999")
        let report = Engine(ruleSet: ruleSet).check(
            bytes: Array(record.utf8), path: "r.xml", options: EvaluationOptions(asOf: LocalDate("2022-01-01")!))
        #expect(report.results.map(\.outcome) == [.fail])
    }

    /// An XPath that walks every node's axes on a large record hits the operation limit: that rule
    /// is an `error`, the other rule is evaluated, and the record gets the policy's on-error verdict.
    @Test func explodingXPathIsAnErrorForItsRuleOnly() throws {
        let ruleSet = try RuleSetLoader.load(path: HostileInput.rules("xpath-explodes.xml"))
        let record = HostileInput.largeRecord(items: 2_000)
        let report = Engine(ruleSet: ruleSet).check(
            bytes: Array(record.utf8), path: "large.xml", options: EvaluationOptions(asOf: LocalDate("2022-01-01")!))
        #expect(report.status == .evaluated)
        #expect(report.results.map(\.outcome) == [.pass, .error])
        let reason = try #require(report.results.last?.reason)
        #expect(reason.hasSuffix("exceeded the limit of 1000000 operations on this record"), "\(reason)")
        let finding = try #require(report.findings.first)
        #expect(finding.ruleID == "HOST-002" && finding.kind == .error && finding.location.file == "large.xml")
        #expect(report.verdict == "refuse")
    }

    /// The same rule passes on a small record: the error above comes from the limit.
    @Test func explodingXPathPassesOnASmallRecord() throws {
        let ruleSet = try RuleSetLoader.load(path: HostileInput.rules("xpath-explodes.xml"))
        let report = Engine(ruleSet: ruleSet).check(
            bytes: Array(HostileInput.largeRecord(items: 3).utf8), path: "small.xml",
            options: EvaluationOptions(asOf: LocalDate("2022-01-01")!))
        #expect(report.results.map(\.outcome) == [.pass, .pass])
    }

    // MARK: - Helpers

    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ruleset xmlns="urn:redline:rules:1" formatVersion="1" id="hostile" version="1"><title>Hostile</title>
        <letter id="AN19" file="000_d3d654b5c922fcf3.txt">Access Now 2019</letter>
        <policy><application on-error="refuse"><verdict name="refuse" severity="critical"/><verdict name="approve"/></application>
        <licence on-error="revoke"><verdict name="revoke" severity="critical"/><verdict name="maintain"/></licence></policy>

        """

    static func rule(id: String, assert: String) -> String {
        """
        <rule id="\(id)" category="test" severity="major" weight="1">
          <title>t</title><implements>AN19-5</implements>
          <cite letter="AN19">assessment of the potential human rights impacts of exports</cite>
          <assert>\(assert)</assert>
          <message>m</message><remedy>r</remedy>
        </rule>
        """
    }
}
