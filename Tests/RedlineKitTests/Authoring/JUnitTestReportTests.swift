import Foundation
import Testing

@testable import RedlineKit

/// `rules test --report junit=FILE` checked the way the audit's JUnit report is: against both
/// JUnit XSDs its consumers use, with counters that match the cases.
struct JUnitTestReportTests {
    /// A run with failing inline examples and failing record expectations.
    static func xml(records: String = "records") throws -> String {
        let ruleSet = try RuleSetLoader.load(path: Fixtures.path("Tests/Fixtures/rules-test/wrong-expectations.xml"))
        let run = try RuleSetTester(ruleSet: ruleSet).run(
            recordsDirectory: Fixtures.path("Tests/Fixtures/rules-test/" + records))
        #expect(!run.failures.isEmpty)
        return JUnitTestReport().render(
            run.cases, name: "redline rules test \(ruleSet.id)", timestamp: "2026-01-02T03:04:05")
    }

    @Test(arguments: ["junit-10.xsd", "junit-ant-windyroad.xsd"], ["records", "bad-declarations"])
    func reportIsValidAgainst(_ xsd: String, records: String) throws {
        let schemaText = try String(contentsOfFile: Fixtures.path("Tests/Fixtures/schemas/\(xsd)"), encoding: .utf8)
        let schema = try XMLSchema(text: schemaText, name: xsd)
        let document = try XMLDocument(bytes: Array(try Self.xml(records: records).utf8), path: "rules-test.junit.xml")
        let violations = schema.validate(document)
        #expect(violations.isEmpty, "\(violations.prefix(5))")
    }

    @Test func anInvalidDeclarationIsAnError() throws {
        let document = try XMLDocument(
            bytes: Array(try Self.xml(records: "bad-declarations").utf8), path: "rules-test.junit.xml")
        let root = try #require(document.root)
        let suite = try #require(
            root.children(named: "testsuite").first { $0.attribute("name")?.hasSuffix("unknown-names.xml") == true })
        #expect(suite.attribute("errors") == "2")
        #expect(suite.attribute("failures") == "0")
        let error = try #require(suite.children(named: "testcase").first?.child(named: "error"))
        #expect(error.attribute("type") == "declaration")
        #expect(
            error.attribute("message")
                == "<?redline-expect?> names verdict 'aprove', which is not a verdict for an application")
        #expect(error.text.contains("unknown-names.xml:2:1: error: <?redline-expect?> fires names rule 'NOPE-001'"))
    }

    @Test func countersMatchTheCasesAndFailuresSayWhere() throws {
        let document = try XMLDocument(bytes: Array(try Self.xml().utf8), path: "rules-test.junit.xml")
        let suites = try #require(document.root).children(named: "testsuite")
        #expect(!suites.isEmpty)
        var failures = 0
        for (index, suite) in suites.enumerated() {
            let cases = suite.children(named: "testcase")
            let failed = cases.filter { !$0.children(named: "failure").isEmpty }
            failures += failed.count
            #expect(suite.attribute("id") == String(index))
            #expect(suite.attribute("tests") == String(cases.count))
            #expect(suite.attribute("failures") == String(failed.count))
            #expect(suite.attribute("errors") == "0")
            #expect(suite.attribute("timestamp") == "2026-01-02T03:04:05")
            for item in failed {
                let failure = try #require(item.child(named: "failure"))
                #expect(failure.attribute("type") == "expectation")
                #expect(failure.text.contains("wrong-expectations.xml:") || failure.text.contains(".xml:"))
            }
        }
        #expect(failures == 3)
        let t001 = try #require(suites.first { $0.attribute("name") == "T-001" })
        let failed = try #require(
            t001.children(named: "testcase").first { $0.attribute("name") == "example 2 'wrongly expects pass' (pass)" }
        )
        let failure = try #require(failed.child(named: "failure"))
        #expect(failure.attribute("message") == "expected pass, got fail")
        #expect(
            failure.text.hasPrefix(
                Fixtures.path("Tests/Fixtures/rules-test/wrong-expectations.xml") + ":17:5: expected pass, got fail"))
        let systemOut = try #require(t001.child(named: "system-out")).text
        #expect(systemOut.contains(":17:5: example 2 'wrongly expects pass' (pass): FAILED"))
    }
}
