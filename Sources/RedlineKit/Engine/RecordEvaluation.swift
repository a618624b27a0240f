/// What the rules gave on a record: every rule's result, the findings and their judgement.
public struct RecordEvaluation: Sendable, Hashable {
    /// Every rule's outcome, in rule-set order.
    public var results: [RuleResult]
    /// The findings, most severe first, then by line and rule id.
    public var findings: [Finding]
    /// The score and verdict they come to.
    public var judgement: Judgement

    /// Creates an evaluation.
    public init(results: [RuleResult], findings: [Finding], judgement: Judgement) {
        self.results = results
        self.findings = findings
        self.judgement = judgement
    }

    /// The judgement with the findings of `waivedRules` set aside: those rules count as passes.
    /// The evaluation's own judgement when nothing is waived.
    public func judgement(waiving waivedRules: Set<String>, rules: [Rule], policy: VerdictPolicy, stage: Stage)
        -> Judgement
    {
        guard !waivedRules.isEmpty else { return judgement }
        let passed = results.map { result in
            waivedRules.contains(result.ruleID) ? RuleResult(ruleID: result.ruleID, outcome: .pass, credit: 1) : result
        }
        let active = findings.filter { !waivedRules.contains($0.ruleID) }
        return Judgement(
            results: passed, findings: active, rules: rules, policy: policy, stage: stage,
            notInForce: judgement.notInForce)
    }
}
