import Foundation

/// Loads a rule set (main file plus included parts), validates it against the rule-language
/// schema, compiles every XPath once and checks what the schema cannot: unknown functions,
/// lists, letters, profiles and namespace prefixes, duplicate ids, policy consistency.
/// Every error carries file, line and column.
public struct RuleSetLoader {
    let source: RuleSource
    var files: [String] = []
    var documents: [(document: XMLDocument, lines: LineTable, tags: StartTagIndex)] = []
    /// Where problems go: thrown at the first, or (lint mode) collected while a rule that does not
    /// compile, a duplicate rule, a bad list entry, include, letter, profile, policy or override is
    /// recorded and skipped.
    var diagnostics = LoadDiagnostics.throwing
    /// In lint mode, the rules left out of the rule set because of a problem.
    var brokenRules: [BrokenRule] = []
    /// In lint mode, whether a file broke the rule-language schema (structural errors follow from it).
    var schemaInvalid = false
    /// The rule sets being loaded through `<extends>`, outermost first (cycle detection).
    var chain: [String] = []
    /// `<override>` and `<disable>` elements met while collecting content.
    var overrideElements: [XMLElement] = []
    /// Whether files are checked against the rule-language schema and expressions by
    /// ``ExpressionChecker``. Off only for the files embedded in the binary outside lint mode: they
    /// are the files the test suite loads with every check (`EmbeddedRuleSetTests`), so checking
    /// them again at every start would only cost time (about a third of `redline check`'s).
    var checks = true

    /// The href of `<extends>` naming the default rule set embedded in the binary.
    public static let defaultRuleSetReference = "redline:default"

    /// Largest rule-set file accepted.
    public static let maxFileBytes = 16 * 1024 * 1024
    /// Most elements in one rule-set file (large reference lists are expected).
    public static let maxFileElements = 200_000

    init(source: RuleSource) {
        self.source = source
    }

    /// Loads the default rule set embedded in the binary.
    ///
    /// The embedded files are not checked against the rule-language schema again, nor their
    /// expressions by the loader's static checks, unless `verifying` is true: the test suite loads
    /// them with every check and requires the same rule set.
    public static func loadDefault(verifying: Bool = false) throws(RedlineError) -> RuleSet {
        try load(path: BuiltIn.defaultRuleSetPath, source: .embedded, verifying: verifying)
    }

    /// Loads a rule set from a file on disk (or the embedded one when `source` is `.embedded`).
    /// Files on disk are always checked; embedded ones only when `verifying` is true.
    public static func load(path: String, source: RuleSource = .fileSystem, verifying: Bool = false)
        throws(RedlineError) -> RuleSet
    {
        var loader = RuleSetLoader(source: source)
        loader.chain = [RuleSetLoader.key(path, source)]
        if case .embedded = source { loader.checks = verifying }
        return try loader.loadMain(path)
    }

    /// Loads a rule set for `redline rules lint`: collects every schema violation, every rule
    /// that does not compile and every other problem that does not stop loading, instead of
    /// stopping at the first. The rule set (without what was skipped) is returned unless the
    /// file cannot be read or parsed, or its extended rule set does not load.
    public static func lint(path: String, source: RuleSource = .fileSystem) -> LintResult {
        var loader = RuleSetLoader(source: source)
        loader.chain = [RuleSetLoader.key(path, source)]
        loader.diagnostics = .collecting
        do {
            let ruleSet = try loader.loadMain(path)
            return LintResult(ruleSet: ruleSet, problems: loader.diagnostics.problems, brokenRules: loader.brokenRules)
        } catch {
            var problems = loader.diagnostics.problems
            if !problems.contains(error) { problems.append(error) }
            return LintResult(ruleSet: nil, problems: problems, brokenRules: [])
        }
    }

    /// In lint mode, records `error` and returns; otherwise throws it.
    mutating func report(_ error: RedlineError) throws(RedlineError) {
        try diagnostics.report(error)
    }

    static func key(_ path: String, _ source: RuleSource) -> String {
        let kind = if case .embedded = source { "embedded:" } else { "file:" }
        return kind + (path as NSString).standardizingPath
    }

    // MARK: - Main file

    /// The declarations before a rule set's content: what `<extends>`, `<letter>`, `<namespace>`,
    /// `<profile>` and `<policy>` say, and the content elements (includes, lists, rules, overrides).
    struct Header {
        var parent: RuleSet?
        var letters: [Letter] = []
        var namespaces = ["r": BuiltIn.recordNamespace, RedlineFunctions.prefix: RedlineFunctions.namespace]
        var profiles: [Profile] = []
        var policy: VerdictPolicy?
        var content: [XMLElement] = []
    }

    mutating func loadMain(_ path: String) throws(RedlineError) -> RuleSet {
        let root = try parse(path, expectedRoot: "ruleset", includedFrom: nil)
        let header = try readHeader(root)
        var lists: [String: ReferenceList] = header.parent?.lists ?? [:]
        var ruleElements: [XMLElement] = []
        var visited: Set<String> = [path]
        try collect(header.content, lists: &lists, rules: &ruleElements, visited: &visited)
        if header.profiles.filter(\.isDefault).count > 1 {
            try report(
                RedlineError(
                    .invalidRules, "more than one profile is marked default=\"true\"", at: SourcePosition(file: path),
                    suggestion: "mark exactly one profile as the default"))
        }
        let context = CompileContext(
            namespaces: header.namespaces, lists: lists, letters: Set(header.letters.map(\.id)),
            profiles: Set(header.profiles.map(\.id)))
        var rules = try compileRules(ruleElements, context: context, parent: header.parent)
        if header.policy == nil, header.parent == nil {
            try report(
                RedlineError(
                    .invalidRules, "rule set has no <policy>", at: position(of: root),
                    suggestion:
                        "add a <policy> after the profiles, or <extends href=\"redline:default\"/> to inherit one"))
        }
        var overrides: [RuleOverride] = []
        let letters = header.letters + (header.parent?.letters ?? [])
        for index in rules.indices { rules[index].demandedFrom = Self.demandedFrom(rules[index], letters: letters) }
        rules = try inheritedRules(from: header.parent, own: rules, overrides: &overrides) + rules
        RuleSetLoader.shareConditions(&rules)
        if let policy = header.policy { try checkCombinations(policy, rules: rules) }
        // Party lists get their screener (possible matches) once, here, shared by every record.
        let version = "rule set \(root.attribute("id") ?? "") \(root.attribute("version") ?? "")"
        let screenedLists = lists.mapValues { $0.screener == nil ? $0.screened(version: version) : $0 }
        var ruleSet = RuleSet(
            id: root.attribute("id") ?? "", version: root.attribute("version") ?? "",
            title: root.child(named: "title")?.text.replacingSpacesRuns() ?? "",
            description: root.child(named: "description")?.text.replacingSpacesRuns() ?? "",
            letters: header.letters, namespaces: header.namespaces, profiles: header.profiles,
            policy: header.policy ?? header.parent?.policy ?? RuleSetLoader.standInPolicy, lists: screenedLists,
            rules: rules, files: files + (header.parent?.files ?? []))
        ruleSet.extends = header.parent.map { _ in root.child(named: "extends")?.attribute("href") ?? "" }
        ruleSet.overrides = overrides
        ruleSet.inheritedRuleIDs = Set(header.parent?.rules.map(\.id) ?? [])
        WarmUp.run(ruleSet)
        return ruleSet
    }

    /// Compiles the rule elements; a rule with a problem (or whose id is taken) is left out and,
    /// in lint mode, kept as a ``BrokenRule``.
    private mutating func compileRules(
        _ elements: [XMLElement], context: CompileContext, parent: RuleSet?
    ) throws(RedlineError) -> [Rule] {
        var rules: [Rule] = []
        var seen: [String: SourcePosition] = [:]
        for rule in parent?.rules ?? [] { seen[rule.id] = rule.position }
        for element in elements {
            let compiled = try compileRule(element, context: context)
            let rule = compiled.rule
            var errors = compiled.errors
            if let clash = RuleSetLoader.idClash(rule, seen: seen, inherited: parent?.rule(rule.id) != nil) {
                errors.append(clash)
            }
            if seen[rule.id] == nil { seen[rule.id] = rule.position }
            if !errors.isEmpty || compiled.isBroken {
                // Only in lint mode: outside it the first error was thrown.
                for error in errors { try report(error) }
                brokenRules.append(BrokenRule(rule: rule, expressions: compiled.expressions))
                continue
            }
            rules.append(rule)
        }
        return rules
    }

    /// The error for a rule whose id an inherited or earlier rule already has, if any.
    private static func idClash(_ rule: Rule, seen: [String: SourcePosition], inherited: Bool) -> RedlineError? {
        guard let first = seen[rule.id] else { return nil }
        if inherited {
            return RedlineError(
                .invalidRules, "rule id '\(rule.id)' is already defined by the extended rule set (at \(first))",
                at: rule.position,
                suggestion:
                    "give the new rule its own id, or change the inherited one with <override rule=\"\(rule.id)\" … "
                    + "reason=\"…\"/>"
            )
        }
        return RedlineError(
            .invalidRules, "duplicate rule id '\(rule.id)' (first defined at \(first))", at: rule.position,
            suggestion: "give every rule a unique id; never reuse an id for another meaning")
    }

    /// The parent's rules with this file's overrides applied (none without a parent: then every
    /// `<override>` and `<disable>` is a problem).
    private mutating func inheritedRules(
        from parent: RuleSet?, own: [Rule], overrides: inout [RuleOverride]
    ) throws(RedlineError) -> [Rule] {
        if let parent {
            return try applyOverrides(to: parent.rules, own: Set(own.map(\.id)), overrides: &overrides)
        }
        for element in overrideElements {
            try report(
                RedlineError(
                    .invalidRules, "<\(element.name)> changes an inherited rule, but this rule set extends none",
                    at: position(of: element),
                    suggestion:
                        "add <extends href=\"redline:default\"/> after the description, or remove the <\(element.name)>"
                ))
        }
        return []
    }

    /// Rules with the same applicability condition share one compiled `when`, so the engine
    /// remembers its value per record by identity (20 default rules share one).
    private static func shareConditions(_ rules: inout [Rule]) {
        var whens: [String: XPathExpression] = [:]
        for index in rules.indices {
            guard let when = rules[index].when else { continue }
            if let shared = whens[when.text] { rules[index].when = shared } else { whens[when.text] = when }
        }
    }

    /// `false()`, standing in for an expression that does not compile in lint mode (never evaluated).
    static func standIn(at position: SourcePosition) throws(RedlineError) -> XPathExpression {
        try XPathExpression("false()", at: position)
    }

    /// The earliest dated letter among those of the rule's demands (`CS21-b` is CS21's).
    static func demandedFrom(_ rule: Rule, letters: [Letter]) -> (date: LocalDate, letter: String)? {
        var earliest: (date: LocalDate, letter: String)?
        for demand in rule.demands {
            let prefix = demand.split(separator: "-").first.map(String.init) ?? demand
            guard let letter = letters.first(where: { $0.id == prefix }), let date = letter.date else { continue }
            if earliest.map({ date < $0.date }) ?? true { earliest = (date, letter.id) }
        }
        return earliest
    }

    /// Every rule a combination names exists, and its verdicts are verdicts of their stage.
    private mutating func checkCombinations(_ policy: VerdictPolicy, rules: [Rule]) throws(RedlineError) {
        let ids = Set(rules.map(\.id))
        for combination in policy.combinations {
            for id in combination.groups.joined() where !ids.contains(id) {
                try report(
                    RedlineError(
                        .invalidRules, "combination \(combination.id) names no rule '\(id)'",
                        at: combination.position, suggestion: "name rules of this rule set in <failing any=\"…\">"))
            }
            for (stage, verdict) in combination.verdicts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let names = policy.policy(for: stage).levels.map(\.name)
                guard !names.contains(verdict) else { continue }
                try report(
                    RedlineError(
                        .invalidRules,
                        "combination \(combination.id) gives '\(verdict)', not a verdict of <\(stage.rawValue)>",
                        at: combination.position, suggestion: "use one of: \(names.joined(separator: ", "))"))
            }
        }
    }

    /// Stands in for a `<policy>` that does not load in lint mode (never used to give a verdict).
    static let standInPolicy = VerdictPolicy(
        application: VerdictPolicy.StagePolicy(
            levels: [VerdictPolicy.Level(name: "approve", severity: nil, below: nil, description: "")],
            onError: "approve"),
        licence: VerdictPolicy.StagePolicy(
            levels: [VerdictPolicy.Level(name: "maintain", severity: nil, below: nil, description: "")],
            onError: "maintain"))
}

extension RuleSetLoader {
    /// What `redline rules lint` gets from loading a rule set.
    public struct LintResult: Sendable {
        /// The rule set without what was skipped; nil when the file cannot be read or parsed,
        /// or the rule set it extends does not load.
        public var ruleSet: RuleSet?
        /// Every problem found while loading, in the order found.
        public var problems: [RedlineError]
        /// The rules left out of `ruleSet` because of a problem, with what can still be checked.
        public var brokenRules: [BrokenRule]
    }

    /// A rule left out of the rule set in lint mode (it does not compile, or its id is taken).
    public struct BrokenRule: Sendable {
        /// The rule, with `false()` standing in for each expression that does not compile:
        /// its demands, citations and examples are as written. Never evaluated.
        public var rule: Rule
        /// Every expression the rule writes, compiled or not.
        public var expressions: [ExpressionSource]
    }

    /// An expression as written: its text and where it starts.
    public struct ExpressionSource: Sendable, Hashable {
        /// The trimmed, decoded text.
        public var text: String
        /// Where the text starts (for element content, just after the `>`).
        public var position: SourcePosition
        /// True for `<when>`, `<assert>`, `<partial>` and `<locate>` (evaluated with the record
        /// root as context node); false for a message's `<value select>` (evaluated at the finding).
        public var isCondition: Bool
        /// The lines of the file it was written in, for element content (nil for an attribute
        /// value, whose offsets are added to the column).
        package var lines: LineTable?

        /// The position of the character `offset` characters into the text.
        package func position(atOffset offset: Int) -> SourcePosition {
            LineTable.position(lines, contentStart: position, offset: offset)
        }
    }
}
