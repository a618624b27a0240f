/// Which demands a record is judged against (`--standard`).
public enum Standard: String, Sendable, Hashable, Codable, CaseIterable {
    /// The demands in force at the evaluation date: a rule applies from the date of the letter
    /// whose demand it implements (or its own `effectiveFrom`). The default.
    case asOf = "as-of"
    /// Every demand of today's rule set, whatever the evaluation date: past facts judged against
    /// what is demanded now. Rules' own `effectiveFrom` and `effectiveUntil` still hold.
    case current

    /// How a report states it: "the demands in force on 2019-06-01", "every current demand".
    public func described(asOf: LocalDate) -> String {
        switch self {
        case .asOf: return "the demands in force on \(asOf)"
        case .current: return "every current demand"
        }
    }
}
