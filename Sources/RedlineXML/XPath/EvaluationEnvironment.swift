/// What redline's XPath functions see while evaluating one record: the evaluation date, the
/// rule set's reference lists and the record's deadline. Created per evaluation (one record, one
/// thread); the date, lists and deadline are read-only, the name-key cache fills as rules run.
package final class EvaluationEnvironment {
    let asOf: LocalDate
    let lists: [String: ReferenceList]
    /// When the record's time is up (`--max-seconds-per-record`): checked while expressions run,
    /// inside long loops and string functions, not only between rules.
    let deadline: Deadline
    /// The first problem a function met (an unknown list id), reported as a rule error.
    var functionError: String?
    /// Whether an evaluation found the deadline passed; once set, every evaluation stops.
    package private(set) var timedOut = false
    /// Work done since the clock was last read.
    private var workSinceClock = 0
    /// Party-name comparison keys already computed for this record (several rules look up the
    /// same names on several lists).
    private var partyKeys: [String: String] = [:]

    /// How much work passes between two readings of the clock: about 4,096 node visits, or
    /// 256 KiB of string work.
    static let clockStride = 4_096

    /// The work units that reading or writing a string of `byteCount` UTF-8 bytes costs: one per
    /// 64 bytes (libxml2 does about 40 M operations a second and copies about 2.5 GB), plus one.
    @inline(__always)
    static func cost(ofText byteCount: Int) -> Int { 1 + byteCount >> 6 }

    /// Counts `units` of work and, every ``clockStride`` units, reads the clock: false once the
    /// deadline has passed.
    @inline(__always)
    func spend(_ units: Int) -> Bool {
        workSinceClock &+= units
        guard workSinceClock >= Self.clockStride || timedOut else { return true }
        workSinceClock = 0
        if !timedOut, deadline.hasPassed { timedOut = true }
        return !timedOut
    }

    /// The comparison key of `value` for `list`'s kind, cached for party names.
    func key(for value: String, in list: ReferenceList) -> String {
        guard list.kind == .party else { return list.key(for: value) }
        if let cached = partyKeys[value] { return cached }
        let key = list.key(for: value)
        partyKeys[value] = key
        return key
    }

    /// Screenings already made for this record: list id, a NUL, the value.
    private var screenings: [String: NameScreening?] = [:]

    /// How `value` matches a party list on the evaluation date: the screener's best match (a hit
    /// only for an equal name of a strong name, which is what `rl:in-list` finds), or, for a list
    /// without a screener, an equal comparison key (``NameNormalizer``) as a hit; and the work it
    /// took (1 when this record screened the value on the list before).
    func screening(of value: String, in list: ReferenceList) -> (match: NameScreening?, work: Int) {
        let cacheKey = list.id + "\u{0}" + value
        if let known = screenings[cacheKey] { return (known, 1) }
        var found: (match: NameScreening?, work: Int) = (nil, 1 + list.entries.count)
        if let screener = list.screener?.screener {
            found = screener.screen(value, on: asOf)
        } else if let entry = list.match(key: key(for: value, in: list), on: asOf) {
            let place = "\(entry.position.file):\(entry.position.line)"
            found.match = NameScreening(
                tier: .hit, score: 1,
                entry: "\"\(entry.value)\" of list \(list.id) (\(place)), listed from \(entry.since)")
        }
        screenings[cacheKey] = found.match
        return found
    }

    /// `deadline`: the record's (none by default: rule tests, `explain` and warm-up run unbounded).
    package init(asOf: LocalDate, lists: [String: ReferenceList], deadline: Deadline = Deadline(seconds: .infinity)) {
        self.asOf = asOf
        self.lists = lists
        self.deadline = deadline
    }
}
