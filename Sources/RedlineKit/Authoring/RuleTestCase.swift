/// One check `redline rules test` ran: a rule's inline example, or one `redline-expect`
/// declaration of an example record.
public struct RuleTestCase: Sendable, Hashable {
    /// The group: the rule id for inline examples, the record file for records.
    public var suite: String
    /// What was checked, e.g. `example 2 'self-declared only' (fail)` or `as of 2021-11-04`.
    public var name: String
    /// Whether the outcome was the expected one.
    public var passed: Bool
    /// The expected outcome, in words.
    public var expected: String
    /// The actual outcome, in words.
    public var actual: String
    /// Why it failed: the values the conditions saw, the missing and unexpected findings.
    public var details: [String]
    /// Where the example or declaration is written.
    public var position: SourcePosition
    /// What is wrong with a record's `<?redline-expect …?>` declaration itself (an unknown
    /// verdict, rule id or profile); when there is something, the check is an error, not a mismatch.
    public var declarationErrors: [RedlineError] = []

    /// Whether the check could not be made because its declaration is wrong.
    public var isError: Bool { !declarationErrors.isEmpty }
}
