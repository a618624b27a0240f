/// What a record's rule results come to under its stage's policy: the weighted score and the
/// verdict. Worked out in one place, ``init(results:findings:rules:policy:)``: the engine
/// judges every finding, an audit judges again with the waived ones set aside.
public struct Judgement: Sendable, Hashable {
    /// The weighted score, 0–100, rounded to one decimal.
    public var score: Double
    /// The verdict.
    public var verdict: String
    /// Whether the verdict is the policy's clean one (approve / maintain).
    public var isClean: Bool
    /// Whether the verdict is the policy's most severe one (refuse / revoke) of several.
    public var isSevere: Bool

    /// Judges `results` (in the order of `rules`) and `findings` under `policy`: the verdict
    /// follows from the score, the severities and categories of failed and partly failed
    /// rules, and whether a rule could not be evaluated.
    public init(results: [RuleResult], findings: [Finding], rules: [Rule], policy: VerdictPolicy.StagePolicy) {
        score = Judgement.score(results, rules: rules)
        let failed = findings.filter { $0.kind == .fail || $0.kind == .partial }
        verdict = policy.verdict(
            score: score, failedSeverities: failed.map(\.severity), failedCategories: Set(failed.map(\.category)),
            hadError: results.contains { $0.outcome == .error })
        isClean = verdict == policy.clean
        isSevere = policy.levels.count > 1 && verdict == policy.levels.first?.name
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
