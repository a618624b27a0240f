/// The aggregate of an audit: counts only, so memory does not grow with the number of records.
public struct AuditSummary: Sendable, Hashable, Codable {
    /// Finding counts for one rule.
    public struct RuleCount: Sendable, Hashable, Codable {
        /// Findings that count.
        public var active: Int = 0
        /// Findings covered by a waiver in force.
        public var waived: Int = 0
    }

    /// What became of one waiver.
    public struct WaiverStatus: Sendable, Hashable, Codable {
        /// The waiver id.
        public var id: String
        /// The rule (pattern).
        public var rule: String
        /// Applied, expired or stale (in force but matched nothing).
        public var status: WaiverState
        /// Findings it covered (applied) or would have covered (expired).
        public var matches: Int
        /// The expiry date.
        public var expires: String
        /// Who approved it.
        public var approver: String
    }

    /// Inputs audited.
    public var records: Int = 0
    /// Evaluated records by verdict (as evaluated, before waivers).
    public var verdicts: [String: Int] = [:]
    /// Records whose verdict changed once waived findings were set aside, by effective verdict.
    public var verdictsAfterWaivers: [String: Int] = [:]
    /// Records that are not clean after waivers.
    public var notClean: Int = 0
    /// Records whose effective verdict is the policy's most severe (refuse / revoke).
    public var severe: Int = 0
    /// Records with at least one finding that counts: not waived, and more than information
    /// (context and red flags of severity info never fail an audit on their own).
    public var withFindings: Int = 0
    /// Inputs that do not match the record schema.
    public var invalid: Int = 0
    /// Inputs that could not be read or parsed.
    public var errors: Int = 0
    /// Inputs that could not be evaluated, by error code (`schema-invalid` for invalid records).
    public var errorsByCode: [String: Int] = [:]
    /// Findings by rule id.
    public var findings: [String: RuleCount] = [:]
    /// Waivers and what became of them, in file order (filled in at the end).
    public var waivers: [WaiverStatus] = []

    /// An empty summary.
    public init() {}

    /// Active findings, all rules.
    public var activeFindings: Int { findings.values.reduce(0) { $0 + $1.active } }
    /// Waived findings, all rules.
    public var waivedFindings: Int { findings.values.reduce(0) { $0 + $1.waived } }
    /// Inputs that could not be evaluated (errors and schema-invalid).
    public var inputErrors: Int { errors + invalid }

    /// Adds one record.
    public mutating func add(_ record: AuditRecord) {
        records += 1
        let report = record.report
        switch report.status {
        case .error:
            errors += 1
            errorsByCode[report.error?.code.rawValue ?? "error", default: 0] += 1
        case .invalid:
            invalid += 1
            errorsByCode[RedlineError.Code.schemaInvalid.rawValue, default: 0] += 1
        case .evaluated:
            if let verdict = report.verdict { verdicts[verdict, default: 0] += 1 }
            if record.effectiveVerdict != report.verdict, let verdict = record.effectiveVerdict {
                verdictsAfterWaivers[verdict, default: 0] += 1
            }
            if !record.effectiveClean { notClean += 1 }
            if record.effectiveSevere { severe += 1 }
        }
        var counted = false
        for (index, finding) in report.findings.enumerated() {
            if record.waiver(for: index) != nil {
                findings[finding.ruleID, default: RuleCount()].waived += 1
            } else {
                findings[finding.ruleID, default: RuleCount()].active += 1
                if finding.severity > .info { counted = true }
            }
        }
        if counted { withFindings += 1 }
    }
}
