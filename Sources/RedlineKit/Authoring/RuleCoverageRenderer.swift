/// Renders a ``RuleCoverage`` as plain text, for `redline audit --coverage`: the rules that
/// never fired, never passed and never applied over the batch, then one line per rule.
public struct RuleCoverageRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The text for a coverage accumulated over a batch.
    public func render(_ coverage: RuleCoverage) -> String {
        var out =
            "rule coverage over \(coverage.evaluatedRecords) evaluated "
            + "record\(coverage.evaluatedRecords == 1 ? "" : "s"):\n"
        for (label, ids) in [
            ("never fired", coverage.neverFired), ("never passed", coverage.neverPassed),
            ("never applied", coverage.neverApplied),
        ] {
            out += "  \(label) (\(ids.count)): \(ids.isEmpty ? "none" : ids.joined(separator: " "))\n"
        }
        let width = coverage.ruleIDs.map(\.count).max() ?? 0
        for counts in coverage.rules {
            let id = counts.ruleID.padding(toLength: width, withPad: " ", startingAt: 0)
            out +=
                "  \(id)  fired \(counts.fired)  passed \(counts.passed)  not applicable \(counts.notApplicable)  "
                + "errors \(counts.errors)\n"
        }
        return out
    }
}
