/// How serious a failed rule is. Ordered from `info` (least) to `critical` (most).
public enum Severity: String, CaseIterable, Comparable, Codable, Sendable {
    case info
    case minor
    case major
    case critical

    private var rank: Int {
        switch self {
        case .info: return 0
        case .minor: return 1
        case .major: return 2
        case .critical: return 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
