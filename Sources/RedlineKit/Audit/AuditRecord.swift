/// One audited input as the reporters see it: the engine's report, which findings are waived,
/// and the judgement once waived findings are set aside.
public struct AuditRecord: Sendable {
    /// The input's position in the sorted input list (0-based).
    public var index: Int
    /// The engine's report; `file` is the display path.
    public var report: RecordReport
    /// For each finding (same order as `report.findings`), the waiver check's result.
    public var waivers: [WaiverSet.Match?]
    /// The judgement with waived findings treated as passes (the report's own when nothing is
    /// waived); nil when the record was not evaluated.
    public var effective: Judgement?
    /// The input's bytes, when a reporter shows the record's own lines (``AuditReporter/needsSource``)
    /// and they could be read; dropped once the record's chunk is written.
    public var source: [UInt8]?

    /// Creates a record.
    public init(
        index: Int, report: RecordReport, waivers: [WaiverSet.Match?], effective: Judgement?, source: [UInt8]? = nil
    ) {
        self.index = index
        self.report = report
        self.waivers = waivers
        self.effective = effective
        self.source = source
    }

    /// The verdict with waived findings treated as passes (equals `report.verdict` when nothing is waived).
    public var effectiveVerdict: String? { effective?.verdict }
    /// Whether `effectiveVerdict` is the policy's clean one.
    public var effectiveClean: Bool { effective?.isClean ?? false }
    /// Whether `effectiveVerdict` is the policy's most severe one (refuse, revoke).
    public var effectiveSevere: Bool { effective?.isSevere ?? false }

    /// The display path.
    public var path: String { report.file }

    /// The waiver in force for the finding at `index`, if any.
    public func waiver(for index: Int) -> Waiver? {
        if case .waived(let waiver) = waivers[index] { return waiver }
        return nil
    }

    /// The expired waiver that would have covered the finding at `index`, if any.
    public func expiredWaiver(for index: Int) -> Waiver? {
        if case .expired(let waiver) = waivers[index] { return waiver }
        return nil
    }

    /// The findings that count (not waived).
    public var activeFindings: [Finding] {
        report.findings.indices.filter { waiver(for: $0) == nil }.map { report.findings[$0] }
    }

    /// Whether the input could not be evaluated (unreadable, malformed, hostile, schema-invalid).
    public var isInputError: Bool { report.status != .evaluated }
}
