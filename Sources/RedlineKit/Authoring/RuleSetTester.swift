import Foundation

/// `redline rules test`: runs every rule's inline examples and every example record that
/// declares its expected verdict and findings (``RecordExpectation``), and measures which
/// outcomes and branches of each rule the examples exercised.
public struct RuleSetTester: Sendable {
    /// The outcome of a test run.
    public struct Run: Sendable {
        /// Every check, inline examples first (in rule order), then records (by file name).
        public var cases: [RuleTestCase]
        /// Per rule, in rule order.
        public var coverage: [ConditionCoverage]
        /// Example records without a `redline-expect` declaration (not checked).
        public var undeclaredRecords: [String]

        /// The failed checks.
        public var failures: [RuleTestCase] { cases.filter { !$0.passed } }

        /// Coverage points hit over all rules, as a percentage (100 when there is nothing to cover).
        public var coveragePercent: Double {
            let total = coverage.reduce(0) { $0 + $1.total }
            guard total > 0 else { return 100 }
            let hit = coverage.reduce(0) { $0 + $1.hit }
            return (Double(hit) * 1000 / Double(total)).rounded() / 10
        }

        /// Whether coverage is below `minimum` (never when there is no minimum).
        public func isBelow(minimumCoverage minimum: Double?) -> Bool {
            minimum.map { coveragePercent < $0 } ?? false
        }

        /// Whether every check passed and coverage reaches `minimum`.
        public func passes(minimumCoverage minimum: Double?) -> Bool {
            failures.isEmpty && !isBelow(minimumCoverage: minimum)
        }
    }

    /// The rule set under test.
    public let ruleSet: RuleSet
    private let explainer: RuleExplainer

    /// Creates a tester.
    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        explainer = RuleExplainer(ruleSet: ruleSet)
    }

    /// Runs the inline examples and, when `recordsDirectory` is given, its `*.xml` records.
    /// - Throws: ``RedlineError`` when the directory cannot be listed or a declaration is malformed.
    public func run(recordsDirectory: String?) throws(RedlineError) -> Run {
        var coverage = Dictionary(uniqueKeysWithValues: ruleSet.rules.map { ($0.id, ConditionCoverage(rule: $0)) })
        var cases: [RuleTestCase] = []
        for rule in ruleSet.rules {
            for index in rule.examples.indices {
                let outcome = explainer.engine.runExample(rule, index: index)
                let explanation = explainer.explain(rule, example: index)
                if let explanation { coverage[rule.id]?.record(explanation) }
                let example = rule.examples[index]
                var details: [String] = []
                if !outcome.passed {
                    if let detail = outcome.detail { details.append(detail) }
                    if let explanation { details += RuleSetTester.values(explanation) }
                }
                let name = "example \(index + 1)\(example.name.map { " '\($0)'" } ?? "") (\(example.expect.rawValue))"
                cases.append(
                    RuleTestCase(
                        suite: rule.id, name: name, passed: outcome.passed, expected: outcome.expected.rawValue,
                        actual: outcome.actual.rawValue, details: details, position: example.position))
            }
        }
        var undeclared: [String] = []
        if let recordsDirectory {
            for path in try RuleSetTester.records(in: recordsDirectory) {
                let bytes = try FileInput.read(path, limit: XMLLimits.default.maxBytes)
                let expectations = try RecordExpectation.parse(String(decoding: bytes, as: UTF8.self), path: path)
                if expectations.isEmpty { undeclared.append(path) }
                for expectation in expectations {
                    cases.append(check(path, expectation, coverage: &coverage))
                }
            }
        }
        return Run(cases: cases, coverage: ruleSet.rules.compactMap { coverage[$0.id] }, undeclaredRecords: undeclared)
    }

    // Swift 6.3.1's optimizer crashes on this function ("Found ownership error?!" in CopyPropagation,
    // release builds only); it runs once per example record, so it is left unoptimized.
    @_optimize(none)
    private func check(_ path: String, _ expectation: RecordExpectation, coverage: inout [String: ConditionCoverage])
        -> RuleTestCase
    {
        let options = EvaluationOptions(
            asOf: expectation.asOf, profile: expectation.profile, standard: expectation.standard ?? .asOf)
        var testCase = RuleTestCase(
            suite: path,
            name: "as of \(expectation.asOf)\(expectation.profile.map { ", profile \($0)" } ?? "")"
                + (expectation.standard.map { ", standard \($0.rawValue)" } ?? ""),
            passed: false, expected: RuleSetTester.describe(verdict: expectation.verdict, fires: expectation.fires),
            actual: "", details: [], position: expectation.position)
        let explained: (report: RecordReport, explanations: [RuleExplanation])
        do {
            explained = try explainer.explain(file: path, ruleIDs: ruleSet.rules.map(\.id), options: options)
        } catch {
            testCase.actual = "error: \(error.message)"
            return testCase
        }
        let report = explained.report
        testCase.declarationErrors = declarationErrors(expectation, stage: report.stage)
        if testCase.isError {
            testCase.actual = "an invalid declaration"
            for error in testCase.declarationErrors {
                testCase.details.append("error: \(error.message)" + (error.suggestion.map { " (\($0))" } ?? ""))
            }
            return testCase
        }
        guard report.status == .evaluated else {
            testCase.actual =
                "not evaluated: \(report.error?.message ?? report.findings.first?.message ?? report.status.rawValue)"
            return testCase
        }
        for explanation in explained.explanations { coverage[explanation.ruleID]?.record(explanation) }
        let fired = Set(report.findings.map(\.ruleID)).sorted()
        let errored = report.results.filter { $0.outcome == .error }.map(\.ruleID).sorted()
        testCase.actual = RuleSetTester.describe(verdict: report.verdict, fires: fired)
        var passed = true
        if let verdict = expectation.verdict, verdict != report.verdict {
            passed = false
            testCase.details.append(
                "verdict: expected \(verdict), got \(report.verdict ?? "none") (score "
                    + "\(report.score.map { ExplanationRenderer.number($0) } ?? "?"))"
            )
        }
        if let fires = expectation.fires, fires != fired {
            passed = false
            let missing = Set(fires).subtracting(fired).sorted()
            let unexpected = Set(fired).subtracting(fires).sorted()
            if !missing.isEmpty {
                testCase.details.append("expected to fire but did not: \(missing.joined(separator: " "))")
            }
            if !unexpected.isEmpty {
                testCase.details.append("fired but not expected: \(unexpected.joined(separator: " "))")
            }
            for explanation in explained.explanations
            where missing.contains(explanation.ruleID) || unexpected.contains(explanation.ruleID) {
                testCase.details.append(
                    "\(explanation.ruleID) gave "
                        + "\(explanation.outcome.rawValue)\(explanation.reason.map { " (\($0))" } ?? ""):"
                )
                testCase.details += RuleSetTester.values(explanation)
            }
        }
        if let errors = expectation.errors, errors != errored {
            passed = false
            testCase.details.append(
                "expected errors: \(errors.isEmpty ? "none" : errors.joined(separator: " ")); got: "
                    + "\(errored.isEmpty ? "none" : errored.joined(separator: " "))"
            )
        }
        testCase.passed = passed
        return testCase
    }

    /// Names in a declaration that the rule set does not know: a verdict that is none of the
    /// stage's verdicts (of either stage when the record's stage is unknown), rule ids in `fires`
    /// and `errors`, a profile. Each error is placed at the processing instruction.
    func declarationErrors(_ expectation: RecordExpectation, stage: Stage?) -> [RedlineError] {
        let at = expectation.position
        let pi = "<?\(RecordExpectation.target)?>"
        var errors: [RedlineError] = []
        func nearest(_ name: String, in names: [String]) -> String? {
            let scored = names.map { ($0, RuleSetLinter.distance(name.lowercased(), $0.lowercased())) }.filter {
                $0.1 <= 2
            }
            return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
        }
        if let verdict = expectation.verdict {
            let stages = stage.map { [$0] } ?? Stage.allCases
            var names = stages.flatMap { ruleSet.policy.policy(for: $0).levels.map(\.name) }
            if stages.contains(.licence) { names.append(VerdictPolicy.notInForce) }
            if !names.contains(verdict) {
                let kind = stage.map(\.withArticle) ?? "a record"
                errors.append(
                    RedlineError(
                        .invalidRules, "\(pi) names verdict '\(verdict)', which is not a verdict for \(kind)", at: at,
                        suggestion: (nearest(verdict, in: names).map { "did you mean \($0)? " } ?? "")
                            + "the verdicts are: \(names.joined(separator: ", "))"))
            }
        }
        let ids = ruleSet.rules.map(\.id)
        for (attribute, listed) in [("fires", expectation.fires), ("errors", expectation.errors)] {
            for id in listed ?? [] where ruleSet.rule(id) == nil {
                errors.append(
                    RedlineError(
                        .invalidRules, "\(pi) \(attribute) names rule '\(id)', which the rule set does not define",
                        at: at,
                        suggestion: nearest(id, in: ids).map { "did you mean \($0)?" }
                            ?? "redline rules show lists the rules"))
            }
        }
        if let profile = expectation.profile, !ruleSet.profiles.contains(where: { $0.id == profile }) {
            let names = ruleSet.profiles.map(\.id)
            errors.append(
                RedlineError(
                    .invalidRules, "\(pi) names profile '\(profile)', which the rule set does not declare", at: at,
                    suggestion: "use one of: \(names.joined(separator: ", "))"))
        }
        return errors
    }

    /// The values each condition part saw, one line each.
    static func values(_ explanation: RuleExplanation) -> [String] {
        let renderer = ExplanationRenderer()
        var lines: [String] = []
        for (label, condition) in [
            ("when", explanation.when), ("assert", explanation.assertion), ("partial", explanation.partial),
        ] {
            guard let condition else { continue }
            lines.append("\(label):")
            lines += renderer.tree(condition, depth: 1).split(separator: "\n").map(String.init)
        }
        return lines
    }

    static func describe(verdict: String?, fires: [String]?) -> String {
        var parts: [String] = []
        if let verdict { parts.append("verdict \(verdict)") }
        if let fires { parts.append(fires.isEmpty ? "no rule fires" : "fires \(fires.joined(separator: " "))") }
        return parts.isEmpty ? "anything" : parts.joined(separator: ", ")
    }

    /// The `*.xml` files of a directory, sorted by name.
    static func records(in directory: String) throws(RedlineError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RedlineError(
                .unreadable, "cannot list the example records directory", at: SourcePosition(file: directory),
                suggestion: "pass --examples with a folder of licence records (e.g. examples/records)")
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { base + $0 }
    }
}
