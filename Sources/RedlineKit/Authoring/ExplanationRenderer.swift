/// Renders rule explanations as plain text (`redline explain`): deterministic, no colour.
public struct ExplanationRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The record's verdict line followed by each explanation.
    public func render(report: RecordReport, explanations: [RuleExplanation]) -> String {
        var out = ""
        if let error = report.error {
            return error.description + "\n"
        }
        out += "\(report.file): record \(report.recordID ?? "?")"
        if let stage = report.stage { out += " (\(stage.rawValue))" }
        out += ", verdict \(report.verdict ?? "none")"
        if let score = report.score { out += ", score \(Self.number(score))" }
        out += ", as of \(report.asOf), profile \(report.profile)\n"
        if report.status == .invalid {
            for finding in report.findings {
                out += "\(finding.location.file):\(finding.location.line): schema: \(finding.message)\n"
            }
            return out
        }
        if explanations.isEmpty { out += "\nno rule failed\n" }
        for explanation in explanations {
            out += "\n" + render(explanation)
        }
        return out
    }

    /// One explanation.
    public func render(_ explanation: RuleExplanation) -> String {
        var out =
            "[\(explanation.ruleID)] \(explanation.outcome.rawValue) (\(explanation.severity.rawValue)): "
            + "\(explanation.title)\n"
        out += "  rule: \(explanation.rulePosition)\n"
        if let finding = explanation.finding {
            out += "  finding: \(finding.location.file):\(finding.location.line): \(finding.message)\n"
        } else if let reason = explanation.reason {
            out += "  reason: \(reason)\n"
        }
        for (label, condition) in [
            ("when", explanation.when), ("assert", explanation.assertion), ("partial", explanation.partial),
        ] {
            guard let condition else { continue }
            out += "  \(label):\n"
            out += tree(condition, depth: 2)
        }
        if !explanation.located.isEmpty {
            out +=
                "  points at: " + explanation.located.map { "\($0.path) (line \($0.line))" }.joined(separator: ", ")
                + "\n"
        }
        if !explanation.flip.isEmpty {
            out += "  \(explanation.flipGoal):\n"
            for step in explanation.flip { out += "    - \(step)\n" }
        }
        if explanation.outcome.isFailure {
            out += "  remedy: \(explanation.remedy)\n"
        }
        return out
    }

    /// A condition tree, one part a line: `[true] text = value`.
    public func tree(_ condition: EvaluatedCondition, depth: Int) -> String {
        let indent = String(repeating: "  ", count: depth)
        let mark = "[\(condition.truth)]"
        var line: String
        switch condition.node {
        case .and: line = "\(mark) and"
        case .or: line = "\(mark) or"
        case .not: line = "\(mark) not"
        case .comparison(let op, _, _, _, _): line = "\(mark) \(op)  \(condition.node.text)"
        case .call(let name, _, _, _): line = "\(mark) \(name)()  \(condition.node.text)"
        case .leaf: line = "\(mark) \(condition.node.text)  → \(condition.value)"
        }
        var out = indent + line + "\n"
        switch condition.node {
        case .comparison, .call:
            for child in condition.children {
                out += indent + "    `\(child.node.text)` → \(child.value)\n"
            }
        default:
            for child in condition.children { out += tree(child, depth: depth + 1) }
        }
        return out
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
