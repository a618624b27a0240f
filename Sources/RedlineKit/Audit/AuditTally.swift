/// What an audit counts as records stream past, in path order: the summary, the rule
/// coverage and how often each waiver matched.
struct AuditTally {
    /// The totals so far (waivers filled in by ``finish(waivers:asOf:)``).
    private(set) var summary = AuditSummary()
    /// The rule coverage so far.
    private(set) var coverage: RuleCoverage
    private let waivers: WaiverSet
    private var applied: [Int]
    private var expired: [Int]

    init(ruleSet: RuleSet, waivers: WaiverSet) {
        coverage = RuleCoverage(ruleSet: ruleSet)
        self.waivers = waivers
        applied = [Int](repeating: 0, count: waivers.waivers.count)
        expired = applied
    }

    /// Counts one record.
    mutating func add(_ record: AuditRecord) {
        summary.add(record)
        coverage.add(record.report)
        for match in record.waivers {
            switch match {
            case .waived(let waiver): if let index = waivers.waivers.firstIndex(of: waiver) { applied[index] += 1 }
            case .expired(let waiver): if let index = waivers.waivers.firstIndex(of: waiver) { expired[index] += 1 }
            case nil: break
            }
        }
    }

    /// The summary with what became of every waiver on `asOf`.
    func finish(asOf: LocalDate) -> AuditSummary {
        var summary = summary
        summary.waivers = waivers.waivers.enumerated().map { index, waiver in
            let isExpired = waiver.isExpired(on: asOf)
            let matches = isExpired ? expired[index] : applied[index]
            return AuditSummary.WaiverStatus(
                id: waiver.id, rule: waiver.rule, status: WaiverState(expired: isExpired, matches: applied[index]),
                matches: matches, expires: waiver.expires.description, approver: waiver.approver)
        }
        return summary
    }
}
