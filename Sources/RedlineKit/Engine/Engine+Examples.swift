extension Engine {
    /// The outcome of running one rule on one of its inline examples.
    public struct ExampleOutcome: Sendable, Hashable {
        /// The rule's id.
        public var ruleID: String
        /// The example's index among the rule's examples (0-based).
        public var index: Int
        /// What the example expects: pass, fail, partial or not-applicable.
        public var expected: RuleOutcome
        /// What the rule gave (possibly `error`).
        public var actual: RuleOutcome
        /// The finding's message or the error, when there is one.
        public var detail: String?
        /// Where the example is written.
        public var position: SourcePosition

        /// Whether the rule gave what the example expects.
        public var passed: Bool { expected == actual }
    }

    /// The evaluation date used for an example without `asOf`.
    public static let defaultExampleDate = LocalDate(year: 2026, month: 1, day: 1)!

    /// Runs a rule on one of its inline examples. Inline examples are minimal records and are
    /// not validated against the record schema; only this rule is evaluated.
    public func runExample(_ rule: Rule, index: Int, profile: String? = nil) -> ExampleOutcome {
        let example = rule.examples[index]
        var outcome = ExampleOutcome(
            ruleID: rule.id, index: index, expected: example.expect, actual: .error, detail: nil,
            position: example.position)
        let document: XMLDocument
        do {
            document = try XMLDocument(bytes: Array(example.xml.utf8), path: example.position.description)
        } catch {
            outcome.detail = error.message
            return outcome
        }
        let stage = document.root?.attribute("stage").flatMap { Stage(rawValue: $0) } ?? .application
        let asOf = example.asOf ?? Engine.defaultExampleDate
        document.removeElements(datedAfter: asOf)
        let environment = EvaluationEnvironment(asOf: asOf, lists: ruleSet.lists)
        let evaluator = XPathEvaluator(
            document: document, namespaces: ruleSet.namespaces, environment: environment,
            operationLimit: XMLLimits.default.xpathOperationLimit)
        let chosen = profile ?? rule.profiles.first ?? ruleSet.defaultProfile
        let root = document.root
        let term = stage == .licence ? root.flatMap { Engine.term(of: $0, asOf: asOf) } : nil
        let context = RuleContext(stage: stage, profile: chosen, asOf: asOf, term: term)
        let (result, finding) = evaluate(rule, context: context, evaluator: evaluator, document: document)
        outcome.actual = result.ruleOutcome
        outcome.detail = finding?.message ?? result.reason
        return outcome
    }

    /// Runs every inline example of every rule.
    public func runAllExamples() -> [ExampleOutcome] {
        ruleSet.rules.flatMap { rule in rule.examples.indices.map { runExample(rule, index: $0) } }
    }
}
