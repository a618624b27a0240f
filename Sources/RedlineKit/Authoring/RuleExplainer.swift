/// Explains rules on records (`redline explain`) and on their inline examples (`rules test`):
/// the rule's outcome from the engine, then every part of its conditions evaluated in the same
/// context, and the smallest change of evidence that would flip the outcome.
public struct RuleExplainer: Sendable {
    /// The rule set.
    public let engine: Engine

    /// Creates an explainer for a rule set.
    public init(ruleSet: RuleSet) {
        engine = Engine(ruleSet: ruleSet)
    }

    /// Checks a record file and explains the rules named by `ruleIDs`, or, when `ruleIDs` is
    /// empty, every rule that failed or errored. The report says whether the record could be
    /// evaluated at all.
    /// - Throws: ``RedlineError`` `usage` when an id names no rule of the rule set.
    public func explain(file: String, ruleIDs: [String], options: EvaluationOptions) throws(RedlineError)
        -> (report: RecordReport, explanations: [RuleExplanation])
    {
        for id in ruleIDs where engine.ruleSet.rule(id) == nil {
            let near = engine.ruleSet.rules.first { $0.id.lowercased() == id.lowercased() }?.id
            throw RedlineError(
                .usage, "no rule '\(id)' in rule set \(engine.ruleSet.id)", at: SourcePosition(file: "--rule"),
                suggestion: near.map { "did you mean \($0)?" } ?? "redline rules show lists the rules")
        }
        let document: XMLDocument
        do {
            let bytes = try FileInput.read(file, limit: options.limits.maxBytes)
            document = try XMLDocument(bytes: bytes, path: file, limits: options.limits)
        } catch {
            let report = engine.check(file: file, options: options)
            return (report, [])
        }
        // The engine removes elements dated after the evaluation date from `document`.
        let report = engine.check(document: document, options: options)
        guard report.status == .evaluated, let stage = report.stage else { return (report, []) }
        let ids =
            ruleIDs.isEmpty
            ? report.results.filter { $0.outcome == .fail || $0.outcome == .error }.map(\.ruleID) : ruleIDs
        let explanations = ids.compactMap { id in
            engine.ruleSet.rule(id).map {
                explain(
                    $0, document: document,
                    context: Engine.RuleContext(
                        stage: stage, profile: report.profile, asOf: options.asOf, standard: options.standard,
                        term: report.evaluation?.judgement.notInForce))
            }
        }
        return (report, explanations)
    }

    /// Explains a rule on one of its inline examples (as `Engine.runExample` evaluates it).
    public func explain(_ rule: Rule, example index: Int) -> RuleExplanation? {
        guard rule.examples.indices.contains(index) else { return nil }
        let example = rule.examples[index]
        guard let document = try? XMLDocument(bytes: Array(example.xml.utf8), path: example.position.description) else {
            return nil
        }
        let stage = document.root?.attribute("stage").flatMap { Stage(rawValue: $0) } ?? .application
        let asOf = example.asOf ?? Engine.defaultExampleDate
        document.removeElements(datedAfter: asOf)
        let profile = rule.profiles.first ?? engine.ruleSet.defaultProfile
        return explain(
            rule, document: document, context: Engine.RuleContext(stage: stage, profile: profile, asOf: asOf))
    }

    /// Explains a rule on a document already stripped of elements dated after the context's date.
    func explain(_ rule: Rule, document: XMLDocument, context: Engine.RuleContext) -> RuleExplanation {
        let asOf = context.asOf
        let stage = context.stage
        let environment = EvaluationEnvironment(asOf: asOf, lists: engine.ruleSet.lists)
        let evaluator = XPathEvaluator(
            document: document, namespaces: engine.ruleSet.namespaces, environment: environment,
            operationLimit: XMLLimits.default.xpathOperationLimit)
        let (result, finding) = engine.evaluate(rule, context: context, evaluator: evaluator, document: document)
        let conditions = ConditionEvaluator(evaluator: evaluator)
        let evidence = EvidenceChange(
            evaluator: evaluator, lists: engine.ruleSet.lists, asOf: asOf, position: rule.position)
        func phrase(_ change: EvaluatedCondition.Change) -> String {
            evidence.describe(change) ?? RuleExplainer.phrase(change)
        }
        var explanation = RuleExplanation(
            ruleID: rule.id, title: rule.title, severity: rule.severity, rulePosition: rule.position,
            outcome: result.ruleOutcome, finding: finding, reason: result.reason,
            when: rule.when.map(conditions.evaluate), assertion: conditions.evaluate(rule.assertion),
            partial: rule.partial.map { conditions.evaluate($0.condition) }, located: [], flip: [], flipGoal: "",
            remedy: rule.remedy(for: stage))
        for expression in rule.locate {
            if let nodes = try? evaluator.nodes(expression), !nodes.isEmpty {
                explanation.located = nodes.prefix(ConditionValue.shownNodes).map(ConditionEvaluator.describe)
                break
            }
        }
        if !explanation.outcome.isFailure {
            // The engine looks at the partial condition only when the assertion fails.
            explanation.partial = nil
        }
        switch explanation.outcome {
        case .fail, .partial:
            explanation.flipGoal = "to pass"
            explanation.flip = (explanation.assertion?.changes(toBecome: true) ?? []).map(phrase)
        case .pass:
            explanation.flipGoal = "to fail"
            explanation.flip = (explanation.assertion?.changes(toBecome: false) ?? []).map(phrase)
        case .notApplicable where result.reason == "condition not met":
            explanation.flipGoal = "to apply"
            explanation.flip = (explanation.when?.changes(toBecome: true) ?? []).map(phrase)
        default:
            break
        }
        return explanation
    }

    /// One change in words, from the part's kind and its value now.
    static func phrase(_ change: EvaluatedCondition.Change) -> String {
        let part = change.part
        let text = "`\(part.node.text)`"
        switch (part.node, part.value) {
        case (.leaf, .nodes(let nodes)):
            if change.target {
                return "add evidence matching \(text) (no node matches now)"
            }
            return "remove or correct what \(text) matches: \(ConditionValue.nodes(nodes).description)"
        case (.comparison(let op, _, _, _, _), _):
            let sides = part.children.map { "`\($0.node.text)` is \($0.value)" }.joined(separator: ", ")
            return "make \(text) \(change.target) (\(op) now \(part.truth)): \(sides)"
        case (.call, _):
            let arguments = part.children.filter { if case .string = $0.value { false } else { true } }
            let values = arguments.map { "`\($0.node.text)` is \($0.value)" }.joined(separator: ", ")
            return "make \(text) \(change.target)" + (values.isEmpty ? "" : ": \(values)")
        default:
            return "make \(text) \(change.target) (now \(part.value))"
        }
    }
}
