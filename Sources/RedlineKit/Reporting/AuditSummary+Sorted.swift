extension AuditSummary {
    /// The input errors by code, in code order (what every summary lists).
    var sortedErrorCodes: [(code: String, count: Int)] {
        errorsByCode.keys.sorted().map { ($0, errorsByCode[$0] ?? 0) }
    }

    /// The findings by rule, in rule-id order.
    var sortedRuleCounts: [(rule: String, count: RuleCount)] {
        findings.keys.sorted().map { ($0, findings[$0] ?? RuleCount()) }
    }
}
