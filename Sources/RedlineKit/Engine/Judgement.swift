/// What a record's rule results come to under its stage's policy: the weighted score and the
/// verdict. Worked out in one place, ``init(results:findings:rules:policy:stage:notInForce:)``:
/// the engine judges every finding, an audit judges again with the waived ones set aside.
public struct Judgement: Sendable, Hashable {
    /// The weighted score, 0–100, rounded to one decimal.
    public var score: Double
    /// The verdict.
    public var verdict: String
    /// Whether the verdict is the policy's clean one (approve / maintain / confirm).
    public var isClean: Bool
    /// Whether the verdict is the policy's most severe one (refuse / revoke) of several.
    public var isSevere: Bool
    /// For an issued licence no longer in force: why and since when (`nil` while in force).
    public var notInForce: LicenceTerm?
    /// The policy's combinations of red flags that hold, with the failing rules that make each.
    public var combinations: [CombinationHit]

    /// A combination that holds on a record.
    public struct CombinationHit: Sendable, Hashable, Codable {
        /// The combination's id.
        public var id: String
        /// Its title.
        public var title: String
        /// The verdict it gives at least.
        public var verdict: String
        /// The failing rules that make it hold.
        public var rules: [String]
    }

    /// Judges `results` (in the order of `rules`) and `findings` under the policy of `stage`:
    /// the verdict follows from the score, the severities and categories of failed and partly
    /// failed rules, whether a rule could not be evaluated, and the combinations that hold. A
    /// licence that is not in force gets the retrospective verdict when something is still
    /// wrong, else ``VerdictPolicy/notInForce``.
    public init(
        results: [RuleResult], findings: [Finding], rules: [Rule], policy: VerdictPolicy, stage: Stage,
        notInForce: LicenceTerm? = nil
    ) {
        let stagePolicy = policy.policy(for: stage)
        score = Judgement.score(results, rules: rules)
        let failed = findings.filter { $0.kind == .fail || $0.kind == .partial }
        var verdict = stagePolicy.verdict(
            score: score, failedSeverities: failed.map(\.severity), failedCategories: Set(failed.map(\.category)),
            hadError: results.contains { $0.outcome == .error })
        let failing = Set(failed.map(\.ruleID))
        combinations = policy.combinations.compactMap { combination in
            guard let named = combination.verdicts[stage], let rules = combination.matches(failing: failing) else {
                return nil
            }
            return CombinationHit(id: combination.id, title: combination.title, verdict: named, rules: rules)
        }
        for hit in combinations { verdict = stagePolicy.moreSevere(verdict, hit.verdict) }
        self.notInForce = notInForce
        if notInForce != nil {
            // Nothing about a live licence is left to decide; what still fails calls for a
            // retrospective review (AN19: review the licences of the past five years).
            let stillWrong = verdict != stagePolicy.clean || failed.contains { $0.severity > .info }
            verdict = stillWrong ? (stagePolicy.retrospective ?? VerdictPolicy.notInForce) : VerdictPolicy.notInForce
        }
        self.verdict = verdict
        isClean = verdict == stagePolicy.clean
        isSevere = stagePolicy.levels.count > 1 && verdict == stagePolicy.levels.first?.name
    }

    /// The weighted score: 100 × Σ(weight × credit) / Σ(weight) over applicable rules
    /// (pass earns 1, a partial fail its credit, a fail or an error 0); 100 when no rule applies.
    public static func score(_ results: [RuleResult], rules: [Rule]) -> Double {
        var earned = 0.0
        var total = 0.0
        // Indices, not zip(results, rules): zip would copy every Rule (and retain its fields).
        for index in results.indices where index < rules.count && results[index].outcome != .notApplicable {
            let weight = rules[index].weight
            total += weight
            earned += weight * results[index].credit
        }
        guard total > 0 else { return 100 }
        return ((earned / total) * 1000).rounded() / 10
    }
}
