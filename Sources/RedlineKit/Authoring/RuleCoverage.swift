/// Accumulates, over a batch of record reports, which rules ever fired, passed or applied:
/// the data of `redline audit --coverage`. Feed it reports in any order; results are in rule
/// order.
public struct RuleCoverage: Sendable, Hashable {
    /// How often one rule gave each outcome.
    public struct Counts: Sendable, Hashable, Codable {
        /// The rule id.
        public var ruleID: String
        /// Failed, partial fails included.
        public var fired = 0
        /// Passed.
        public var passed = 0
        /// Not applicable.
        public var notApplicable = 0
        /// Could not be evaluated.
        public var errors = 0

        /// Applied: passed, failed or errored.
        public var applied: Int { fired + passed + errors }
    }

    /// The rule ids, in rule-set order.
    public let ruleIDs: [String]
    private var counts: [String: Counts]
    /// The number of evaluated reports fed.
    public private(set) var evaluatedRecords = 0

    /// Creates an empty accumulator for a rule set.
    public init(ruleSet: RuleSet) {
        ruleIDs = ruleSet.rules.map(\.id)
        counts = Dictionary(uniqueKeysWithValues: ruleIDs.map { ($0, Counts(ruleID: $0)) })
    }

    /// Adds one report; reports that were not evaluated (errors, schema-invalid) count for nothing.
    public mutating func add(_ report: RecordReport) {
        guard report.status == .evaluated else { return }
        evaluatedRecords += 1
        for result in report.results {
            guard counts[result.ruleID] != nil else { continue }
            switch result.outcome {
            case .fail: counts[result.ruleID]?.fired += 1
            case .pass: counts[result.ruleID]?.passed += 1
            case .notApplicable: counts[result.ruleID]?.notApplicable += 1
            case .error: counts[result.ruleID]?.errors += 1
            }
        }
    }

    /// Adds many reports.
    public mutating func add(_ reports: [RecordReport]) {
        for report in reports { add(report) }
    }

    /// The counts of every rule, in rule order.
    public var rules: [Counts] { ruleIDs.compactMap { counts[$0] } }

    /// Rules that failed on no record.
    public var neverFired: [String] { rules.filter { $0.fired == 0 }.map(\.ruleID) }

    /// Rules that passed on no record.
    public var neverPassed: [String] { rules.filter { $0.passed == 0 }.map(\.ruleID) }

    /// Rules that applied to no record (not applicable everywhere).
    public var neverApplied: [String] { rules.filter { $0.applied == 0 }.map(\.ruleID) }
}
