/// Compiling `<rule>` elements: every XPath once, citations, profiles, examples and dates
/// checked. In lint mode every problem of a rule is collected, not just the first, and
/// `false()` stands in for each expression that does not compile.
extension RuleSetLoader {
    struct CompileContext {
        var namespaces: [String: String]
        var lists: [String: ReferenceList]
        var letters: Set<String>
        var profiles: Set<String>
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

    /// The conditions of a rule: `<when>`, `<assert>`, `<partial>` and `<locate>`.
    private struct Conditions {
        var when: XPathExpression?
        var assertion: XPathExpression
        var partial: (XPathExpression, Double)?
        var locate: [XPathExpression]
    }

    /// Compiles a rule.
    func compileRule(_ element: XMLElement, context: CompileContext) throws(RedlineError) -> CompiledRule {
        let at = position(of: element)
        let id = element.attribute("id") ?? ""
        var compilation = RuleCompilation(id: id, position: at, collects: diagnostics.collects)
        let citations = try citations(of: element, context: context, into: &compilation)
        let profiles = try profiles(of: element, context: context, into: &compilation)
        let conditions = try conditions(of: element, context: context, into: &compilation)
        let messageTemplate = try element.child(named: "message").map { node throws(RedlineError) in
            try message(node, context: context, into: &compilation)
        }
        let partialMessage = try element.child(named: "partialMessage").map { node throws(RedlineError) in
            try message(node, context: context, into: &compilation)
        }
        if element.child(named: "assert") == nil || messageTemplate == nil {
            // The schema reports a missing <assert> or <message> when it was checked.
            compilation.isBroken = true
            if !schemaInvalid {
                try compilation.record(RedlineError(.invalidRules, "rule \(id) needs <assert> and <message>", at: at))
            }
        }
        let (from, until) = try dates(of: element, into: &compilation)
        var rule = Rule(
            id: id, title: element.child(named: "title")?.text.replacingSpacesRuns() ?? "",
            description: element.child(named: "description")?.text.replacingSpacesRuns(),
            category: element.attribute("category") ?? "",
            severity: Severity(rawValue: element.attribute("severity") ?? "") ?? .major,
            weight: Double(element.attribute("weight") ?? "") ?? 0,
            appliesTo: Stage(rawValue: element.attribute("appliesTo") ?? "any"), profiles: profiles,
            effectiveFrom: from, effectiveUntil: until,
            demands: element.children(named: "implements").map { $0.text.trimmingWhitespace().description },
            citations: citations, when: conditions.when, assertion: conditions.assertion, partial: conditions.partial,
            locate: conditions.locate, message: messageTemplate ?? MessageTemplate(pieces: []),
            partialMessage: partialMessage,
            remedy: element.children(named: "remedy").first { $0.attribute("stage") == nil }?.text.replacingSpacesRuns()
                ?? element.child(named: "remedy")?.text.replacingSpacesRuns() ?? "",
            examples: examples(of: element), position: at)
        rule.whileInForce = ["true", "1"].contains(element.attribute("whileInForce") ?? "")
        for remedy in element.children(named: "remedy") {
            if let stage = remedy.attribute("stage").flatMap(Stage.init(rawValue:)) {
                rule.stageRemedies[stage] = remedy.text.replacingSpacesRuns()
            }
        }
        return CompiledRule(
            rule: rule, errors: compilation.errors, isBroken: compilation.isBroken, expressions: compilation.written)
    }

    /// An expression's text (trimmed element content, or an attribute's value) and where it starts.
    private func expressionSource(_ element: XMLElement, text: String?) -> ExpressionSource {
        ExpressionSource(
            text: (text ?? element.text).trimmingWhitespace().description,
            position: text == nil ? contentPosition(of: element) : position(of: element), isCondition: text == nil,
            lines: text == nil ? lineTable(of: element.document.path) : nil)
    }

    /// Compiles and checks one expression: `text` (an attribute's value) or the element's content.
    private func compile(_ element: XMLElement, text: String? = nil, context: CompileContext) throws(RedlineError)
        -> XPathExpression
    {
        let source = expressionSource(element, text: text)
        let at = source.position
        do {
            // The embedded rule set's expressions (trusted, see `checks`) are compiled when first
            // evaluated: one record's check evaluates only some of them.
            let trusted = !checks && !diagnostics.collects
            let expression = try XPathExpression(
                source.text, at: at, namespaces: context.namespaces, lines: source.lines, deferred: trusted)
            if !trusted {
                try ExpressionChecker.check(expression, namespaces: context.namespaces, lists: context.lists)
            }
            return expression
        } catch {
            // Errors add a character offset to the column: map it through entities and line breaks.
            var mapped = error
            if text == nil, error.position.file == at.file, error.position.line == at.line,
                error.position.column >= at.column
            {
                mapped.position = LineTable.position(
                    source.lines, contentStart: at, offset: error.position.column - at.column)
            }
            throw mapped
        }
    }

    /// One expression of the rule, remembered as written; in lint mode `false()` stands in for
    /// one that does not compile.
    private func expression(
        _ node: XMLElement, text: String? = nil, context: CompileContext, into compilation: inout RuleCompilation
    ) throws(RedlineError) -> XPathExpression {
        compilation.written.append(expressionSource(node, text: text))
        do {
            return try compile(node, text: text, context: context)
        } catch {
            try compilation.record(error)
            return try RuleSetLoader.standIn(at: compilation.written[compilation.written.count - 1].position)
        }
    }

    private func conditions(
        of element: XMLElement, context: CompileContext, into compilation: inout RuleCompilation
    ) throws(RedlineError) -> Conditions {
        let when = try element.child(named: "when").map { node throws(RedlineError) in
            try expression(node, context: context, into: &compilation)
        }
        let assertion: XPathExpression
        if let node = element.child(named: "assert") {
            assertion = try expression(node, context: context, into: &compilation)
        } else {
            assertion = try RuleSetLoader.standIn(at: compilation.position)
        }
        var partial: (XPathExpression, Double)?
        if let node = element.child(named: "partial") {
            partial = (
                try expression(node, context: context, into: &compilation),
                Double(node.attribute("credit") ?? "") ?? 0.5
            )
        }
        var locate: [XPathExpression] = []
        for node in element.children(named: "locate") {
            locate.append(try expression(node, context: context, into: &compilation))
        }
        return Conditions(when: when, assertion: assertion, partial: partial, locate: locate)
    }

    /// A `<message>` or `<partialMessage>`: text and `<value select>` expressions.
    private func message(
        _ node: XMLElement, context: CompileContext, into compilation: inout RuleCompilation
    ) throws(RedlineError) -> MessageTemplate {
        var pieces: [MessageTemplate.Piece] = []
        for piece in node.content {
            switch piece {
            case .text(let text): pieces.append(.text(text))
            case .element(let value):
                pieces.append(
                    .value(
                        try expression(
                            value, text: value.attribute("select") ?? "", context: context, into: &compilation)))
            }
        }
        return MessageTemplate(pieces: pieces)
    }

    /// The `<cite>` elements, each naming a declared letter.
    private func citations(
        of element: XMLElement, context: CompileContext, into compilation: inout RuleCompilation
    ) throws(RedlineError) -> [Citation] {
        var citations: [Citation] = []
        for cite in element.children(named: "cite") {
            let letter = cite.attribute("letter") ?? ""
            guard context.letters.contains(letter) else {
                try compilation.record(
                    RedlineError(
                        .invalidRules,
                        "rule \(compilation.id) cites letter '\(letter)', which the rule set does not declare",
                        at: position(of: cite),
                        suggestion:
                            "declare it with <letter id=\"\(letter)\" file=\"…\">, or use one of: "
                            + "\(context.letters.sorted().joined(separator: ", "))"
                    ))
                continue
            }
            citations.append(
                Citation(letter: letter, quote: cite.text.replacingSpacesRuns(), position: position(of: cite)))
        }
        return citations
    }

    /// The profiles the rule belongs to, each declared.
    private func profiles(
        of element: XMLElement, context: CompileContext, into compilation: inout RuleCompilation
    ) throws(RedlineError) -> [String] {
        let profiles = (element.attribute("profiles") ?? "").split(separator: " ").map(String.init)
        for profile in profiles where !context.profiles.contains(profile) {
            try compilation.record(
                RedlineError(
                    .invalidRules,
                    "rule \(compilation.id) names profile '\(profile)', which the rule set does not declare",
                    at: compilation.position,
                    suggestion:
                        "declare it with <profile id=\"\(profile)\">, or use one of: "
                        + "\(context.profiles.sorted().joined(separator: ", "))"
                ))
        }
        return profiles
    }

    /// The rule's embedded example records.
    private func examples(of element: XMLElement) -> [RuleExample] {
        var examples: [RuleExample] = []
        for example in element.children(named: "example") {
            // The schema allows only the four outcomes an example may expect.
            guard let record = example.children.first,
                let expect = RuleOutcome(rawValue: example.attribute("expect") ?? ""), expect != .error
            else { continue }
            examples.append(
                RuleExample(
                    expect: expect, asOf: example.attribute("asOf").flatMap { LocalDate($0) },
                    name: example.attribute("name"), xml: record.serialized(), position: position(of: example)))
        }
        return examples
    }

    /// `effectiveFrom` and `effectiveUntil`, in order.
    private func dates(
        of element: XMLElement, into compilation: inout RuleCompilation
    ) throws(RedlineError) -> (LocalDate?, LocalDate?) {
        let from = element.attribute("effectiveFrom").flatMap { LocalDate($0) }
        let until = element.attribute("effectiveUntil").flatMap { LocalDate($0) }
        if let from, let until, until < from {
            try compilation.record(
                RedlineError(
                    .invalidRules, "rule \(compilation.id) ends (\(until)) before it starts (\(from))",
                    at: compilation.position,
                    suggestion: "swap effectiveFrom and effectiveUntil, or correct the dates"))
        }
        return (from, until)
    }
}
