/// `redline rules lint`: everything the loader checks (collected, not just the first problem),
/// then demand ids, verbatim citations and examples, then suspicious patterns as warnings:
/// names the record schema does not declare, `//` where an absolute path works, rules shadowed
/// by an earlier one. Only the rule set's own rules are linted, not inherited ones. A rule the
/// loader left out (it does not compile, or its id is taken) still gets every check that does
/// not need it compiled, so one run reports every independent problem.
public struct RuleSetLinter: Sendable {
    /// The demand catalogue rules' demand ids are checked against (nil: not checked).
    public var catalogue: DemandCatalogue?
    /// The letters citations are checked against.
    public var seeds: SeedLibrary
    /// The record vocabulary for the suspicious-name checks.
    public var vocabulary: RecordVocabulary

    /// Creates a linter.
    public init(catalogue: DemandCatalogue?, seeds: SeedLibrary, vocabulary: RecordVocabulary = .record) {
        self.catalogue = catalogue
        self.seeds = seeds
        self.vocabulary = vocabulary
    }

    /// Lints a rule set file; the problems are sorted by file, line and column.
    public func lint(path: String, source: RuleSource = .fileSystem) -> [LintProblem] {
        let loaded = RuleSetLoader.lint(path: path, source: source)
        var problems = loaded.problems.map(LintProblem.init)
        if let ruleSet = loaded.ruleSet { problems += lint(ruleSet, brokenRules: loaded.brokenRules) }
        var seen: Set<LintProblem> = []
        problems = problems.filter { seen.insert($0).inserted }
        return problems.sorted { a, b in
            if a.position.file != b.position.file { return a.position.file < b.position.file }
            if a.position.line != b.position.line { return a.position.line < b.position.line }
            if a.position.column != b.position.column { return a.position.column < b.position.column }
            return a.message < b.message
        }
    }

    /// The checks that need a loaded rule set; `brokenRules` are the rules the loader left out,
    /// checked for everything but shadowing.
    public func lint(_ ruleSet: RuleSet, brokenRules: [RuleSetLoader.BrokenRule] = []) -> [LintProblem] {
        var own = ruleSet
        own.rules = ruleSet.rules.filter { !ruleSet.inheritedRuleIDs.contains($0.id) }
        let compiledCount = own.rules.count
        own.rules += brokenRules.map(\.rule)
        var problems = Traceability.citationProblems(ruleSet: own, seeds: seeds).map(LintProblem.init)
        if let catalogue {
            problems += Traceability(ruleSet: own, catalogue: catalogue).unknownDemandProblems().map(LintProblem.init)
        }
        for rule in own.rules { problems += exampleProblems(rule) }
        for rule in own.rules.prefix(compiledCount) {
            for expression in rule.expressions {
                let linted = Linted(expression.syntax, at: expression.position, lines: expression.lines)
                problems += expressionProblems(linted)
            }
            var conditions = [rule.assertion] + rule.locate
            if let when = rule.when { conditions.append(when) }
            if let partial = rule.partial { conditions.append(partial.condition) }
            for expression in conditions {
                problems += pathProblems(Linted(expression.syntax, at: expression.position, lines: expression.lines))
            }
        }
        for broken in brokenRules {
            for expression in broken.expressions {
                let linted = Linted(XPathSyntax(expression.text), at: expression.position, lines: expression.lines)
                problems += expressionProblems(linted)
                if expression.isCondition { problems += pathProblems(linted) }
            }
        }
        problems += shadowProblems(ruleSet)
        return problems
    }

    private func exampleProblems(_ rule: Rule) -> [LintProblem] {
        let expectations = Set(rule.examples.map(\.expect.rawValue))
        var problems: [LintProblem] = []
        if !expectations.contains("pass") {
            problems.append(
                LintProblem(
                    .warning, "rule \(rule.id) has no passing example", at: rule.position,
                    suggestion: "add <example expect=\"pass\"> with a minimal record the rule accepts"))
        }
        if expectations.isDisjoint(with: ["fail", "partial"]) {
            problems.append(
                LintProblem(
                    .warning, "rule \(rule.id) has no failing example", at: rule.position,
                    suggestion: "add <example expect=\"fail\"> with a minimal record the rule rejects"))
        }
        return problems
    }

    /// A rule whose applicability and assertion equal an earlier rule's.
    private func shadowProblems(_ ruleSet: RuleSet) -> [LintProblem] {
        var seen: [String: Rule] = [:]
        var problems: [LintProblem] = []
        for rule in ruleSet.rules {
            let key = [
                rule.when?.text.replacingSpacesRuns() ?? "", rule.assertion.text.replacingSpacesRuns(),
                rule.appliesTo?.rawValue ?? "any", rule.profiles.joined(separator: " "),
            ].joined(separator: "\u{0}")
            if let first = seen[key] {
                if !ruleSet.inheritedRuleIDs.contains(rule.id) {
                    problems.append(
                        LintProblem(
                            .warning,
                            "rule \(rule.id) has the same <when> and <assert> as rule \(first.id) (at "
                                + "\(first.position)), so it always gives the same outcome",
                            at: rule.position, suggestion: "merge the two rules, or change the condition of one"))
                }
            } else {
                seen[key] = rule
            }
        }
        return problems
    }

    /// The closest name by edit distance (at most 3 edits), if any.
    func nearest(_ name: String, in names: Set<String>) -> String? {
        let scored = names.map { ($0, RuleSetLinter.distance(name.lowercased(), $0.lowercased())) }.filter { $0.1 <= 3 }
        return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
