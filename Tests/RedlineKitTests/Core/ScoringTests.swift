import Testing

@testable import RedlineKit

/// The score formula and the verdict policy.
struct ScoringTests {
    static let policy = VerdictPolicy.StagePolicy(
        levels: [
            .init(name: "revoke", severity: .critical, below: nil, description: ""),
            .init(name: "suspend", severity: nil, category: "suspension", below: 40, description: ""),
            .init(name: "review", severity: .major, below: 85, description: ""),
            .init(name: "maintain", severity: nil, below: nil, description: ""),
        ], onError: "review")

    @Test(arguments: [
        (100.0, [Severity](), false, "maintain"), (90.0, [.minor], false, "maintain"),
        (90.0, [.major], false, "review"),
        (84.9, [], false, "review"), (39.0, [.minor], false, "suspend"), (95.0, [.critical], false, "revoke"),
        (100.0, [], true, "review"), (10.0, [], true, "suspend"),
    ])
    func verdictFollowsThePolicy(_ score: Double, _ failed: [Severity], _ error: Bool, _ verdict: String) {
        #expect(Self.policy.verdict(score: score, failedSeverities: failed, hadError: error) == verdict)
    }

    /// A failed rule of a level's category triggers that level, whatever its severity or the
    /// score; a more severe level still wins.
    @Test(arguments: [
        (95.0, [Severity.major], Set(["suspension"]), "suspend"), (95.0, [.minor], Set(["other"]), "maintain"),
        (95.0, [.critical, .major], Set(["suspension", "sanctions"]), "revoke"),
        (90.0, [.major], Set<String>(), "review"),
    ])
    func aFailedCategoryTriggersItsLevel(
        _ score: Double, _ failed: [Severity], _ categories: Set<String>, _ verdict: String
    ) {
        #expect(
            Self.policy.verdict(score: score, failedSeverities: failed, failedCategories: categories, hadError: false)
                == verdict)
    }

    @Test func scoreWeighsCreditsOverApplicableRules() throws {
        let rules = Array(Fixtures.defaultRuleSet.rules.prefix(4))
        try #require(rules.count == 4)
        let results = [
            RuleResult(ruleID: rules[0].id, outcome: .pass, credit: 1),
            RuleResult(ruleID: rules[1].id, outcome: .fail, credit: 0.5),
            RuleResult(ruleID: rules[2].id, outcome: .notApplicable, credit: 0),
            RuleResult(ruleID: rules[3].id, outcome: .error, credit: 0),
        ]
        let expected =
            (rules[0].weight + 0.5 * rules[1].weight) / (rules[0].weight + rules[1].weight + rules[3].weight) * 100
        #expect(abs(Judgement.score(results, rules: rules) - expected) < 0.051)
        let notApplicable = RuleResult(ruleID: rules[2].id, outcome: .notApplicable, credit: 0)
        #expect(Judgement.score([notApplicable], rules: [rules[2]]) == 100)
    }
}
