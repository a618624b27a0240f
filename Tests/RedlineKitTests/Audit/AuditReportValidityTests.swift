import Foundation
import Testing

@testable import RedlineKit

/// Every report of the dirty corpus checked against what its consumers require: the SARIF
/// schema and GitHub's extra rules, both JUnit XSDs and junitparser's counters, the Actions
/// runner's annotation parsing, and "every input exactly once" in each format.
@Suite(.serialized)
struct AuditReportValidityTests {
    static let output: AuditHarness.Output = {
        // swiftlint:disable:next force_try
        try! AuditHarness.run(waivers: try! AuditHarness.waivers())
    }()

    static func schema(_ name: String) throws -> String {
        try String(contentsOfFile: Fixtures.path("Tests/Fixtures/schemas/\(name)"), encoding: .utf8)
    }

    static var displayPaths: [String] { output.inputs.map(\.path) }

    // MARK: SARIF

    @Test func sarifIsValidAgainstTheOfficialSchema() throws {
        let validator = JSONSchemaValidator(schema: try JSONNode.parse(try Self.schema("sarif-schema-2.1.0.json")))
        let problems = validator.validate(try JSONNode.parse(Self.output["sarif"]))
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func schemaValidatorRejectsABrokenLog() throws {
        // ci-formats.md's broken.sarif: wrong version, no driver name, level fatal, empty message, startLine 0.
        let broken = """
            {"version": "2.0.0", "runs": [{"tool": {"driver": {}}, "results": [{"ruleId": "X", "level": "fatal", "message": {},
              "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]}
            """
        let validator = JSONSchemaValidator(schema: try JSONNode.parse(try Self.schema("sarif-schema-2.1.0.json")))
        let problems = validator.validate(try JSONNode.parse(broken))
        #expect(problems.contains { $0.contains("$.version") })
        #expect(problems.contains { $0.contains("'name' missing") })
        #expect(problems.contains { $0.contains("level") })
        #expect(problems.contains { $0.contains("startLine") })
        #expect(problems.count >= 5, "\(problems)")
    }

    @Test func sarifMeetsGitHubIngestionRules() throws {
        let log = try JSONNode.parse(Self.output["sarif"])
        #expect(GitHubSARIFRules.problems(log) == [])
    }

    @Test func gitHubRulesCatchAbsoluteURIsAndMissingHelp() throws {
        let bad = """
            {"$schema": "x", "version": "2.1.0", "runs": [{"tool": {"driver": {"name": "r", "rules": [{"id": "A",
              "shortDescription": {"text": "s"}, "fullDescription": {"text": "f"}}]}}, "results": [{"ruleId": "A", "ruleIndex": 0,
              "message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "/abs/x.xml"},
              "region": {"startLine": 1}}}]}]}]}
            """
        let problems = GitHubSARIFRules.problems(try JSONNode.parse(bad))
        #expect(problems.contains { $0.contains("help.text") })
        #expect(problems.contains { $0.contains("not repository-relative") })
        #expect(problems.contains { $0.contains("primaryLocationLineHash") })
    }

    @Test func sarifRulesCiteTheLettersAndResultsUseStableFingerprints() throws {
        let log = try JSONNode.parse(Self.output["sarif"])
        let run = try #require(log["runs"]?.array?.first)
        let rules = run["tool"]?["driver"]?["rules"]?.array ?? []
        let nso = try #require(rules.first { $0["id"]?.string == "NSO-001" })
        #expect(nso["help"]?["text"]?.string?.contains("Cites:\n- CS21") == true)
        let results = run["results"]?.array ?? []
        let nsoResult = try #require(results.first { $0["ruleId"]?.string == "NSO-001" })
        let elementPath = nsoResult["locations"]?.array?.first?["logicalLocations"]?.array?.first?[
            "fullyQualifiedName"]?.string
        #expect(elementPath == "/licenceRecord/exporter/group/member[1]/name")
        let expected = Fingerprint.finding(
            ruleID: "NSO-001", recordID: "BG-2019-IMCEC-0042", file: "", elementPath: elementPath ?? "")
        #expect(nsoResult["partialFingerprints"]?["primaryLocationLineHash"]?.string == expected + ":1")
        #expect(nsoResult["rank"] == .number(56.5, isInteger: false), "rank is 100 − score 43.5")
        // Waived findings are present, with a suppression; the URI of an odd file name is escaped.
        #expect(results.contains { $0["ruleId"]?.string == "INTRAEU-001" && $0["suppressions"] != nil })
        let uris = (run["artifacts"]?.array ?? []).compactMap { $0["location"]?["uri"]?.string }
        #expect(uris.contains("Tests/Fixtures/audit/failing/candiru%2C%20100%25.xml"))
    }

    @Test func fingerprintsDoNotDependOnLineNumbers() throws {
        let record = Fixtures.record(id: "FP-1", stage: "licence", status: "issued", exporter: "Candiru Ltd")
        let shifted = record.replacingOccurrences(of: "<lifecycle", with: "\n\n\n<lifecycle")
        func fingerprints(_ text: String) throws -> [String] {
            let sink = MemorySink()
            let reporter = SARIFReporter(sink: sink, artifacts: MemorySink())
            let report = Engine(ruleSet: Fixtures.defaultRuleSet).check(
                bytes: Array(text.utf8), path: "r.xml", options: EvaluationOptions(asOf: AuditHarness.asOf))
            try reporter.begin(
                AuditContext(
                    ruleSet: Fixtures.defaultRuleSet, asOf: AuditHarness.asOf, profile: "due-diligence", total: 1,
                    waivers: .none))
            try reporter.record(
                AuditRecord(
                    index: 0, report: report, waivers: report.findings.map { _ in nil },
                    effective: report.evaluation?.judgement))
            try reporter.finish(AuditSummary())
            let results = try JSONNode.parse(sink.text)["runs"]?.array?.first?["results"]?.array ?? []
            return results.compactMap { $0["partialFingerprints"]?["primaryLocationLineHash"]?.string }.sorted()
        }
        let before = try fingerprints(record)
        #expect(!before.isEmpty)
        #expect(before == (try fingerprints(shifted)))
    }

    @Test func resultsPastGitHubsLimitAreCountedAndTheLogStaysValid() throws {
        let sink = MemorySink()
        let reporter = SARIFReporter(sink: sink, artifacts: MemorySink(), maxResults: 5)
        let inputs = AuditHarness.inputs(["Tests/Fixtures/audit/failing"])
        let auditor = Auditor(
            engine: Engine(ruleSet: Fixtures.defaultRuleSet), options: EvaluationOptions(asOf: AuditHarness.asOf),
            jobs: 1)
        let outcome = try auditor.run(inputs, reporters: [reporter])
        let log = try JSONNode.parse(sink.text)
        let run = try #require(log["runs"]?.array?.first)
        #expect(run["results"]?.array?.count == 5)
        #expect(run["artifacts"]?.array?.count == inputs.count, "every input is still listed")
        let omitted = outcome.summary.activeFindings + outcome.summary.waivedFindings - 5
        #expect(run["invocations"]?.array?.first?["properties"]?["resultsOmitted"]?.int == omitted)
        let validator = JSONSchemaValidator(schema: try JSONNode.parse(try Self.schema("sarif-schema-2.1.0.json")))
        #expect(validator.validate(log) == [])
        #expect(GitHubSARIFRules.problems(log) == [])
    }

    // MARK: JUnit

    @Test(arguments: ["junit-10.xsd", "junit-ant-windyroad.xsd"])
    func junitIsValidAgainst(_ xsd: String) throws {
        let schema = try XMLSchema(text: try Self.schema(xsd), name: xsd)
        let document = try XMLDocument(
            bytes: Array(Self.output["junit"].utf8), path: "audit.junit.xml", limits: XMLLimits(maxBytes: 64 << 20))
        let violations = schema.validate(document)
        #expect(violations.isEmpty, "\(violations.prefix(5))")
    }

    @Test(arguments: ["junit-10.xsd", "junit-ant-windyroad.xsd"])
    func junitSchemasRejectABrokenReport(_ xsd: String) throws {
        let schema = try XMLSchema(text: try Self.schema(xsd), name: xsd)
        let broken = "<testsuites><testsuite><testcase/><bogus/></testsuite></testsuites>"
        #expect(!schema.validate(try XMLDocument(bytes: Array(broken.utf8), path: "broken.xml")).isEmpty)
    }

    @Test func junitCountersMatchTheCasesAndNamesAreUnique() throws {
        let document = try XMLDocument(
            bytes: Array(Self.output["junit"].utf8), path: "audit.junit.xml", limits: XMLLimits(maxBytes: 64 << 20))
        let suites = try #require(document.root).children(named: "testsuite")
        var pairs = Set<String>()
        for suite in suites {
            let cases = suite.children(named: "testcase")
            func count(_ name: String) -> Int { cases.filter { !$0.children(named: name).isEmpty }.count }
            #expect(suite.attribute("tests") == String(cases.count))
            #expect(suite.attribute("failures") == String(count("failure")))
            #expect(suite.attribute("errors") == String(count("error")))
            #expect(suite.attribute("skipped") == String(count("skipped")))
            for item in cases {
                let pair = "\(item.attribute("classname") ?? "")|\(item.attribute("name") ?? "")"
                #expect(pairs.insert(pair).inserted, "duplicate test case \(pair)")
            }
        }
        #expect(suites.map { $0.attribute("name") ?? "" } == Self.displayPaths)
        let broken = suites.filter { ($0.attribute("name") ?? "").contains("/broken/") }
        #expect(!broken.isEmpty && broken.allSatisfy { $0.attribute("errors") == "1" }, "a broken file is an <error>")
    }

    // MARK: GitHub annotations

    @Test func annotationsParseTheWayTheRunnerDoes() throws {
        let (annotations, problems) = AnnotationParser.parse(Self.output["github"])
        #expect(problems.isEmpty, "\(problems)")
        let odd = try #require(annotations.first { $0.properties["file"]?.contains("candiru") == true })
        #expect(
            odd.properties["file"] == "Tests/Fixtures/audit/failing/candiru, 100%.xml",
            "comma and % survive the round trip")
        #expect(odd.properties["title"]?.hasPrefix("redline ") == true)
        #expect(Dictionary(grouping: annotations, by: \.command).values.allSatisfy { $0.count <= 10 })
    }

    @Test func annotationEscapingRoundTrips() {
        let nasty = "a,b:c%d\r\ne::f"
        #expect(AnnotationParser.unescapeProperty(GitHubAnnotationsReporter.escapeProperty(nasty)) == nasty)
        #expect(AnnotationParser.unescapeData(GitHubAnnotationsReporter.escapeData(nasty)) == nasty)
        #expect(!GitHubAnnotationsReporter.escapeProperty(nasty).contains(","))
        #expect(!GitHubAnnotationsReporter.escapeData(nasty).contains("\n"))
        // The negative control: unescaped, the runner would drop a fragment.
        #expect(!AnnotationParser.parse("::error file=a.xml,title=Rule, with comma::m").problems.isEmpty)
    }

    @Test func theMostSevereAnnotationsAreKept() throws {
        let (annotations, _) = AnnotationParser.parse(Self.output["github"])
        let errors = annotations.filter { $0.command == "error" }
        #expect(errors.count == 10)
        // 7 inputs that could not be evaluated or are schema-invalid, then 3 of the 4 critical findings, no major one.
        #expect(
            errors.filter {
                $0.properties["title"]?.contains("input-error") == true
                    || $0.properties["title"]?.contains("schema") == true
            }
            .count == 7)
        let title = { (annotation: AnnotationParser.Annotation) in annotation.properties["title"] ?? "" }
        #expect(errors.filter { title($0).hasSuffix("(critical)") && !title($0).contains("schema") }.count == 3)
        #expect(!errors.contains { $0.properties["title"]?.hasSuffix("(major)") == true })
        let files = errors.compactMap { $0.properties["file"] }
        #expect(files == files.sorted { AuditPath.precedes($0, $1) }, "written in path order")
    }

    @Test func annotationsPastTheLimitAreCountedNotDropped() throws {
        let output = try AuditHarness.run(annotationLimit: 2)
        let (annotations, _) = AnnotationParser.parse(output["github"])
        #expect(annotations.filter { $0.command == "error" }.count == 2)
        #expect(output["github"].contains("annotation(s) not shown (GitHub shows 2 per type per step)"))
    }

    // MARK: Every input exactly once

    @Test func everyInputAppearsExactlyOnceInEveryReport() throws {
        let paths = Self.displayPaths
        #expect(paths.count == 12)
        #expect(paths == paths.sorted { AuditPath.precedes($0, $1) })
        let json = try JSONNode.parse(Self.output["json"])
        #expect((json["records"]?.array ?? []).compactMap { $0["file"]?.string } == paths)
        let sarif = try JSONNode.parse(Self.output["sarif"])
        let artifacts = sarif["runs"]?.array?.first?["artifacts"]?.array ?? []
        #expect(artifacts.compactMap { $0["location"]?["uri"]?.string } == paths.map { SARIFReporter.uri($0) })
        let github = Self.output["github"].split(separator: "\n").filter { $0.hasPrefix("redline: Tests/") }
        #expect(github.count == paths.count)
        for path in paths {
            #expect(Self.output["text"].components(separatedBy: "\n\(path): ").count == 2, "text: \(path)")
            #expect(Self.output["markdown"].components(separatedBy: "- `\(path)`: ").count == 2, "markdown: \(path)")
        }
    }

    /// What GitLab reads of a code-quality report: an array of issues, each with a description,
    /// a check name, a severity GitLab knows, a path and a begin line, and a fingerprint unique
    /// in the report; waived findings are left out, input errors are blockers.
    @Test func codeQualityIssuesHaveWhatGitLabNeeds() throws {
        let issues = try #require(try JSONNode.parse(Self.output["codequality"]).array)
        #expect(issues.count > 10)
        let severities: Set = ["info", "minor", "major", "critical", "blocker"]
        for issue in issues {
            #expect(issue["description"]?.string?.isEmpty == false)
            #expect(issue["check_name"]?.string?.hasPrefix("redline/") == true)
            #expect(severities.contains(issue["severity"]?.string ?? ""), "\(issue)")
            #expect(Self.displayPaths.contains(issue["location"]?["path"]?.string ?? ""))
            #expect((issue["location"]?["lines"]?["begin"]?.int ?? 0) >= 1)
        }
        let fingerprints = issues.compactMap { $0["fingerprint"]?.string }
        #expect(fingerprints.count == issues.count)
        #expect(Set(fingerprints).count == fingerprints.count, "fingerprints are unique")
        let json = try JSONNode.parse(Self.output["json"])
        var findings = 0
        var waived = 0
        var errors = 0
        for record in json["records"]?.array ?? [] {
            findings += record["findings"]?.array?.count ?? 0
            waived += record["waivers"]?.array?.filter { $0["status"]?.string == "waived" }.count ?? 0
            if record["error"] != nil { errors += 1 }
        }
        #expect(issues.count == findings - waived + errors)
        #expect(issues.filter { $0["severity"]?.string == "blocker" }.count == errors)
    }

    @Test func markdownStaysUnderItsBudgetAndSaysWhatItOmitted() throws {
        let output = try AuditHarness.run(markdownLimit: 2000)
        #expect(output["markdown"].utf8.count < 6000)
        #expect(output["markdown"].contains("more finding(s) omitted"))
        #expect(output["markdown"].contains("| Verdict | Records |"))
    }
}
