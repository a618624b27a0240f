/// Renders a `redline rules test` run as text: each failed check with the expected and actual
/// outcome and the values its conditions saw, the records that declare nothing, optionally the
/// coverage per rule, and a last line with the counts.
public struct RuleTestReportRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report of `run`; the coverage section when `coverage` is true or a `minimum`
    /// coverage is set.
    public func render(_ run: RuleSetTester.Run, coverage: Bool, minimum: Double?) -> String {
        var out = run.failures.map(failure).joined()
        for path in run.undeclaredRecords {
            out += "note: \(path) declares no <?redline-expect …?>; not checked\n"
        }
        if coverage || minimum != nil { out += self.coverage(run, minimum: minimum) }
        return out + totals(run)
    }

    private func failure(_ failure: RuleTestCase) -> String {
        var out = ""
        if failure.isError {
            for error in failure.declarationErrors {
                out += "ERROR \(error.position): \(error.message)\n"
                if let suggestion = error.suggestion { out += "    fix: \(suggestion)\n" }
            }
            return out
        }
        let subject = failure.suite.hasSuffix(".xml") ? failure.name : "[\(failure.suite)] \(failure.name)"
        out += "FAIL \(failure.position): \(subject): expected \(failure.expected), got \(failure.actual)\n"
        for detail in failure.details { out += "    \(detail)\n" }
        return out
    }

    private func coverage(_ run: RuleSetTester.Run, minimum: Double?) -> String {
        var out = "\ncoverage per rule (outcomes pass and fail, each branch true and false):\n"
        let width = run.coverage.map(\.ruleID.count).max() ?? 0
        for entry in run.coverage {
            let id = entry.ruleID.padding(toLength: width, withPad: " ", startingAt: 0)
            out += "  \(id)  \(entry.hit)/\(entry.total)"
            let gaps = entry.gaps
            out += gaps.isEmpty ? "  complete\n" : "\n" + gaps.map { "      - \($0)\n" }.joined()
        }
        out += "coverage: \(Self.percent(run.coveragePercent))%"
        if let minimum {
            out += " (minimum \(Self.percent(minimum))%\(run.isBelow(minimumCoverage: minimum) ? ", FAILED" : ""))"
        }
        return out + "\n"
    }

    private func totals(_ run: RuleSetTester.Run) -> String {
        let inline = run.cases.filter { !$0.suite.hasSuffix(".xml") }.count
        let failed = run.failures.count
        let invalid = run.failures.filter(\.isError).count
        var out = "\(run.cases.count) checks (\(inline) inline examples, "
        out += "\(run.cases.count - inline) record expectations): "
        out += failed == 0 ? "all passed\n" : "\(failed) failed"
        if invalid > 0 { out += " (\(invalid) with an invalid declaration)" }
        if failed > 0 { out += "\n" }
        return out
    }

    /// A percentage without a trailing `.0`.
    private static func percent(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
