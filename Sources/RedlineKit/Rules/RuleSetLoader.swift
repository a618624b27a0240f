import Foundation

/// Loads a rule set (main file plus included parts), validates it against the rule-language
/// schema, compiles every XPath once and checks what the schema cannot: unknown functions,
/// lists, letters, profiles and namespace prefixes, duplicate ids, policy consistency.
/// Every error carries file, line and column.
public struct RuleSetLoader {
    let source: RuleSource
    private var files: [String] = []
    private var documents: [(document: XMLDocument, lines: LineTable)] = []
    /// In lint mode, the problems collected so far: a rule that does not compile, a duplicate
    /// rule, a bad list entry, include, letter, profile, policy or override is recorded and skipped,
    /// and loading goes on, so that every independent problem is reported in one run.
    var problems: [RedlineError]?
    /// In lint mode, the rules left out of the rule set because of a problem.
    private var brokenRules: [BrokenRule] = []
    /// In lint mode, whether a file broke the rule-language schema (structural errors follow from it).
    private var schemaInvalid = false
    /// The rule sets being loaded through `<extends>`, outermost first (cycle detection).
    var chain: [String] = []
    /// `<override>` and `<disable>` elements met while collecting content.
    var overrideElements: [XMLElement] = []

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
    public static func loadDefault() throws(RedlineError) -> RuleSet {
        try load(path: BuiltIn.defaultRuleSetPath, source: .embedded)
    }

    /// Loads a rule set from a file on disk (or the embedded one when `source` is `.embedded`).
    public static func load(path: String, source: RuleSource = .fileSystem) throws(RedlineError) -> RuleSet {
        var loader = RuleSetLoader(source: source)
        loader.chain = [RuleSetLoader.key(path, source)]
        return try loader.loadMain(path)
    }

    /// Loads a rule set for `redline rules lint`: collects every schema violation, every rule
    /// that does not compile and every other problem that does not stop loading, instead of
    /// stopping at the first. The rule set (without what was skipped) is returned unless the
    /// file cannot be read or parsed, or its extended rule set does not load.
    public static func lint(path: String, source: RuleSource = .fileSystem) -> LintResult {
        var loader = RuleSetLoader(source: source)
        loader.chain = [RuleSetLoader.key(path, source)]
        loader.problems = []
        do {
            let ruleSet = try loader.loadMain(path)
            return LintResult(ruleSet: ruleSet, problems: loader.problems ?? [], brokenRules: loader.brokenRules)
        } catch {
            var problems = loader.problems ?? []
            if !problems.contains(error) { problems.append(error) }
            return LintResult(ruleSet: nil, problems: problems, brokenRules: [])
        }
    }

    /// In lint mode, records `error` and returns; otherwise throws it.
    mutating func report(_ error: RedlineError) throws(RedlineError) {
        guard problems != nil else { throw error }
        problems?.append(error)
    }

    static func key(_ path: String, _ source: RuleSource) -> String {
        let kind = if case .embedded = source { "embedded:" } else { "file:" }
        return kind + (path as NSString).standardizingPath
    }

    // MARK: - Files

    private mutating func parse(_ path: String, expectedRoot: String, includedFrom: SourcePosition?) throws(RedlineError) -> XMLElement {
        let bytes: [UInt8]
        do {
            bytes = try source.read(path, limit: RuleSetLoader.maxFileBytes)
        } catch {
            if let includedFrom {
                throw RedlineError(
                    .invalidRules, "included file '\(path)' cannot be read: \(error.message)", at: includedFrom,
                    suggestion: "fix the include's href (relative to the including file)")
            }
            throw error
        }
        let document: XMLDocument
        do {
            document = try XMLDocument(
                bytes: bytes, path: path,
                limits: XMLLimits(
                    maxBytes: RuleSetLoader.maxFileBytes, maxElements: RuleSetLoader.maxFileElements, maxSecondsPerRecord: .infinity))
        } catch {
            var wrapped = error
            if wrapped.code != .hostile { wrapped.code = .invalidRules }
            throw wrapped
        }
        documents.append((document, LineTable(bytes: bytes)))
        files.append(path)
        guard let root = document.root else {
            throw RedlineError(.invalidRules, "rule file has no root element", at: SourcePosition(file: path, line: 1, column: 1))
        }
        guard root.namespaceURI == BuiltIn.ruleNamespace, root.name == expectedRoot else {
            throw RedlineError(
                .invalidRules,
                "expected <\(expectedRoot)> in namespace \(BuiltIn.ruleNamespace), found <\(root.name)>\(root.namespaceURI.map { " in namespace \($0)" } ?? " without a namespace")",
                at: position(of: root),
                suggestion: "start the file with <\(expectedRoot) xmlns=\"\(BuiltIn.ruleNamespace)\" formatVersion=\"1\" …>")
        }
        let violations = BuiltIn.ruleSetSchema.validate(document)
        if problems != nil, !violations.isEmpty {
            // Lint mode: report every violation and go on; the loader's defaults stand in for bad values.
            let collected = violations.map { violation in
                RedlineError(
                    .invalidRules, "rule file does not match the rule language: \(violation.message)",
                    at: SourcePosition(
                        file: path, line: violation.line, column: column(in: path, line: violation.line, path: violation.path)),
                    suggestion: "see docs/rule-language.md; rules/schemas/ruleset-1.xsd is the schema")
            }
            problems?.append(contentsOf: collected)
            schemaInvalid = true
            return root
        }
        if let first = violations.first {
            var more = ""
            if violations.count > 1 { more = " (and \(violations.count - 1) more schema error\(violations.count > 2 ? "s" : ""))" }
            throw RedlineError(
                .invalidRules, "rule file does not match the rule language: \(first.message)\(more)",
                at: SourcePosition(file: path, line: first.line, column: column(in: path, line: first.line, path: first.path)),
                suggestion: "see docs/rule-language.md; rules/schemas/ruleset-1.xsd is the schema")
        }
        return root
    }

    private func lineTable(of file: String) -> LineTable? {
        documents.first { $0.document.path == file }?.lines
    }

    private func lines(of file: String) -> [Substring] {
        lineTable(of: file)?.lines ?? []
    }

    /// The column of an element's start tag on its line (1 if not found).
    func position(of element: XMLElement) -> SourcePosition {
        var line = element.line
        let text = lines(of: element.document.path)
        var column = 1
        // libxml2 gives the line where a multi-line start tag ends: look back for its start.
        var back = line
        while back > 1, back > line - 20, back <= text.count, !text[back - 1].contains("<" + element.name) { back -= 1 }
        if back >= 1, back <= text.count, back != line, text[back - 1].contains("<" + element.name) { line = back }
        if line >= 1, line <= text.count, let range = text[line - 1].range(of: "<" + element.name) {
            column = text[line - 1].distance(from: text[line - 1].startIndex, to: range.lowerBound) + 1
        } else if line >= 1, line <= text.count, let range = text[line - 1].range(of: ":" + element.name) {
            column = text[line - 1].distance(from: text[line - 1].startIndex, to: range.lowerBound)
        }
        return SourcePosition(file: element.document.path, line: line, column: column)
    }

    /// The position where an element's text content starts.
    private func contentPosition(of element: XMLElement) -> SourcePosition {
        var position = position(of: element)
        let text = lines(of: element.document.path)
        if position.line >= 1, position.line <= text.count {
            let line = text[position.line - 1]
            let start = line.index(line.startIndex, offsetBy: max(0, position.column - 1))
            if let close = line[start...].firstIndex(of: ">") {
                position.column = line.distance(from: line.startIndex, to: close) + 2
            }
        }
        return position
    }

    private func column(in file: String, line: Int, path: String?) -> Int {
        let text = lines(of: file)
        guard line >= 1, line <= text.count else { return 0 }
        if let name = path?.split(separator: "/").last?.split(separator: "[").first,
            let range = text[line - 1].range(of: "<" + name)
        {
            return text[line - 1].distance(from: text[line - 1].startIndex, to: range.lowerBound) + 1
        }
        let content = text[line - 1]
        return (content.firstIndex { !$0.isWhitespace }.map { content.distance(from: content.startIndex, to: $0) } ?? 0) + 1
    }

    func resolve(_ href: String, from file: String, at position: SourcePosition) throws(RedlineError) -> String {
        guard !href.hasPrefix("/"), !href.contains("://"), !href.split(separator: "/").contains("..") else {
            throw RedlineError(
                .invalidRules, "include '\(href)' must be a relative path inside the rule set's folder", at: position,
                suggestion: "write the href relative to this file, without '..' or a URL")
        }
        let base = (file as NSString).deletingLastPathComponent
        return base.isEmpty ? href : base + "/" + href
    }

    // MARK: - Main file

    mutating func loadMain(_ path: String) throws(RedlineError) -> RuleSet {
        let root = try parse(path, expectedRoot: "ruleset", includedFrom: nil)
        var letters: [Letter] = []
        var namespaces = ["r": BuiltIn.recordNamespace, RedlineFunctions.prefix: RedlineFunctions.namespace]
        var profiles: [Profile] = []
        var policy: VerdictPolicy?
        var contentElements: [XMLElement] = []
        var parent: RuleSet?
        for child in root.children {
            switch child.name {
            case "extends":
                parent = try loadParent(child)
                if let parent {
                    letters = parent.letters
                    namespaces = parent.namespaces
                    profiles = parent.profiles
                }
            case "letter":
                if let existing = letters.first(where: { $0.id == child.attribute("id") }) {
                    if existing.file != child.attribute("file") {
                        try report(
                            RedlineError(
                                .invalidRules,
                                "letter '\(existing.id)' is already declared by the extended rule set with file '\(existing.file)'",
                                at: position(of: child), suggestion: "remove this <letter> (it is inherited) or use another id"))
                    }
                    continue
                }
                letters.append(
                    Letter(
                        id: child.attribute("id") ?? "", file: child.attribute("file") ?? "",
                        date: child.attribute("date").flatMap { LocalDate($0) },
                        title: child.text.replacingSpacesRuns()))
            case "namespace":
                let prefix = child.attribute("prefix") ?? ""
                if prefix == "r" || prefix == "rl" {
                    try report(
                        RedlineError(
                            .invalidRules, "namespace prefix '\(prefix)' is reserved by redline", at: position(of: child),
                            suggestion: "choose another prefix"))
                    continue
                }
                namespaces[prefix] = child.attribute("uri") ?? ""
            case "profile":
                if parent != nil, profiles.contains(where: { $0.id == child.attribute("id") }) {
                    try report(
                        RedlineError(
                            .invalidRules, "profile '\(child.attribute("id") ?? "")' is already declared by the extended rule set",
                            at: position(of: child), suggestion: "remove this <profile> (it is inherited) or use another id"))
                    continue
                }
                if child.attribute("default") == "true" || child.attribute("default") == "1" {
                    for index in profiles.indices { profiles[index].isDefault = false }
                }
                profiles.append(
                    Profile(
                        id: child.attribute("id") ?? "", description: child.text.replacingSpacesRuns(),
                        isDefault: child.attribute("default") == "true" || child.attribute("default") == "1"))
            case "policy":
                do throws(RedlineError) {
                    policy = try loadPolicy(child)
                } catch {
                    try report(error)
                    policy = RuleSetLoader.standInPolicy
                }
            case "include", "list", "rule", "override", "disable":
                contentElements.append(child)
            default:
                break
            }
        }
        var lists: [String: ReferenceList] = parent?.lists ?? [:]
        var ruleElements: [XMLElement] = []
        var visited: Set<String> = [path]
        try collect(contentElements, lists: &lists, rules: &ruleElements, visited: &visited)

        if profiles.filter(\.isDefault).count > 1 {
            try report(
                RedlineError(
                    .invalidRules, "more than one profile is marked default=\"true\"", at: SourcePosition(file: path),
                    suggestion: "mark exactly one profile as the default"))
        }
        let context = CompileContext(
            namespaces: namespaces, lists: lists, letters: Set(letters.map(\.id)), profiles: Set(profiles.map(\.id)))
        var rules: [Rule] = []
        var seen: [String: SourcePosition] = [:]
        for rule in parent?.rules ?? [] { seen[rule.id] = rule.position }
        for element in ruleElements {
            let compiled = try compileRule(element, context: context)
            let rule = compiled.rule
            var errors = compiled.errors
            if parent?.rule(rule.id) != nil, let first = seen[rule.id] {
                errors.append(
                    RedlineError(
                        .invalidRules, "rule id '\(rule.id)' is already defined by the extended rule set (at \(first))",
                        at: rule.position,
                        suggestion:
                            "give the new rule its own id, or change the inherited one with <override rule=\"\(rule.id)\" … reason=\"…\"/>"
                    ))
            } else if let first = seen[rule.id] {
                errors.append(
                    RedlineError(
                        .invalidRules, "duplicate rule id '\(rule.id)' (first defined at \(first))", at: rule.position,
                        suggestion: "give every rule a unique id; never reuse an id for another meaning"))
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
        if policy == nil, parent == nil {
            try report(
                RedlineError(
                    .invalidRules, "rule set has no <policy>", at: position(of: root),
                    suggestion: "add a <policy> after the profiles, or <extends href=\"redline:default\"/> to inherit one"))
        }
        let effectivePolicy = policy ?? parent?.policy ?? RuleSetLoader.standInPolicy
        var overrides: [RuleOverride] = []
        if let parent {
            let inherited = try applyOverrides(to: parent.rules, own: Set(rules.map(\.id)), overrides: &overrides)
            rules = inherited + rules
        } else {
            for element in overrideElements {
                try report(
                    RedlineError(
                        .invalidRules, "<\(element.name)> changes an inherited rule, but this rule set extends none",
                        at: position(of: element),
                        suggestion: "add <extends href=\"redline:default\"/> after the description, or remove the <\(element.name)>"))
            }
        }
        // Rules with the same applicability condition share one compiled `when`, so the engine
        // remembers its value per record by identity (20 default rules share one).
        var whens: [String: XPathExpression] = [:]
        for index in rules.indices {
            guard let when = rules[index].when else { continue }
            if let shared = whens[when.text] { rules[index].when = shared } else { whens[when.text] = when }
        }
        var ruleSet = RuleSet(
            id: root.attribute("id") ?? "", version: root.attribute("version") ?? "",
            title: root.child(named: "title")?.text.replacingSpacesRuns() ?? "",
            description: root.child(named: "description")?.text.replacingSpacesRuns() ?? "",
            letters: letters, namespaces: namespaces, profiles: profiles, policy: effectivePolicy, lists: lists,
            rules: rules, files: files + (parent?.files ?? []))
        ruleSet.extends = parent.map { _ in root.child(named: "extends")?.attribute("href") ?? "" }
        ruleSet.overrides = overrides
        ruleSet.inheritedRuleIDs = Set(parent?.rules.map(\.id) ?? [])
        WarmUp.run(ruleSet)
        return ruleSet
    }

    private mutating func collect(
        _ elements: [XMLElement], lists: inout [String: ReferenceList], rules: inout [XMLElement],
        visited: inout Set<String>
    ) throws(RedlineError) {
        for element in elements {
            switch element.name {
            case "include":
                let at = position(of: element)
                let part: XMLElement
                do throws(RedlineError) {
                    let target = try resolve(element.attribute("href") ?? "", from: element.document.path, at: at)
                    guard !visited.contains(target) else {
                        throw RedlineError(
                            .invalidRules, "'\(target)' is included more than once (or includes itself)", at: at,
                            suggestion: "include each part once, from the main rule-set file")
                    }
                    visited.insert(target)
                    part = try parse(target, expectedRoot: "part", includedFrom: at)
                } catch {
                    // Lint mode: report the include and go on with the rest of the file.
                    try report(error)
                    continue
                }
                try collect(part.children, lists: &lists, rules: &rules, visited: &visited)
            case "list":
                do throws(RedlineError) {
                    let list = try loadList(element)
                    if let existing = lists[list.id] {
                        throw RedlineError(
                            .invalidRules, "duplicate list id '\(list.id)' (first defined at \(existing.position))",
                            at: list.position, suggestion: "give every list a unique id")
                    }
                    lists[list.id] = list
                } catch  where problems != nil {
                    problems?.append(error)
                }
            case "rule":
                rules.append(element)
            case "override", "disable":
                overrideElements.append(element)
            default:
                break
            }
        }
    }

    // MARK: - Policy and lists

    private func loadPolicy(_ element: XMLElement) throws(RedlineError) -> VerdictPolicy {
        func stage(_ name: String) throws(RedlineError) -> VerdictPolicy.StagePolicy {
            guard let node = element.child(named: name) else {
                throw RedlineError(.invalidRules, "policy has no <\(name)>", at: position(of: element))
            }
            var levels: [VerdictPolicy.Level] = []
            for verdict in node.children(named: "verdict") {
                let below: Double? = verdict.attribute("below").flatMap { Double($0) }
                levels.append(
                    VerdictPolicy.Level(
                        name: verdict.attribute("name") ?? "",
                        severity: verdict.attribute("severity").flatMap { Severity(rawValue: $0) },
                        category: verdict.attribute("category"), below: below,
                        description: verdict.text.replacingSpacesRuns()))
            }
            if let last = levels.last, last.severity != nil || last.below != nil {
                throw RedlineError(
                    .invalidRules, "the last <verdict> of <\(name)> must have no condition (it is the clean verdict)",
                    at: position(of: node.children(named: "verdict").last ?? node),
                    suggestion: "remove severity and below from the last verdict")
            }
            let onError = node.attribute("on-error") ?? ""
            guard levels.contains(where: { $0.name == onError }) else {
                throw RedlineError(
                    .invalidRules, "on-error verdict '\(onError)' is not one of the verdicts of <\(name)>",
                    at: position(of: node), suggestion: "use one of: \(levels.map(\.name).joined(separator: ", "))")
            }
            if Set(levels.map(\.name)).count != levels.count {
                throw RedlineError(.invalidRules, "<\(name)> names a verdict twice", at: position(of: node))
            }
            return VerdictPolicy.StagePolicy(levels: levels, onError: onError)
        }
        return VerdictPolicy(application: try stage("application"), licence: try stage("licence"))
    }

    private mutating func loadList(_ element: XMLElement) throws(RedlineError) -> ReferenceList {
        let at = position(of: element)
        let kind = ReferenceList.Kind(rawValue: element.attribute("kind") ?? "") ?? .party
        let effective = LocalDate(element.attribute("effective") ?? "") ?? LocalDate(daysSinceEpoch: 0)
        var entries: [ReferenceList.Entry] = []
        for entry in element.children(named: "entry") {
            let value = entry.text.trimmingWhitespace().description
            let entryAt = position(of: entry)
            if kind == .country, !CountryCodes.all.contains(value.uppercased()) {
                let error = RedlineError(
                    .invalidRules, "'\(value)' is not an ISO 3166-1 alpha-2 country code", at: entryAt,
                    suggestion: "use the two-letter code, e.g. AE for the United Arab Emirates")
                // Lint mode: report the entry and keep the list, so rules using it are still checked.
                guard problems != nil else { throw error }
                problems?.append(error)
                continue
            }
            let since = entry.attribute("since").flatMap { LocalDate($0) } ?? effective
            let until = entry.attribute("until").flatMap { LocalDate($0) }
            if let until, until < since {
                try report(
                    RedlineError(
                        .invalidRules, "entry '\(value)' ends (\(until)) before it starts (\(since))", at: entryAt,
                        suggestion: "swap since and until, or correct the dates"))
                continue
            }
            entries.append(
                ReferenceList.Entry(
                    value: value, key: ReferenceList.key(for: value, kind: kind), since: since, until: until,
                    position: entryAt))
        }
        return ReferenceList(
            id: element.attribute("id") ?? "", kind: kind,
            title: element.child(named: "title")?.text.replacingSpacesRuns() ?? "",
            source: element.attribute("source") ?? "", effective: effective, entries: entries, position: at)
    }

    // MARK: - Rules

    struct CompileContext {
        var namespaces: [String: String]
        var lists: [String: ReferenceList]
        var letters: Set<String>
        var profiles: Set<String>
    }

    /// An expression's text (trimmed element content, or an attribute's value) and where it starts.
    private func expressionSource(_ element: XMLElement, text: String?) -> ExpressionSource {
        ExpressionSource(
            text: (text ?? element.text).trimmingWhitespace().description,
            position: text == nil ? contentPosition(of: element) : position(of: element), isCondition: text == nil,
            lines: lineTable(of: element.document.path))
    }

    private func compile(_ element: XMLElement, text: String? = nil, context: CompileContext) throws(RedlineError) -> XPathExpression {
        let source = expressionSource(element, text: text)
        let at = source.position
        do {
            let expression = try XPathExpression(
                source.text, at: at, namespaces: context.namespaces, lines: text == nil ? source.lines : nil)
            try ExpressionChecker.check(expression, namespaces: context.namespaces, lists: context.lists)
            return expression
        } catch {
            // Errors add a character offset to the column: map it through entities and line breaks.
            var mapped = error
            if text == nil, error.position.file == at.file, error.position.line == at.line, error.position.column >= at.column {
                mapped.position = LineTable.position(
                    source.lines, contentStart: at, offset: error.position.column - at.column)
            }
            throw mapped
        }
    }

    /// A compiled rule and, in lint mode, the problems found in it (outside lint mode the first
    /// one is thrown instead).
    struct CompiledRule {
        var rule: Rule
        var errors: [RedlineError]
        /// Whether the rule is unusable even when `errors` is empty (a problem the schema reported).
        var isBroken: Bool
        var expressions: [ExpressionSource]
    }

    /// Compiles a rule. In lint mode every problem of the rule is collected, not just the first,
    /// and `false()` stands in for each expression that does not compile.
    private func compileRule(_ element: XMLElement, context: CompileContext) throws(RedlineError) -> CompiledRule {
        let at = position(of: element)
        let id = element.attribute("id") ?? ""
        let lint = problems != nil
        var errors: [RedlineError] = []
        var isBroken = false
        var written: [ExpressionSource] = []
        func record(_ error: RedlineError) throws(RedlineError) {
            guard lint else { throw error }
            errors.append(error)
        }
        func expression(_ node: XMLElement, text: String? = nil) throws(RedlineError) -> XPathExpression {
            written.append(expressionSource(node, text: text))
            do {
                return try compile(node, text: text, context: context)
            } catch {
                try record(error)
                return try RuleSetLoader.standIn(at: written[written.count - 1].position)
            }
        }
        func message(_ node: XMLElement) throws(RedlineError) -> MessageTemplate {
            var pieces: [MessageTemplate.Piece] = []
            for piece in node.content {
                switch piece {
                case .text(let text): pieces.append(.text(text))
                case .element(let value): pieces.append(.value(try expression(value, text: value.attribute("select") ?? "")))
                }
            }
            return MessageTemplate(pieces: pieces)
        }
        var citations: [Citation] = []
        for cite in element.children(named: "cite") {
            let letter = cite.attribute("letter") ?? ""
            guard context.letters.contains(letter) else {
                try record(
                    RedlineError(
                        .invalidRules, "rule \(id) cites letter '\(letter)', which the rule set does not declare",
                        at: position(of: cite),
                        suggestion:
                            "declare it with <letter id=\"\(letter)\" file=\"…\">, or use one of: \(context.letters.sorted().joined(separator: ", "))"
                    ))
                continue
            }
            citations.append(Citation(letter: letter, quote: cite.text.replacingSpacesRuns(), position: position(of: cite)))
        }
        let profiles = (element.attribute("profiles") ?? "").split(separator: " ").map(String.init)
        for profile in profiles where !context.profiles.contains(profile) {
            try record(
                RedlineError(
                    .invalidRules, "rule \(id) names profile '\(profile)', which the rule set does not declare", at: at,
                    suggestion:
                        "declare it with <profile id=\"\(profile)\">, or use one of: \(context.profiles.sorted().joined(separator: ", "))"))
        }
        let when = try element.child(named: "when").map { node throws(RedlineError) in try expression(node) }
        let assertion: XPathExpression
        if let node = element.child(named: "assert") {
            assertion = try expression(node)
        } else {
            assertion = try RuleSetLoader.standIn(at: at)
        }
        var partial: (XPathExpression, Double)?
        if let node = element.child(named: "partial") {
            partial = (try expression(node), Double(node.attribute("credit") ?? "") ?? 0.5)
        }
        var locate: [XPathExpression] = []
        for node in element.children(named: "locate") { locate.append(try expression(node)) }
        let messageTemplate = try element.child(named: "message").map { node throws(RedlineError) in try message(node) }
        let partialMessage = try element.child(named: "partialMessage").map { node throws(RedlineError) in try message(node) }
        if element.child(named: "assert") == nil || messageTemplate == nil {
            // The schema reports a missing <assert> or <message> when it was checked.
            isBroken = true
            if !schemaInvalid { try record(RedlineError(.invalidRules, "rule \(id) needs <assert> and <message>", at: at)) }
        }
        var examples: [RuleExample] = []
        for example in element.children(named: "example") {
            guard let record = example.children.first else { continue }
            examples.append(
                RuleExample(
                    expect: example.attribute("expect") ?? "", asOf: example.attribute("asOf").flatMap { LocalDate($0) },
                    name: example.attribute("name"), xml: record.serialized(), position: position(of: example)))
        }
        let from = element.attribute("effectiveFrom").flatMap { LocalDate($0) }
        let until = element.attribute("effectiveUntil").flatMap { LocalDate($0) }
        if let from, let until, until < from {
            try record(
                RedlineError(
                    .invalidRules, "rule \(id) ends (\(until)) before it starts (\(from))", at: at,
                    suggestion: "swap effectiveFrom and effectiveUntil, or correct the dates"))
        }
        let rule = Rule(
            id: id, title: element.child(named: "title")?.text.replacingSpacesRuns() ?? "",
            description: element.child(named: "description")?.text.replacingSpacesRuns(),
            category: element.attribute("category") ?? "", severity: Severity(rawValue: element.attribute("severity") ?? "") ?? .major,
            weight: Double(element.attribute("weight") ?? "") ?? 0,
            appliesTo: Stage(rawValue: element.attribute("appliesTo") ?? "any"), profiles: profiles,
            effectiveFrom: from, effectiveUntil: until,
            demands: element.children(named: "implements").map { $0.text.trimmingWhitespace().description },
            citations: citations, when: when, assertion: assertion, partial: partial, locate: locate,
            message: messageTemplate ?? MessageTemplate(pieces: []), partialMessage: partialMessage,
            remedy: element.child(named: "remedy")?.text.replacingSpacesRuns() ?? "", examples: examples, position: at)
        return CompiledRule(rule: rule, errors: errors, isBroken: isBroken, expressions: written)
    }

    /// `false()`, standing in for an expression that does not compile in lint mode (never evaluated).
    private static func standIn(at position: SourcePosition) throws(RedlineError) -> XPathExpression {
        try XPathExpression("false()", at: position)
    }

    /// Stands in for a `<policy>` that does not load in lint mode (never used to give a verdict).
    static let standInPolicy = VerdictPolicy(
        application: VerdictPolicy.StagePolicy(
            levels: [VerdictPolicy.Level(name: "approve", severity: nil, below: nil, description: "")], onError: "approve"),
        licence: VerdictPolicy.StagePolicy(
            levels: [VerdictPolicy.Level(name: "maintain", severity: nil, below: nil, description: "")], onError: "maintain"))
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
        /// The lines of the file it was written in (places its characters).
        package var lines: LineTable?

        /// The position of the character `offset` characters into the text.
        package func position(atOffset offset: Int) -> SourcePosition {
            LineTable.position(isCondition ? lines : nil, contentStart: position, offset: offset)
        }
    }
}
