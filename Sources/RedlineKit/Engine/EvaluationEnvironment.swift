/// What redline's XPath functions see while evaluating one record: the evaluation date and the
/// rule set's reference lists. Created per evaluation; read-only.
final class EvaluationEnvironment {
    let asOf: LocalDate
    let lists: [String: ReferenceList]
    /// The first problem a function met (an unknown list id), reported as a rule error.
    var functionError: String?

    init(asOf: LocalDate, lists: [String: ReferenceList]) {
        self.asOf = asOf
        self.lists = lists
    }
}
