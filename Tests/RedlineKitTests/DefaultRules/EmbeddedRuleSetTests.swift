import Foundation
import RedlineKit
import RedlineTestSupport
import Synchronization
import Testing

@testable import RedlineXML

/// The embedded default rule set is loaded at start-up without the rule-language schema and the
/// loader's static expression checks (`RuleSetLoader.checks`); these tests are what makes that
/// safe: the same files pass every check, and both loads give the same rules and verdicts.
@Suite("The embedded rule set, trusted at start-up and verified here")
struct EmbeddedRuleSetTests {
    static let verified: RuleSet = {
        do { return try RuleSetLoader.loadDefault(verifying: true) } catch {
            fatalError("the embedded rule set fails a check: \(error)")
        }
    }()

    static let trusted = Fixtures.defaultRuleSet

    /// The embedded files in the rule language (`demands.xml`, the demand catalogue, has its own schema).
    static let ruleFiles = BuiltIn.paths.filter {
        $0.hasPrefix("rules/") && $0.hasSuffix(".xml") && $0 != "rules/demands.xml"
    }

    @Test("every embedded rule file matches the rule-language schema", arguments: ruleFiles)
    func schemaValid(path: String) throws {
        let text = try #require(BuiltIn.file(path))
        let document = try XMLDocument(bytes: Array(text.utf8), path: path)
        let violations = BuiltIn.ruleSetSchema.validate(document)
        #expect(violations.isEmpty, "\(path): \(violations.map(\.message))")
    }

    @Test("the verifying load checks every file and expression and gives the same rules")
    func sameRules() {
        #expect(Self.verified.files == Self.trusted.files)
        #expect(Set(Self.verified.files) == Set(Self.ruleFiles), "every embedded rule file is read")
        #expect(Self.verified.rules.map(Self.describe) == Self.trusted.rules.map(Self.describe))
        #expect(Self.verified.rules.count >= 50)
        #expect(Self.verified.lists.mapValues(\.entries) == Self.trusted.lists.mapValues(\.entries))
        #expect(Self.verified.policy == Self.trusted.policy)
        #expect(Self.verified.profiles == Self.trusted.profiles)
        #expect(Self.verified.letters == Self.trusted.letters)
    }

    static let records: [String] = {
        let folder = Fixtures.path("examples/records")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { "examples/records/" + $0 }
    }()

    @Test("both loads give the same verdict, score, results and findings", arguments: records)
    func sameVerdicts(record: String) throws {
        let options = EvaluationOptions(asOf: try #require(LocalDate("2024-04-01")))
        let path = Fixtures.path(record)
        let checked = Engine(ruleSet: Self.verified).check(file: path, options: options)
        let fast = Engine(ruleSet: Self.trusted).check(file: path, options: options)
        #expect(checked.verdict == fast.verdict)
        #expect(checked.score == fast.score)
        #expect(checked.results == fast.results)
        #expect(checked.findings == fast.findings)
        #expect(checked.results.count >= 40 || checked.error != nil)
    }

    @Test("the trusted load compiles an expression when it is first evaluated, once, on whichever thread")
    func deferredCompilation() throws {
        let ruleSet = try RuleSetLoader.loadDefault()
        let expressions = ruleSet.rules.flatMap { [$0.assertion] + $0.locate + ($0.when.map { [$0] } ?? []) }
        #expect(expressions.count > 100)
        #expect(expressions.allSatisfy { !$0.isCompiled }, "nothing is compiled before a record is evaluated")
        let verified = Self.verified.rules.flatMap { [$0.assertion] + $0.locate + ($0.when.map { [$0] } ?? []) }
        #expect(verified.allSatisfy { $0.isCompiled })
        // Eight threads evaluate the same records at once: every expression compiles once, and the
        // results are the verified rule set's.
        let options = EvaluationOptions(asOf: try #require(LocalDate("2024-04-01")))
        let engine = Engine(ruleSet: ruleSet)
        // Not the oversized party list: its 10-second limit per record is what it tests, and eight
        // threads on a busy machine may reach it.
        let paths = Self.records.filter { !$0.contains("oversized") }.map { Fixtures.path($0) }
        let reports = try parallelReports(paths: paths, engine: engine, options: options, copies: 8)
        let expected = paths.map { Engine(ruleSet: Self.verified).check(file: $0, options: options) }
        for copy in reports {
            #expect(copy.map(\.findings) == expected.map(\.findings))
            #expect(copy.map(\.verdict) == expected.map(\.verdict))
        }
        #expect(expressions.contains { $0.isCompiled })
    }

    /// The reports of `copies` threads each checking every path with `engine`.
    private func parallelReports(paths: [String], engine: Engine, options: EvaluationOptions, copies: Int) throws
        -> [[RecordReport]]
    {
        let results = Mutex<[Int: [RecordReport]]>([:])
        DispatchQueue.concurrentPerform(iterations: copies) { copy in
            let reports = paths.map { engine.check(file: $0, options: options) }
            results.withLock { $0[copy] = reports }
        }
        return results.withLock { dictionary in (0..<copies).map { dictionary[$0] ?? [] } }
    }

    @Test("a rule set on disk is always checked: a copy of the default set with an unknown element is refused")
    func filesOnDiskAreChecked() throws {
        let folder = try TemporaryFolder.make().path
        for path in Self.ruleFiles {
            let name = String(path.dropFirst("rules/".count))
            var text = try #require(BuiltIn.file(path))
            if name == "transparency.xml" {
                text = text.replacingOccurrences(of: "<rule ", with: "<rulez/><rule ", options: [], range: nil)
            }
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        #expect(throws: RedlineError.self) { try RuleSetLoader.load(path: folder + "/redline-default.xml") }
        do {
            _ = try RuleSetLoader.load(path: folder + "/redline-default.xml")
        } catch {
            #expect(error.message.contains("does not match the rule language"), "\(error.message)")
            #expect(error.position.file.hasSuffix("transparency.xml"))
        }
    }

    /// What a rule is, as text: everything the engine reads of it.
    static func describe(_ rule: Rule) -> String {
        let expressions =
            ([rule.when?.text ?? "-", rule.assertion.text] + rule.locate.map { $0.text }).joined(separator: " | ")
            + (rule.partial.map { " | partial \($0.credit): \($0.condition.text)" } ?? "")
        return [
            rule.id, rule.title, rule.category, rule.severity.rawValue, "\(rule.weight)",
            rule.appliesTo?.rawValue ?? "-", "\(rule.whileInForce)", rule.profiles.joined(separator: ","),
            rule.effectiveFrom?.description ?? "-", rule.effectiveUntil?.description ?? "-",
            rule.demands.joined(separator: ","), rule.citations.map { "\($0.letter): \($0.quote)" }.joined(),
            expressions, rule.message.template, rule.partialMessage?.template ?? "-", rule.remedy,
            rule.stageRemedies.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key):\($0.value)" }.joined(),
            rule.examples.map { "\($0.expect) \($0.xml)" }.joined(), "\(rule.position)",
        ].joined(separator: "\n")
    }
}
