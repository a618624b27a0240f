/// Evaluates licence records against one compiled rule set. Thread-safe: one engine serves
/// any number of concurrent checks (each record gets its own document and XPath context).
public final class Engine: Sendable {
    /// The rule set.
    public let ruleSet: RuleSet

    /// Creates an engine for a loaded rule set.
    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
    }

    /// The profile a check will use, or a usage error naming the valid ones.
    public func resolveProfile(_ requested: String?) throws(RedlineError) -> String {
        guard let requested else { return ruleSet.defaultProfile }
        guard ruleSet.profiles.isEmpty || ruleSet.profiles.contains(where: { $0.id == requested }) else {
            throw RedlineError(
                .usage, "unknown profile '\(requested)'", at: SourcePosition(file: "--profile"),
                suggestion: "use one of: \(ruleSet.profiles.map(\.id).joined(separator: ", "))")
        }
        return requested
    }

    /// Reads and checks one file. Never throws: problems become the report's error or findings.
    public func check(file path: String, options: EvaluationOptions) -> RecordReport {
        check(file: path, path: path, options: options)
    }

    /// Reads the file at `location` and checks it, naming it `path` in the report (an audit
    /// shows paths relative to its base). Never throws.
    public func check(file location: String, path: String, options: EvaluationOptions) -> RecordReport {
        do {
            let bytes = try FileInput.read(location, limit: options.limits.maxBytes)
            return check(bytes: bytes, path: path, options: options)
        } catch {
            return report(path, unreadable: error, options: options)
        }
    }

    /// The report of an input that cannot be read (or is known not to be a record), with
    /// `error` placed in `path`.
    public func report(_ path: String, unreadable error: RedlineError, options: EvaluationOptions) -> RecordReport {
        var error = error
        error.position.file = path
        return report(path, .failed(error), root: nil, options: options)
    }

    /// Checks one record given as bytes; `path` names it in the report.
    public func check(bytes: [UInt8], path: String, options: EvaluationOptions) -> RecordReport {
        let deadline = Deadline(seconds: options.limits.maxSecondsPerRecord, cancellation: options.cancellation)
        let document: XMLDocument
        do {
            document = try XMLDocument(bytes: bytes, path: path, limits: options.limits)
        } catch {
            return report(path, .failed(error), root: nil, options: options)
        }
        return check(document: document, options: options, deadline: deadline, parsedHere: true)
    }

    /// Checks a parsed record: root check, schema validation, then the rules.
    public func check(document: XMLDocument, options: EvaluationOptions) -> RecordReport {
        check(
            document: document, options: options,
            deadline: Deadline(seconds: options.limits.maxSecondsPerRecord, cancellation: options.cancellation),
            parsedHere: false)
    }

    /// Checks a copy of a record that was checked already (validated and normalized, as
    /// ``check(document:options:)`` leaves it before pruning): the rules at `options.asOf`
    /// without validating again. For evaluating one record at many dates (``LicenceTimeline``).
    func check(validatedCopy document: XMLDocument, options: EvaluationOptions) -> RecordReport {
        check(
            document: document, options: options,
            deadline: Deadline(seconds: options.limits.maxSecondsPerRecord, cancellation: options.cancellation),
            parsedHere: false, validated: true)
    }

    /// `parsedHere`: the deadline started before parsing, so time spent before validation is the
    /// parser's. `validated`: the document is a copy of one that passed validation and was
    /// normalized.
    private func check(
        document: XMLDocument, options: EvaluationOptions, deadline: Deadline, parsedHere: Bool,
        validated: Bool = false
    ) -> RecordReport {
        let outcome = outcome(
            of: document, options: options, deadline: deadline, parsedHere: parsedHere, validated: validated)
        return report(document.path, outcome, root: Self.licenceRecord(in: document), options: options)
    }

    /// A report naming the record by its root's `id` and `stage` as they are now: as written
    /// when the record stopped before validation or failed it, normalized once it was evaluated.
    private func report(_ path: String, _ outcome: RecordReport.Outcome, root: XMLElement?, options: EvaluationOptions)
        -> RecordReport
    {
        RecordReport(
            file: path, recordID: root?.attribute("id"), stage: root.flatMap(Self.stage), profile: profile(options),
            asOf: options.asOf, standard: options.standard, outcome: outcome)
    }

    /// The profile a check uses: the requested one, else the rule set's default.
    private func profile(_ options: EvaluationOptions) -> String {
        (try? resolveProfile(options.profile)) ?? ruleSet.defaultProfile
    }

    /// The document's root when it is a licence record.
    private static func licenceRecord(in document: XMLDocument) -> XMLElement? {
        guard let root = document.root, root.name == "licenceRecord", root.namespaceURI == BuiltIn.recordNamespace
        else {
            return nil
        }
        return root
    }

    private static func stage(of root: XMLElement) -> Stage? {
        root.attribute("stage").flatMap { Stage(rawValue: $0) }
    }

    /// Root check, deadline, schema validation, whitespace normalization, stage, as-of, rules.
    private func outcome(
        of document: XMLDocument, options: EvaluationOptions, deadline: Deadline, parsedHere: Bool, validated: Bool
    ) -> RecordReport.Outcome {
        guard let root = Self.licenceRecord(in: document) else { return .failed(Self.notALicenceRecord(document)) }
        if deadline.hasPassed {
            let phase: Phase = parsedHere ? .parsing : .validation
            return .failed(timeLimitError(phase, evaluated: 0, file: document.path, options: options))
        }
        if !validated {
            let violations = BuiltIn.recordSchema.validate(document)
            guard violations.isEmpty else {
                return .invalid(violations.map { Self.schemaFinding($0, file: document.path) })
            }
            WhitespaceNormalizer.normalize(document)
        }
        guard let stage = Self.stage(of: root) else { return .failed(Self.noStage(root, file: document.path)) }
        if let error = Self.notYetSubmitted(root, file: document.path, asOf: options.asOf) { return .failed(error) }
        document.removeElements(datedAfter: options.asOf)
        let term = stage == .licence ? Self.term(of: root, asOf: options.asOf) : nil
        return evaluateRules(on: document, stage: stage, term: term, options: options, deadline: deadline)
    }

    /// Before `lifecycle/submitted` a record does not exist: an input error naming both dates.
    private static func notYetSubmitted(_ root: XMLElement, file: String, asOf: LocalDate) -> RedlineError? {
        guard let submitted = root.child(named: "lifecycle")?.child(named: "submitted"),
            let date = LocalDate(submitted.text.trimmingWhitespace().description), asOf < date
        else { return nil }
        return RedlineError(
            .notYetSubmitted,
            "the record was submitted on \(date), after the evaluation date \(asOf): it did not exist yet",
            at: SourcePosition(file: file, line: submitted.line, column: 1),
            suggestion: "evaluate it as of \(date) or later (--as-of \(date)), or correct lifecycle/submitted")
    }

    /// Whether the licence is still in force at `asOf` (after dated elements were removed).
    static func term(of root: XMLElement, asOf: LocalDate) -> LicenceTerm? {
        let lifecycle = root.child(named: "lifecycle")
        let ended = lifecycle?.child(named: "ended").map { ($0.attribute("reason"), $0.attribute("date")) }
        return LicenceTerm.of(
            status: lifecycle?.attribute("status"), ended: ended,
            validUntil: lifecycle?.child(named: "validUntil")?.text.trimmingWhitespace().description, asOf: asOf)
    }

    /// Every rule in order, the findings sorted, the judgement; an error when time runs out.
    private func evaluateRules(
        on document: XMLDocument, stage: Stage, term: LicenceTerm?, options: EvaluationOptions, deadline: Deadline
    ) -> RecordReport.Outcome {
        let profile = profile(options)
        let environment = EvaluationEnvironment(asOf: options.asOf, lists: ruleSet.lists, deadline: deadline)
        let evaluator = XPathEvaluator(
            document: document, namespaces: ruleSet.namespaces, environment: environment,
            operationLimit: options.limits.xpathOperationLimit)
        var results: [RuleResult] = []
        var findings: [Finding] = []
        results.reserveCapacity(ruleSet.rules.count)
        for rule in ruleSet.rules {
            if deadline.hasPassed {
                let phase: Phase = results.isEmpty ? .validation : .rules
                return .failed(timeLimitError(phase, evaluated: results.count, file: document.path, options: options))
            }
            let context = RuleContext(
                stage: stage, profile: profile, asOf: options.asOf, standard: options.standard, term: term)
            let (result, finding) = evaluate(rule, context: context, evaluator: evaluator, document: document)
            // The deadline passed inside the rule: it is stopped, not passed or failed on part of
            // its work, and the record has no verdict.
            if environment.timedOut {
                return .failed(
                    timeLimitError(.rules, evaluated: results.count, file: document.path, options: options, in: rule.id)
                )
            }
            results.append(result)
            if let finding { findings.append(finding) }
        }
        findings.sort(by: Self.precedes)
        let judgement = Judgement(
            results: results, findings: findings, rules: ruleSet.rules, policy: ruleSet.policy, stage: stage,
            notInForce: term)
        return .evaluated(RecordEvaluation(results: results, findings: findings, judgement: judgement))
    }

    /// The order of a report's findings: most severe first, then by line, then by rule id.
    private static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.location.line != b.location.line { return a.location.line < b.location.line }
        return a.ruleID < b.ruleID
    }

    private static func notALicenceRecord(_ document: XMLDocument) -> RedlineError {
        let found =
            document.root.map { root in
                "<\(root.name)>\(root.namespaceURI.map { " in namespace \($0)" } ?? " without a namespace")"
            } ?? "nothing"
        return RedlineError(
            .schemaInvalid,
            "expected a licence record <licenceRecord xmlns=\"\(BuiltIn.recordNamespace)\">, found \(found)",
            at: SourcePosition(file: document.path, line: document.root?.line ?? 1, column: 1),
            suggestion: "check that this file is a redline licence record (docs/record-format.md)")
    }

    private static func noStage(_ root: XMLElement, file: String) -> RedlineError {
        RedlineError(
            .schemaInvalid, "the record's stage is neither 'application' nor 'licence'",
            at: SourcePosition(file: file, line: root.line, column: 1),
            suggestion: "set stage=\"application\" or stage=\"licence\" on <licenceRecord>")
    }

    private static func schemaFinding(_ violation: XMLSchema.Violation, file: String) -> Finding {
        let translated = SchemaMessage(violation)
        return Finding(
            ruleID: "schema", kind: .schema, severity: .critical, category: "record-format",
            message: translated.message,
            location: Finding.Location(file: file, line: violation.line, path: violation.path ?? "/licenceRecord"),
            demands: [], citations: [], remedy: translated.remedy, credit: 0)
    }

    // MARK: - One rule

    /// What a rule's applicability depends on besides the record's content.
    struct RuleContext {
        var stage: Stage
        var profile: String
        var asOf: LocalDate
        var standard: Standard = .asOf
        var term: LicenceTerm?
    }

    /// Why `rule` does not apply in `context`, or `nil` when it does: its profile, stage, dates,
    /// the date of the letter that demands it (under ``Standard/asOf``), or a licence no longer in
    /// force for a rule about a live licence.
    static func inapplicability(of rule: Rule, in context: RuleContext) -> String? {
        if !rule.profiles.isEmpty, !rule.profiles.contains(context.profile) {
            return "not in profile \(context.profile)"
        }
        if let appliesTo = rule.appliesTo, appliesTo != context.stage {
            return "applies to \(appliesTo.rawValue) records only"
        }
        if let from = rule.effectiveFrom, context.asOf < from { return "in force from \(from)" }
        if let until = rule.effectiveUntil, until < context.asOf { return "in force until \(until)" }
        if context.standard == .asOf, rule.effectiveFrom == nil, let demanded = rule.demandedFrom,
            context.asOf < demanded.date
        {
            return "demanded from \(demanded.date) (\(demanded.letter)); use --standard current to apply it"
        }
        if rule.whileInForce, context.stage == .licence, let term = context.term {
            return "the licence is not in force (\(term.description))"
        }
        return nil
    }

    /// Evaluates one rule on a prepared document.
    func evaluate(_ rule: Rule, context: RuleContext, evaluator: XPathEvaluator, document: XMLDocument)
        -> (RuleResult, Finding?)
    {
        func notApplicable(_ reason: String) -> (RuleResult, Finding?) {
            (RuleResult(ruleID: rule.id, outcome: .notApplicable, credit: 0, reason: reason), nil)
        }
        if let reason = Self.inapplicability(of: rule, in: context) { return notApplicable(reason) }
        let stage = context.stage
        do throws(RedlineError) {
            if let when = rule.when, try !evaluator.rootBoolean(when) {
                return notApplicable("condition not met")
            }
            if try evaluator.boolean(rule.assertion) {
                // Where the evidence is: the first node a `locate` expression finds (no fallback to
                // the root: a pass has no place to point at otherwise).
                var evidence: Finding.Location?
                for expression in rule.locate {
                    // A locate that fails (its operation limit) leaves the pass without a place.
                    if let node = (try? evaluator.firstNode(expression)) ?? nil {
                        evidence = location(of: node, in: document)
                        break
                    }
                }
                return (RuleResult(ruleID: rule.id, outcome: .pass, credit: 1, reason: nil, location: evidence), nil)
            }
            var credit = 0.0
            var template = rule.message
            if let partial = rule.partial, try evaluator.boolean(partial.condition) {
                credit = partial.credit
                template = rule.partialMessage ?? rule.message
            }
            let node = try locate(rule, evaluator: evaluator, document: document)
            let message = try render(template, at: node, evaluator: evaluator)
            let finding = makeFinding(
                rule, kind: credit > 0 ? .partial : .fail, message: message, node: node, document: document,
                credit: credit, stage: stage)
            return (
                RuleResult(ruleID: rule.id, outcome: .fail, credit: credit, reason: nil, location: finding.location),
                finding
            )
        } catch {
            let root = document.rootNode
            var finding = makeFinding(
                rule, kind: .error, message: "rule could not be evaluated: \(error.message)", node: root,
                document: document, credit: 0, stage: stage)
            if let suggestion = error.suggestion { finding.remedy = suggestion }
            return (RuleResult(ruleID: rule.id, outcome: .error, credit: 0, reason: error.message), finding)
        }
    }

    private func locate(_ rule: Rule, evaluator: XPathEvaluator, document: XMLDocument) throws(RedlineError) -> XMLNode?
    {
        for expression in rule.locate {
            if let first = try evaluator.firstNode(expression) { return first }
        }
        return document.rootNode
    }

    private func render(_ template: MessageTemplate, at node: XMLNode?, evaluator: XPathEvaluator) throws(RedlineError)
        -> String
    {
        var text = ""
        for piece in template.pieces {
            switch piece {
            case .text(let literal): text += literal
            case .value(let expression): text += try evaluator.string(expression, node: node)
            }
        }
        return text.replacingSpacesRuns()
    }

    /// The line and stable path of a node (``XMLNode/line`` and ``XMLNode/path``; the root
    /// element's when there is no node).
    private func location(of node: XMLNode?, in document: XMLDocument) -> Finding.Location {
        Finding.Location(file: document.path, line: node?.line ?? 1, path: node?.path ?? "/licenceRecord")
    }

    private func makeFinding(
        _ rule: Rule, kind: Finding.Kind, message: String, node: XMLNode?, document: XMLDocument, credit: Double,
        stage: Stage
    ) -> Finding {
        Finding(
            ruleID: rule.id, kind: kind, severity: rule.severity, category: rule.category, message: message,
            location: location(of: node, in: document), demands: rule.demands,
            citations: rule.citations.map { Finding.CitationRef(letter: $0.letter, quote: $0.quote) },
            remedy: rule.remedy(for: stage),
            credit: credit)
    }

    /// Where a record's time ran out.
    enum Phase {
        case parsing, validation, rules
    }

    /// The error of a record whose evaluation passed its deadline: a message and fix for the
    /// phase that took the time.
    private func timeLimitError(
        _ phase: Phase, evaluated: Int, file: String, options: EvaluationOptions, in rule: String? = nil
    ) -> RedlineError {
        let limit = options.limits.maxSecondsPerRecord
        let position = SourcePosition(file: file)
        switch phase {
        case .parsing:
            return XMLDocument.parsingTookTooLong(path: file, limits: options.limits, at: position)
        case .validation:
            return RedlineError(
                .timeLimit, "schema validation took longer than the limit of \(limit) s per record (no rule was run)",
                at: position,
                suggestion:
                    "the record is too large or has very many schema violations: fix the record against "
                    + "docs/record-format.md "
                    + "or split it; raise --max-seconds-per-record only for trusted input")
        case .rules:
            return RedlineError(
                .timeLimit,
                "evaluation took longer than the limit of \(limit) s per record "
                    + (rule.map { "(stopped inside rule \($0), after \(evaluated) of \(ruleSet.rules.count) rules)" }
                        ?? "(stopped after \(evaluated) of \(ruleSet.rules.count) rules)"),
                at: position,
                suggestion: "simplify the rule set's expressions, or raise the limit with --max-seconds-per-record "
                    + "for trusted input")
        }
    }
}
