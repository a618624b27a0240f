import RedlineKit
import RedlineTestSupport
import Testing

/// The registry of report formats: what `check` and `audit` offer, how requests are checked,
/// and that the reporters it makes write the golden reports.
struct ReportFormatTests {
    @Test func theRegistryListsEveryFormatOnceWithItsUsage() {
        let names = ReportFormat.all.map(\.name)
        #expect(names == ["text", "json", "sarif", "junit", "github", "markdown", "codequality", "html"])
        #expect(Set(names).count == names.count)
        let usages = [
            "text", "json[=FILE]", "sarif=FILE", "junit=FILE", "github", "markdown[=FILE]", "codequality=FILE",
            "html[=FILE]",
        ]
        #expect(ReportFormat.all.map(\.usage) == usages)
        #expect(ReportFormat.offered(by: .check).map(\.name) == ["text", "json", "html"])
        #expect(ReportFormat.offered(by: .audit) == ReportFormat.all)
    }

    @Test(arguments: [
        (["sarif"], "--report sarif needs a file: --report sarif=FILE."),
        (["text=out.txt"], "--report text writes to standard output; it takes no file."),
        (
            ["json", "text"],
            "--report json, markdown or html on standard output cannot be combined with another report on standard output; "
                + "give it a file (json=FILE)."
        ),
        (["json=a", "sarif=a"], "two --report options name the same file."),
    ])
    func invalidRequestsAreExplained(_ arguments: [String], _ problem: String) throws {
        let requests = try arguments.map { try #require(ReportRequest($0)) }
        #expect(ReportRequest.problem(with: requests) == problem)
    }

    @Test func validRequestsHaveNoProblem() throws {
        let arguments = ["text", "github", "json=-x", "markdown=m.md", "sarif=s", "junit=j"]
        let requests = try arguments.map { try #require(ReportRequest($0)) }
        #expect(ReportRequest.problem(with: requests) == nil)
        #expect(ReportRequest("nope") == nil)
        #expect(ReportRequest("json=") == nil)
        #expect(ReportRequest("json=-")?.toStandardOutput == true)
    }

    /// The reporters the registry makes for `audit` write the golden reports; a Markdown report
    /// also writes the job summary when the host has one.
    @Test func theRegistrysAuditReportersWriteTheGoldenReports() throws {
        let sinks = ReportFormat.all.map { _ in MemorySink() }
        let jobSummary = MemorySink()
        let host = MemoryHost(jobSummary: jobSummary)
        var reporters: [any AuditReporter] = []
        for (format, sink) in zip(ReportFormat.all, sinks) {
            let output = ReportOutput(sink: sink, file: nil, colour: false, host: host)
            reporters += try format.reporters(for: .audit, to: output)
        }
        #expect(reporters.count == ReportFormat.all.count + 1)
        let auditor = Auditor(
            engine: Engine(ruleSet: Fixtures.defaultRuleSet), options: EvaluationOptions(asOf: AuditHarness.asOf),
            waivers: try AuditHarness.waivers(), jobs: 2, chunkSize: 5)
        _ = try auditor.run(AuditHarness.inputs(), reporters: reporters)
        for (format, sink) in zip(ReportFormat.all, sinks) {
            try AuditGoldenTests.golden(format.name).expectMatches(sink.text)
        }
        #expect(jobSummary.text.hasPrefix("## redline audit: 12 record(s)"))
    }
}
