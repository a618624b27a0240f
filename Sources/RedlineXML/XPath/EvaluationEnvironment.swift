/// What redline's XPath functions see while evaluating one record: the evaluation date and the
/// rule set's reference lists. Created per evaluation (one record, one thread); the date and
/// lists are read-only, the name-key cache fills as rules run.
package final class EvaluationEnvironment {
    let asOf: LocalDate
    let lists: [String: ReferenceList]
    /// The first problem a function met (an unknown list id), reported as a rule error.
    var functionError: String?
    /// Party-name comparison keys already computed for this record (several rules look up the
    /// same names on several lists).
    private var partyKeys: [String: String] = [:]

    /// The comparison key of `value` for `list`'s kind, cached for party names.
    func key(for value: String, in list: ReferenceList) -> String {
        guard list.kind == .party else { return list.key(for: value) }
        if let cached = partyKeys[value] { return cached }
        let key = list.key(for: value)
        partyKeys[value] = key
        return key
    }

    package init(asOf: LocalDate, lists: [String: ReferenceList]) {
        self.asOf = asOf
        self.lists = lists
    }
}
