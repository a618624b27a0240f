import Foundation
import RedlineKit
import Testing

/// One `<?redline-expect as-of="…" verdict="…" fires="…" profile="…"?>` declaration of an example record.
struct ExampleExpectation: CustomTestStringConvertible, Sendable {
    var file: String
    var asOf: String
    var profile: String?
    var standard: Standard?
    var verdict: String
    var fires: [String]
    /// Rules declared to end in an error (e.g. the XPath operation limit on a huge record).
    var errors: [String]

    var testDescription: String {
        "\(file) as of \(asOf)\(profile.map { " (\($0))" } ?? "")\(standard.map { " standard \($0.rawValue)" } ?? "")"
    }

    /// Every declaration of every record in `examples/records`, in file order, read with the
    /// same parser as `redline rules test` (``RecordExpectation``).
    static let all: [ExampleExpectation] = declarations(in: "examples/records")

    /// Every declaration of the scenario suite (Tests/Fixtures/scenarios/README.md): records written
    /// to test the verdicts a careful reader of the letters gives.
    static let scenarios: [ExampleExpectation] = declarations(in: "Tests/Fixtures/scenarios")

    static func declarations(in relative: String) -> [ExampleExpectation] {
        let folder = Fixtures.path(relative)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".xml")
        }.sorted()
        return names.flatMap { name -> [ExampleExpectation] in
            let file = relative + "/" + name
            let text = (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? ""
            // A declaration that does not parse becomes an expectation no record can meet.
            let declared = (try? RecordExpectation.parse(text, path: file)) ?? []
            return declared.map { expectation in
                ExampleExpectation(
                    file: file, asOf: expectation.asOf.description, profile: expectation.profile,
                    standard: expectation.standard, verdict: expectation.verdict ?? "", fires: expectation.fires ?? [],
                    errors: expectation.errors ?? []
                )
            }
        }
    }
}

/// The example records of `examples/records`: each declares its expected verdict and the rules
/// that fire, and the default rule set must give exactly that.
struct ExampleRecordsTests {
    static let engine = Engine(ruleSet: Fixtures.defaultRuleSet)

    @Test(arguments: ExampleExpectation.all + ExampleExpectation.scenarios)
    func verdictAndFiredRulesAreAsDeclared(_ expectation: ExampleExpectation) throws {
        let asOf = try #require(LocalDate(expectation.asOf), "bad as-of in \(expectation.file)")
        let options = EvaluationOptions(
            asOf: asOf, profile: expectation.profile, standard: expectation.standard ?? .asOf)
        let report = Self.engine.check(file: Fixtures.path(expectation.file), options: options)
        #expect(report.error == nil, "\(report.error?.description ?? "")")
        #expect(report.verdict == expectation.verdict)
        let fired = Set(report.findings.map(\.ruleID))
        #expect(
            fired == Set(expectation.fires),
            "unexpected: \(fired.subtracting(expectation.fires).sorted()), missing: \(Set(expectation.fires).subtracting(fired).sorted())"
        )
        let errored = Set(report.results.filter { $0.outcome == .error }.map(\.ruleID))
        #expect(errored == Set(expectation.errors))
    }

    @Test func atLeastTwelveExampleRecordsEachWithAnExpectation() throws {
        let folder = Fixtures.path("examples/records")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }
        #expect(names.count >= 12)
        let declared = Set(ExampleExpectation.all.map(\.file))
        for name in names {
            #expect(declared.contains("examples/records/" + name), "\(name) declares no expected verdict")
        }
    }

    @Test func theScenarioSuiteHasFortyRecordsAndEveryVerdictOfEveryStage() throws {
        let folder = Fixtures.path("Tests/Fixtures/scenarios")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }
        #expect(names.count >= 40)
        let declared = Set(ExampleExpectation.scenarios.map(\.file))
        for name in names {
            #expect(declared.contains("Tests/Fixtures/scenarios/" + name), "\(name) declares no expected verdict")
        }
        let verdicts = Set(ExampleExpectation.scenarios.map(\.verdict))
        let all = [
            "approve", "approve-with-conditions", "refuse", "maintain", "review", "suspend", "revoke", "not-in-force",
            "confirm", "require-licence",
        ]
        for verdict in all { #expect(verdicts.contains(verdict), "no scenario expects \(verdict)") }
        #expect(ExampleExpectation.scenarios.contains { $0.standard == .current })
        #expect(ExampleExpectation.scenarios.contains { $0.profile == "moratorium" })
    }

    @Test func everyVerdictOfBothStagesIsExemplified() {
        let verdicts = Set(ExampleExpectation.all.map(\.verdict))
        for verdict in ["approve", "approve-with-conditions", "refuse", "maintain", "review", "suspend", "revoke"] {
            #expect(verdicts.contains(verdict), "no example record expects \(verdict)")
        }
    }

    @Test func everyRuleOutcomeIsExemplifiedByTheRecords() throws {
        var outcomes: Set<RuleResult.Outcome> = []
        for expectation in ExampleExpectation.all {
            let options = EvaluationOptions(
                asOf: try #require(LocalDate(expectation.asOf)), profile: expectation.profile)
            outcomes.formUnion(
                Self.engine.check(file: Fixtures.path(expectation.file), options: options).results.map(\.outcome))
        }
        #expect(outcomes == [.pass, .fail, .notApplicable, .error])
    }

    /// The NSO-group licence changes verdict with the evaluation date: the Entity List entry and
    /// the Pegasus Project findings do not exist as of 2019-05-14.
    @Test func theSameLicenceIsJudgedByWhatWasKnownOnTheEvaluationDate() throws {
        let path = Fixtures.path("examples/records/bg-2019-nso-group-licence.xml")
        let early = Self.engine.check(
            file: path, options: EvaluationOptions(asOf: try #require(LocalDate("2019-05-14"))))
        let late = Self.engine.check(
            file: path, options: EvaluationOptions(asOf: try #require(LocalDate("2021-11-04"))))
        #expect(!early.findings.contains { $0.ruleID == "SANC-001" })
        #expect(late.findings.contains { $0.ruleID == "SANC-001" })
        #expect((late.score ?? 100) < (early.score ?? 0))
        #expect(early.verdict == "maintain")
        #expect(late.verdict == "revoke")
        // The licence is still valid on the later date: it is revoked, not expired.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("<validUntil>2022-02-28</validUntil>"))
    }

    @Test func selfDeclaredEvidenceNeverFullySatisfiesAndTheFindingSaysSo() throws {
        let options = EvaluationOptions(asOf: try #require(LocalDate("2024-04-01")))
        let independent = Self.engine.check(
            file: Fixtures.path("examples/records/approve-lawful-interception.xml"), options: options)
        let declared = Self.engine.check(
            file: Fixtures.path("examples/records/self-declared-lawful-interception.xml"), options: options)
        #expect(independent.findings.isEmpty)
        let partial = declared.findings.filter { $0.kind == .partial }
        #expect(
            Set(partial.map(\.ruleID)).isSuperset(of: [
                "HRDD-001", "HRDD-002", "MONITOR-002", "GROUP-001", "ROL-002", "OVERSIGHT-001", "WHISTLE-001",
            ]))
        for finding in partial {
            #expect(finding.credit > 0 && finding.credit < 1)
            #expect(
                finding.message.contains("self-declared") || finding.message.contains("applicant")
                    || finding.message.contains("exporter itself"), "\(finding.ruleID): \(finding.message)")
        }
        #expect((declared.score ?? 100) < (independent.score ?? 0))
    }
}
