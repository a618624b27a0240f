/// Why an issued licence is no longer in force at the evaluation date, and since when: it
/// expired (`validUntil` passed, or status expired), was surrendered, cancelled, exhausted or
/// revoked. A licence in force has no term (``of(status:ended:validUntil:asOf:)`` gives `nil`).
public struct LicenceTerm: Sendable, Hashable, Codable {
    /// How the licence ended.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// Its validity ran out.
        case expired
        /// The holder gave it up.
        case surrendered
        /// The authority cancelled it (other than by revocation).
        case cancelled
        /// Its quantity or value was used up.
        case exhausted
        /// The authority revoked it.
        case revoked
    }

    /// How it ended.
    public var reason: Reason
    /// The day it ended, when the record says.
    public var since: LocalDate?

    /// Creates a term.
    public init(reason: Reason, since: LocalDate?) {
        self.reason = reason
        self.since = since
    }

    /// "expired on 2023-12-31", "surrendered on 2022-03-01", "cancelled".
    public var description: String {
        since.map { "\(reason.rawValue) on \($0)" } ?? reason.rawValue
    }

    /// Why a licence is not in force at `asOf`, or `nil` when it is: an `ended` element (already
    /// removed when dated after `asOf`) wins, then a status that ends a licence, then a
    /// `validUntil` before `asOf`.
    /// - Parameters:
    ///   - status: `lifecycle/@status`.
    ///   - ended: `lifecycle/ended`'s `reason` and `date`, when present.
    ///   - validUntil: `lifecycle/validUntil`, when present.
    public static func of(
        status: String?, ended: (reason: String?, date: String?)?, validUntil: String?, asOf: LocalDate
    ) -> LicenceTerm? {
        let until = validUntil.flatMap { LocalDate($0) }
        if let ended {
            let reason = ended.reason.flatMap(Reason.init(rawValue:)) ?? .cancelled
            return LicenceTerm(reason: reason, since: ended.date.flatMap { LocalDate($0) })
        }
        if let status, let reason = Reason(rawValue: status) {
            return LicenceTerm(reason: reason, since: reason == .expired ? until : nil)
        }
        if let until, until < asOf { return LicenceTerm(reason: .expired, since: until) }
        return nil
    }
}
