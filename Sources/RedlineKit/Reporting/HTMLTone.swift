/// How a verdict looks in an HTML report: a tone that is named in words and drawn with a
/// symbol as well as a colour, so a reader who cannot tell red from green still tells them apart.
enum HTMLTone: String, CaseIterable {
    case clean, attention, severe, inactive, error

    /// The tone of an audited record's verdict once waived findings are set aside (as its stage's
    /// policy judges it); `.error` when it was not evaluated.
    init(_ record: AuditRecord) {
        guard let verdict = record.effectiveVerdict else {
            self = .error
            return
        }
        if verdict == VerdictPolicy.notInForce {
            self = .inactive
        } else if record.effectiveClean {
            self = .clean
        } else if record.effectiveSevere {
            self = .severe
        } else {
            self = .attention
        }
    }

    /// The tone of `verdict` under `policy` (by the stages that have it); `.error` for none.
    init(verdict: String?, policy: VerdictPolicy) {
        guard let verdict else {
            self = .error
            return
        }
        let stages = [policy.application, policy.licence, policy.determination]
        if verdict == VerdictPolicy.notInForce {
            self = .inactive
        } else if stages.contains(where: { $0.clean == verdict }) {
            self = .clean
        } else if stages.contains(where: { $0.levels.count > 1 && $0.levels.first?.name == verdict }) {
            self = .severe
        } else {
            self = .attention
        }
    }

    /// The symbol shown with the verdict (also in the SVG chart).
    var symbol: String {
        switch self {
        case .clean: "✔"
        case .attention: "▲"
        case .severe: "✖"
        case .inactive: "○"
        case .error: "!"
        }
    }

    /// The tone in words.
    var words: String {
        switch self {
        case .clean: "clean"
        case .attention: "needs attention"
        case .severe: "severe"
        case .inactive: "not in force"
        case .error: "could not be evaluated"
        }
    }

    /// The fill colour (for the chart; the page's stylesheet uses the same).
    var colour: String {
        switch self {
        case .clean: "#1a7f37"
        case .attention: "#9a6700"
        case .severe: "#cf222e"
        case .inactive: "#57606a"
        case .error: "#8250df"
        }
    }
}
