/// The waivers of an audit, with what each one matched.
public struct WaiverSet: Sendable {
    /// The waivers, in file order.
    public var waivers: [Waiver]
    /// The file they were read from (empty when there are none).
    public var file: String

    /// No waivers.
    public static let none = WaiverSet(waivers: [], file: "")

    /// Creates a set.
    public init(waivers: [Waiver], file: String) {
        self.waivers = waivers
        self.file = file
    }

    /// What a finding's waiver check gave.
    public enum Match: Sendable, Hashable {
        /// A waiver in force covers the finding: it is reported as waived.
        case waived(Waiver)
        /// Only an expired waiver covers it: the finding counts, and the expiry is reported.
        case expired(Waiver)
    }

    /// The first waiver in force covering the finding, else the first expired one, else `nil`.
    public func match(ruleID: String, recordID: String?, path: String, asOf: LocalDate) -> Match? {
        var expired: Waiver?
        for waiver in waivers where waiver.matches(ruleID: ruleID, recordID: recordID, path: path) {
            if !waiver.isExpired(on: asOf) { return .waived(waiver) }
            if expired == nil { expired = waiver }
        }
        return expired.map { .expired($0) }
    }

    /// For each finding of `report`, in order, the waiver check's result; no waiver covers the
    /// findings of a record that was not evaluated (schema violations).
    public func matches(for report: RecordReport, asOf: LocalDate) -> [Match?] {
        guard report.status == .evaluated else { return report.findings.map { _ in nil } }
        return report.findings.map { finding in
            match(ruleID: finding.ruleID, recordID: report.recordID, path: report.file, asOf: asOf)
        }
    }
}
