import Foundation
import RedlineTestSupport
import Testing

/// `redline rules lint|test|doc|show` and `redline explain` end to end: output and exit codes.
struct RulesCommandTests {
    @Test func lintOfTheDefaultSetIsClean() throws {
        let result = try CLIRunner.run(["rules", "lint"])
        #expect(result.status == 0)
        #expect(result.stdout == "0 errors, 0 warnings\n")
    }

    @Test func lintOfABrokenFileExits3WithLocationAndFix() throws {
        let result = try CLIRunner.run(["rules", "lint", "Tests/Fixtures/broken-rules/unknown-list.xml"])
        #expect(result.status == 3)
        #expect(
            result.stdout.hasPrefix(
                "Tests/Fixtures/broken-rules/unknown-list.xml:15:17: error: unknown reference list 'sanctioned' (in "
                    + "'not(rl:in-list('sanctioned', r:exporter/r:name))')\n  fix: declare the list with <list "
                    + "id=\"sanctioned\" …>\n"
            ))
        #expect(result.stdout.hasSuffix("1 error, 0 warnings\n"))
    }

    @Test func lintWarningsAloneDoNotFail() throws {
        let result = try CLIRunner.run(["rules", "lint", "Tests/Fixtures/broken-rules/double-slash.xml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains(": warning: '//' searches the whole record"))
    }

    @Test func lintJSONIsParseable() throws {
        let result = try CLIRunner.run([
            "rules", "lint", "Tests/Fixtures/broken-rules/several-errors.xml", "--format", "json",
        ])
        #expect(result.status == 3)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 3)
        let problems = object?["problems"] as? [[String: Any]]
        #expect(problems?.compactMap { $0["line"] as? Int } == [15, 25, 35])
    }

    @Test func testCatchesWrongExpectationsAndWritesJUnit() throws {
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redline-junit-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: junit) }
        let result = try CLIRunner.run([
            "rules", "test", "Tests/Fixtures/rules-test/wrong-expectations.xml", "--examples",
            "Tests/Fixtures/rules-test/records",
            "--report", "junit=\(junit.path)",
        ])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "FAIL Tests/Fixtures/rules-test/wrong-expectations.xml:17:5: [T-001] example 2 'wrongly expects "
                    + "pass' (pass): expected pass, got fail\n"
            ))
        #expect(result.stdout.hasSuffix("3 failed\n"))
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains("failures=\"2\""))
        #expect(
            xml.contains(
                "<testcase name=\"example 2 'wrongly expects pass' (pass)\" classname=\"T-001\" time=\"0.000\">"))
        #expect(xml.range(of: #"timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d""#, options: .regularExpression) != nil)
        // Written atomically: the temporary file was renamed, nothing else is left next to it.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: junit.deletingLastPathComponent().path)
            .filter { $0.hasPrefix("." + junit.lastPathComponent + ".redline-") }
        #expect(leftovers.isEmpty)
    }

    /// A path through a file cannot be written (a missing folder would be created).
    @Test func testJUnitReportToAnUnwritablePlaceFailsAndLeavesNothing() throws {
        let folder = try TemporaryFolder.make("redline-rules-junit").path
        try "x".write(toFile: folder + "/file", atomically: true, encoding: .utf8)
        let result = try CLIRunner.run([
            "rules", "test", "Tests/Fixtures/rules-test/wrong-expectations.xml", "--report",
            "junit=\(folder)/file/junit.xml",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(folder)/file/junit.xml: error: cannot write the JUnit report: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["file"])
    }

    @Test func testReportsUnknownNamesInADeclarationAsErrors() throws {
        let result = try CLIRunner.run([
            "rules", "test", "Tests/Fixtures/rules-test/wrong-expectations.xml", "--examples",
            "Tests/Fixtures/rules-test/bad-declarations",
        ])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                """
                ERROR Tests/Fixtures/rules-test/bad-declarations/unknown-names.xml:2:1: <?redline-expect?> names verdict 'aprove', which is not a verdict for an application
                    fix: did you mean approve? the verdicts are: refuse, approve-with-conditions, approve
                ERROR Tests/Fixtures/rules-test/bad-declarations/unknown-names.xml:2:1: <?redline-expect?> fires names rule 'NOPE-001', which the rule set does not define
                """))
        #expect(result.stdout.hasSuffix("4 failed (2 with an invalid declaration)\n"))
    }

    @Test func minCoverageFailsBelowTheThreshold() throws {
        let passing = try CLIRunner.run(["rules", "test", "examples/rulesets/bg-national.xml", "--min-coverage", "50"])
        #expect(passing.status == 0)
        let failing = try CLIRunner.run(["rules", "test", "examples/rulesets/bg-national.xml", "--min-coverage", "100"])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("(minimum 100%, FAILED)"))
    }

    @Test func badReportOptionIsAUsageError() throws {
        let result = try CLIRunner.run(["rules", "test", "--report", "xml=out.xml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--report 'xml=out.xml' is not understood; write --report junit=FILE."))
    }

    @Test func showListsOverridesWithReasons() throws {
        let result = try CLIRunner.run(["rules", "show", "examples/rulesets/bg-national.xml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("extends: redline:default\n"))
        #expect(result.stdout.contains("[inherited, overridden]"))
        #expect(result.stdout.contains("  HRDD-001: severity critical, weight 20. Reason: National guidance"))
    }

    @Test func docIsMarkdownOfTheRuleSet() throws {
        let result = try CLIRunner.run(["rules", "doc", "examples/rulesets/bg-national.xml"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# Example national rule set"))
        #expect(result.stdout.contains("## BGN-001"))
    }

    @Test func explainAnUnknownRuleIsAUsageError() throws {
        let result = try CLIRunner.run([
            "explain", "examples/records/approve-lawful-interception.xml", "--rule", "NOPE-001", "--as-of",
            "2024-04-01",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no rule 'NOPE-001' in rule set redline-default"))
    }

    @Test func explainOfACleanRecordExitsZero() throws {
        let result = try CLIRunner.run([
            "explain", "examples/records/approve-lawful-interception.xml", "--as-of", "2024-04-01",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("\nno rule failed\n"))
    }

    @Test func explainOfAMalformedRecordExits2() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redline-bad-\(UUID().uuidString).xml")
        try Data("<licenceRecord".utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try CLIRunner.run(["explain", path.path, "--as-of", "2024-04-01"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("error: not well-formed XML"))
    }

    @Test func explainJSONHasTheConditionTree() throws {
        let result = try CLIRunner.run([
            "explain", "Tests/Fixtures/explain/records/unlimited-flagged.xml", "--rules",
            "Tests/Fixtures/explain/rules.xml",
            "--rule", "EX-002", "--as-of", "2024-01-01", "--format", "json",
        ])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let rule = (object?["rules"] as? [[String: Any]])?.first
        #expect(rule?["outcome"] as? String == "fail")
        #expect(rule?["flipGoal"] as? String == "to pass")
        let assertion = rule?["assert"] as? [String: Any]
        #expect(assertion?["kind"] as? String == "not")
        #expect(assertion?["truth"] as? Bool == false)
        #expect(assertion?["line"] as? Int == 39)
        let call = (assertion?["parts"] as? [[String: Any]])?.first
        #expect(call?["kind"] as? String == "call rl:in-list")
        #expect(call?["truth"] as? Bool == true)
    }
}
