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
            for expression in rule.expressions { problems += expressionProblems(expression.text, at: expression.position, lines: expression.lines) }
            var conditions = [rule.assertion] + rule.locate
            if let when = rule.when { conditions.append(when) }
            if let partial = rule.partial { conditions.append(partial.condition) }
            for expression in conditions {
                problems += pathProblems(expression.text, at: expression.position, lines: expression.lines)
            }
        }
        for broken in brokenRules {
            for expression in broken.expressions {
                let lines = expression.isCondition ? expression.lines : nil
                problems += expressionProblems(expression.text, at: expression.position, lines: lines)
                if expression.isCondition { problems += pathProblems(expression.text, at: expression.position, lines: lines) }
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

    /// Names the record schema does not declare, unprefixed element names, and `//`, in an
    /// expression written at `position` (compiled or not).
    func expressionProblems(_ text: String, at position: SourcePosition, lines: LineTable?) -> [LintProblem] {
        let expression = (text: text, position: position, lines: lines)
        let tokens = XPathToken.tokenize(expression.text)
        var problems: [LintProblem] = []
        func at(_ token: XPathToken) -> SourcePosition {
            LineTable.position(lines, contentStart: position, offset: token.start)
        }
        for (index, token) in tokens.enumerated() {
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            let previous = index > 0 ? tokens[index - 1] : nil
            if token.kind == .symbol, token.text == "//" {
                var suggestion = "write the path from the record root (the context node is licenceRecord), e.g. r:parties/r:party"
                if let next, next.kind == .name, next.text.hasPrefix("r:"),
                    let paths = vocabulary.paths[String(next.text.dropFirst(2))], !paths.isEmpty
                {
                    let written = paths.prefix(3).map { "/" + $0.split(separator: "/").map { "r:\($0)" }.joined(separator: "/") }
                    suggestion = "\(next.text) occurs only at \(written.joined(separator: " or ")); write that path"
                }
                problems.append(
                    LintProblem(
                        .warning, "'//' searches the whole record (in '\(expression.text)')", at: at(token),
                        suggestion: suggestion))
                continue
            }
            if token.kind == .literal, let problem = impossibleValue(tokens, literalAt: index, in: expression) {
                problems.append(problem)
                continue
            }
            if token.kind == .variable {
                problems.append(
                    LintProblem(
                        .error, "variable '\(token.text)' is not defined: rule expressions have no variables (in '\(expression.text)')",
                        at: at(token), suggestion: "write the value or the path itself instead of \(token.text)"))
                continue
            }
            guard token.kind == .name, !XPathToken.isOperatorName(tokens, at: index) else { continue }
            if next?.text == "(" || next?.text == "::" { continue }
            let isAttribute = previous?.text == "@" || (previous?.text == "::" && index >= 2 && tokens[index - 2].text == "attribute")
            let parts = token.text.split(separator: ":", maxSplits: 1).map(String.init)
            if isAttribute {
                let name = parts.last ?? ""
                if parts.count == 1, !vocabulary.attributes.contains(name), name != "*" {
                    problems.append(
                        LintProblem(
                            .warning,
                            "attribute '@\(name)' is not declared in the licence record schema, so this test is never true (in '\(expression.text)')",
                            at: at(token),
                            suggestion: nearest(name, in: vocabulary.attributes).map { "did you mean @\($0)?" }
                                ?? "see docs/record-format.md for the record's attributes"))
                }
                continue
            }
            if parts.count == 2, parts[0] == "r" {
                if parts[1] != "*", !vocabulary.elements.contains(parts[1]) {
                    problems.append(
                        LintProblem(
                            .warning,
                            "element 'r:\(parts[1])' is not declared in the licence record schema, so this path never matches (in '\(expression.text)')",
                            at: at(token),
                            suggestion: nearest(parts[1], in: vocabulary.elements).map { "did you mean r:\($0)?" }
                                ?? "see docs/record-format.md for the record's elements"))
                }
            } else if parts.count == 1, vocabulary.elements.contains(parts[0]) {
                problems.append(
                    LintProblem(
                        .warning, "'\(parts[0])' has no namespace prefix, so it never matches a record element (in '\(expression.text)')",
                        at: at(token), suggestion: "write r:\(parts[0])"))
            }
        }
        return problems
    }

    /// `@name = 'literal'` or `r:name = 'literal'` (either order, `=` or `!=`) where the record
    /// schema does not allow the literal: the test is constant.
    private func impossibleValue(
        _ tokens: [XPathToken], literalAt index: Int, in expression: (text: String, position: SourcePosition, lines: LineTable?)
    ) -> LintProblem? {
        func operand(before operatorIndex: Int) -> (name: String, isAttribute: Bool)? {
            guard operatorIndex >= 1, tokens[operatorIndex - 1].kind == .name else { return nil }
            let isAttribute = operatorIndex >= 2 && tokens[operatorIndex - 2].text == "@"
            return (tokens[operatorIndex - 1].text, isAttribute)
        }
        var side: (name: String, isAttribute: Bool)?
        if index >= 1, ["=", "!="].contains(tokens[index - 1].text) {
            side = operand(before: index - 1)
        } else if index + 2 < tokens.count, ["=", "!="].contains(tokens[index + 1].text),
            tokens[index + 2].kind == .name
                || (index + 3 < tokens.count && tokens[index + 2].text == "@" && tokens[index + 3].kind == .name)
        {
            let isAttribute = tokens[index + 2].text == "@"
            side = (tokens[index + (isAttribute ? 3 : 2)].text, isAttribute)
        }
        guard let side else { return nil }
        let value = tokens[index].text
        let allowed: Set<String>?
        let shown: String
        if side.isAttribute {
            guard !side.name.contains(":") else { return nil }
            allowed = vocabulary.attributeValues[side.name]
            shown = "@" + side.name
        } else {
            guard side.name.hasPrefix("r:") else { return nil }
            allowed = vocabulary.elementValues[String(side.name.dropFirst(2))]
            shown = side.name
        }
        guard let allowed, !allowed.contains(value) else { return nil }
        let near = allowed.count <= 60 ? nearest(value, in: allowed) : nil
        let list = allowed.count <= 12 ? ": one of \(allowed.sorted().joined(separator: ", "))" : " (rules/schemas/licence-record-1.xsd)"
        return LintProblem(
            .warning,
            "'\(value)' is not a value \(shown) can have in the licence record schema, so this comparison is constant (in '\(expression.text)')",
            at: LineTable.position(expression.lines, contentStart: expression.position, offset: tokens[index].start),
            suggestion: near.map { "did you mean '\($0)'?" } ?? "use a value the schema allows\(list)")
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
                            "rule \(rule.id) has the same <when> and <assert> as rule \(first.id) (at \(first.position)), so it always gives the same outcome",
                            at: rule.position, suggestion: "merge the two rules, or change the condition of one"))
                }
            } else {
                seen[key] = rule
            }
        }
        return problems
    }

    /// The closest name by edit distance (at most 3 edits), if any.
    private func nearest(_ name: String, in names: Set<String>) -> String? {
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
