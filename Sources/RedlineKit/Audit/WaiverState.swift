/// What became of a waiver over an audit.
public enum WaiverState: String, Sendable, Hashable, Codable {
    /// In force, and it covered at least one finding.
    case applied
    /// Past its expiry date: the findings it would have covered count again.
    case expired
    /// In force, but it matched no finding: remove it.
    case stale

    /// The state of a waiver that is `expired` or not, having covered `matches` findings.
    init(expired: Bool, matches: Int) {
        self = expired ? .expired : (matches == 0 ? .stale : .applied)
    }
}
