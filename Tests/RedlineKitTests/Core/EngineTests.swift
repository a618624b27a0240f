import RedlineKit
import RedlineTestSupport
import Testing

/// Whole-record evaluation: as-of, outcomes, findings with locations, schema violations.
struct EngineTests {
    static let engine = Engine(ruleSet: Fixtures.defaultRuleSet)

    /// An issued licence to an NSO-group exporter; the misuse report and the designation come later.
    static let licence = Fixtures.record(
        id: "BG-T", stage: "licence", status: "issued", exporter: "Cirrus Bulgaria EOOD",
        body: """
            <parties><party role="end-user" sector="government" branch="intelligence"><name>Agency</name><country>AE</country></party></parties>
            <events>
              <event type="misuse-report" date="2021-07-18" provenance="forensic" source="Amnesty Tech"><summary>Pegasus found on journalists' phones</summary></event>
            </events>
            """)

    static func check(_ text: String, asOf: String, profile: String? = nil, standard: Standard = .asOf)
        -> RecordReport
    {
        engine.check(
            bytes: Array(text.utf8), path: "record.xml",
            options: EvaluationOptions(asOf: LocalDate(asOf)!, profile: profile, standard: standard))
    }

    @Test func eventsAfterTheEvaluationDateDoNotExist() {
        // Judged with every current demand, so that only the event's date decides.
        let before = Self.check(Self.licence, asOf: "2019-05-14", standard: .current)
        let after = Self.check(Self.licence, asOf: "2021-11-04")
        #expect(before.results.first { $0.ruleID == "REVOKE-001" }?.outcome == .pass)
        #expect(after.results.first { $0.ruleID == "REVOKE-001" }?.outcome == .fail)
        #expect(after.verdict == "revoke")
        #expect(before.verdict != "revoke")
        #expect(before.asOf.description == "2019-05-14")
    }

    @Test func aRuleAppliesFromTheLetterThatDemandsIt() throws {
        // REVOKE-001 implements CS21-b: not demanded before CS21 (2021-07-29), unless --standard current.
        let asOfThen = Self.check(Self.licence, asOf: "2021-07-20")
        let result = try #require(asOfThen.results.first { $0.ruleID == "REVOKE-001" })
        #expect(result.outcome == .notApplicable)
        #expect(result.reason?.contains("demanded from 2021-07-29 (CS21)") == true)
        let current = Self.check(Self.licence, asOf: "2021-07-20", standard: .current)
        #expect(current.results.first { $0.ruleID == "REVOKE-001" }?.outcome == .fail)
        #expect(current.standard == .current)
        // A rule with its own effectiveFrom keeps it under both standards.
        for standard in Standard.allCases {
            let report = Self.check(Self.licence, asOf: "2021-07-20", standard: standard)
            #expect(report.results.first { $0.ruleID == "NSO-001" }?.reason == "in force from 2021-07-29")
        }
    }

    @Test func aRecordEvaluatedBeforeItWasSubmittedIsAnInputError() throws {
        let text = Self.licence.replacingOccurrences(
            of: "<lifecycle", with: "<lifecycle"
        ).replacingOccurrences(
            of: "</lifecycle>", with: "<submitted>2021-03-01</submitted></lifecycle>")
        try #require(text.contains("<submitted>"))
        let report = Self.check(text, asOf: "2021-02-28")
        let error = try #require(report.error)
        #expect(error.code == .notYetSubmitted)
        #expect(error.message.contains("2021-03-01") && error.message.contains("2021-02-28"))
        #expect(error.position.line > 1)
        #expect(Self.check(text, asOf: "2021-03-01").status == .evaluated)
    }

    @Test func findingPointsAtTheEvidenceLineAndPath() throws {
        let report = Self.check(Self.licence, asOf: "2021-11-04")
        let finding = try #require(report.findings.first { $0.ruleID == "REVOKE-001" })
        let line = Self.licence.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("misuse-report") }.map { $0 + 1 }
        #expect(finding.location.line == line)
        #expect(finding.location.path == "/licenceRecord/events/event")
        #expect(finding.message.contains("forensic"))
        #expect(finding.message.contains("Pegasus found"))
        #expect(finding.citations.first?.letter == "CS21")
        #expect(!finding.remedy.isEmpty)
    }

    /// A passing rule points at the evidence that satisfies it; a failing one at the finding's
    /// place; a rule that does not apply at nothing.
    @Test func resultsCarryTheLocationOfTheirEvidence() throws {
        let path = Fixtures.path("examples/records/approve-lawful-interception.xml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let report = Self.check(text, asOf: "2024-04-01")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
            $0.contains("<impactAssessment ")
        }
        let hrdd = try #require(report.results.first { $0.ruleID == "HRDD-001" })
        #expect(hrdd.outcome == .pass)
        #expect(hrdd.location?.line == line.map { $0 + 1 })
        #expect(hrdd.location?.path == "/licenceRecord/dueDiligence/impactAssessment")
        #expect(report.results.filter { $0.outcome == .notApplicable }.allSatisfy { $0.location == nil })
        let licence = Self.check(Self.licence, asOf: "2021-11-04")
        let revoke = try #require(licence.results.first { $0.ruleID == "REVOKE-001" })
        #expect(revoke.outcome == .fail)
        #expect(revoke.location == licence.findings.first { $0.ruleID == "REVOKE-001" }?.location)
    }

    @Test func everyRuleHasAnOutcomeAndNotApplicableHasAReason() {
        let report = Self.check(Self.licence, asOf: "2021-11-04")
        #expect(report.results.map(\.ruleID) == Fixtures.defaultRuleSet.rules.map(\.id))
        for result in report.results where result.outcome == .notApplicable {
            #expect(result.reason != nil)
        }
    }

    @Test func schemaViolationsAreFindingsWithLines() {
        let text = """
            <licenceRecord xmlns="urn:redline:licence-record:1" formatVersion="1" id="X" stage="application">
              <lifecycle kind="rental" status="pending"><issuingState>ZZ</issuingState><authority>A</authority></lifecycle>
              <exporter><name>E</name><country>BG</country></exporter>
            </licenceRecord>
            """
        let report = Self.check(text, asOf: "2024-01-01")
        #expect(report.status == .invalid)
        #expect(report.verdict == nil)
        #expect(report.findings.count >= 2)
        #expect(report.findings.allSatisfy { $0.kind == .schema && $0.location.line == 2 })
        #expect(report.findings.contains { $0.message.contains("rental") })
        #expect(report.findings.contains { $0.message.contains("ZZ") })
    }

    /// Text fields may span lines (an end-use statement wrapped in an editor); text of nothing but
    /// whitespace is still refused.
    @Test(arguments: [("Cirrus\n      Bulgaria EOOD", true), ("Test Exporter\r\nLtd", true), ("  \n\t ", false)])
    func textMaySpanLinesButMustNotBeBlank(_ name: String, _ valid: Bool) {
        let report = Self.check(Fixtures.record(exporter: name), asOf: "2024-01-01")
        #expect((report.status == .evaluated) == valid, "\(report.findings.map(\.message))")
        if !valid { #expect(report.findings.contains { $0.kind == .schema && $0.location.line == 4 }) }
    }

    @Test func aRuleSetFileIsNotARecord() {
        let report = Self.check("<ruleset xmlns=\"urn:redline:rules:1\"/>", asOf: "2024-01-01")
        #expect(report.status == .error)
        #expect(report.error?.message.contains("expected a licence record") == true)
    }

    @Test func evaluationErrorNeverCountsAsAPass() throws {
        // A tiny operation limit makes every non-trivial rule fail to evaluate.
        let options = EvaluationOptions(asOf: LocalDate("2024-01-01")!, limits: XMLLimits(xpathOperationLimit: 3))
        let report = Self.engine.check(bytes: Array(Self.licence.utf8), path: "record.xml", options: options)
        let errors = report.results.filter { $0.outcome == .error }
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.credit == 0 })
        #expect(report.findings.contains { $0.kind == .error && $0.message.contains("exceeded the limit of") })
        #expect(report.isClean == false)
    }

    @Test func unknownProfileIsAUsageError() {
        #expect(throws: RedlineError.self) { _ = try Self.engine.resolveProfile("nope") }
        #expect(throws: Never.self) { _ = try Self.engine.resolveProfile("moratorium") }
    }

    @Test func unreadableFileIsReportedNotThrown() {
        let report = Self.engine.check(
            file: "/nonexistent/record.xml", options: EvaluationOptions(asOf: LocalDate("2024-01-01")!))
        #expect(report.status == .error)
        #expect(report.error?.code == .unreadable)
        #expect(report.file == "/nonexistent/record.xml")
    }

    @Test func parallelChecksKeepInputOrderAndAreDeterministic() throws {
        let paths =
            try (0..<12).map { index in
                try Fixtures.temporaryFile(
                    Fixtures.record(id: "P\(index)", exporter: index % 4 == 0 ? "Candiru Ltd" : "Exporter \(index)"),
                    name: "r\(index).xml")
            } + ["/nonexistent.xml"]
        let options = EvaluationOptions(asOf: LocalDate("2022-01-01")!)
        func check(jobs: Int) throws -> [RecordReport] {
            let collector = RecordCollector()
            let auditor = Auditor(engine: Self.engine, options: options, jobs: jobs, chunkSize: 5)
            _ = try auditor.run(paths.map { AuditInput(path: $0, location: $0) }, reporters: [collector])
            return collector.reports
        }
        let one = try check(jobs: 1)
        let four = try check(jobs: 4)
        #expect(one == four)
        #expect(one.map(\.file) == paths)
        #expect(one.filter { $0.findings.contains { $0.ruleID == "SANC-001" } }.count == 3)
    }
}
