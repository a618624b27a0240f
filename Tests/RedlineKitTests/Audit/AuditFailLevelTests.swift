import Testing

@testable import RedlineKit

/// `--fail-on`: which summaries fail at which level.
struct AuditFailLevelTests {
    static func summary(errors: Int = 0, severe: Int = 0, notClean: Int = 0, withFindings: Int = 0) -> AuditSummary {
        var summary = AuditSummary()
        summary.errors = errors
        summary.severe = severe
        summary.notClean = max(notClean, severe)
        summary.withFindings = max(withFindings, summary.notClean)
        return summary
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let summary: AuditSummary
        let expected: [AuditFailLevel: AuditFailLevel.Outcome]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "clean", summary: summary(),
            expected: [.never: .pass, .error: .pass, .refuse: .pass, .review: .pass, .anyFinding: .pass]),
        Case(
            name: "only an info finding on a clean record", summary: summary(withFindings: 1),
            expected: [.never: .pass, .error: .pass, .refuse: .pass, .review: .pass, .anyFinding: .policyFailed]),
        Case(
            name: "a review verdict", summary: summary(notClean: 1),
            expected: [
                .never: .pass, .error: .pass, .refuse: .pass, .review: .policyFailed, .anyFinding: .policyFailed,
            ]),
        Case(
            name: "a revoke verdict", summary: summary(severe: 1),
            expected: [
                .never: .pass, .error: .pass, .refuse: .policyFailed, .review: .policyFailed,
                .anyFinding: .policyFailed,
            ]),
        Case(
            name: "an input error and a revoke", summary: summary(errors: 1, severe: 1),
            expected: [
                .never: .pass, .error: .inputError, .refuse: .inputError, .review: .inputError,
                .anyFinding: .inputError,
            ]),
    ]

    @Test(arguments: cases)
    func outcomes(_ item: Case) {
        for level in AuditFailLevel.allCases {
            #expect(level.outcome(of: item.summary) == item.expected[level], "\(level.rawValue)")
        }
    }
}
