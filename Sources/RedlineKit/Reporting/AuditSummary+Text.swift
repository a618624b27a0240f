extension AuditSummary {
    /// Records by verdict, then the invalid and the unreadable ones: `1 approve, 2 revoke, 0 invalid, 1 error`.
    var verdictCounts: String {
        let verdicts = self.verdicts.keys.sorted().map { "\(self.verdicts[$0] ?? 0) \($0)" }
        return (verdicts + ["\(invalid) invalid", "\(errors) error"]).joined(separator: ", ")
    }
}
