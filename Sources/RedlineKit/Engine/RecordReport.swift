/// The result of checking one input file: which record it is and how its evaluation ended
/// (``Outcome``: evaluated with a verdict, schema-invalid, or failed with an error).
///
/// Encoded as documented in docs/json-format.md: `status` and the members of the outcome
/// (`verdict`, `score`, `isClean`, `results`, `findings`, `error`) side by side.
public struct RecordReport: Sendable, Hashable, Encodable {
    /// How far evaluation got: the name of the outcome in reports.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The rules ran; the report has a verdict and a score.
        case evaluated
        /// The record is well-formed but does not match the record schema; findings list the violations.
        case invalid
        /// The file could not be read, was too large, not well-formed or hostile; the error says why.
        case error
    }

    /// How evaluation ended.
    public enum Outcome: Sendable, Hashable {
        /// The rules ran.
        case evaluated(RecordEvaluation)
        /// The record does not match the record schema: the violations, as `schema` findings.
        case invalid([Finding])
        /// The record could not be evaluated (unreadable, too large, malformed, hostile, out of time).
        case failed(RedlineError)
    }

    /// The input path as given.
    public var file: String
    /// The record id, when the file could be parsed.
    public var recordID: String?
    /// Application or licence, when known.
    public var stage: Stage?
    /// The profile in force.
    public var profile: String
    /// The evaluation date.
    public var asOf: LocalDate
    /// Which demands the record was judged against.
    public var standard: Standard = .asOf
    /// How evaluation ended.
    public var outcome: Outcome

    /// The outcome's name.
    public var status: Status {
        switch outcome {
        case .evaluated: .evaluated
        case .invalid: .invalid
        case .failed: .error
        }
    }

    /// What the rules gave, when they ran.
    public var evaluation: RecordEvaluation? {
        if case .evaluated(let evaluation) = outcome { return evaluation }
        return nil
    }

    /// The error that stopped evaluation, if any.
    public var error: RedlineError? {
        if case .failed(let error) = outcome { return error }
        return nil
    }

    /// The verdict from the rule set's policy, when the rules ran.
    public var verdict: String? { evaluation?.judgement.verdict }

    /// The weighted score, 0–100, rounded to one decimal, when the rules ran.
    public var score: Double? { evaluation?.judgement.score }

    /// Whether the verdict is the policy's clean one (approve / maintain).
    public var isClean: Bool { evaluation?.judgement.isClean ?? false }

    /// Every rule's outcome, in rule-set order (empty when the rules did not run).
    public var results: [RuleResult] { evaluation?.results ?? [] }

    /// The findings, most severe first, then by line and rule id; for a schema-invalid record,
    /// its violations.
    public var findings: [Finding] {
        switch outcome {
        case .evaluated(let evaluation): evaluation.findings
        case .invalid(let violations): violations
        case .failed: []
        }
    }

    /// The JSON form: the documented keys, the outcome's members side by side.
    private struct Encoded: Encodable {
        var file: String, recordID: String?, stage: Stage?, status: Status, profile: String, asOf: LocalDate
        var standard: Standard
        var verdict: String?, score: Double?, isClean: Bool, notInForce: LicenceTerm?
        var combinations: [Judgement.CombinationHit]?
        var results: [RuleResult], findings: [Finding], error: RedlineError?
    }

    /// Encodes the report with the keys of docs/json-format.md.
    public func encode(to encoder: any Encoder) throws {
        try Encoded(
            file: file, recordID: recordID, stage: stage, status: status, profile: profile, asOf: asOf,
            standard: standard, verdict: verdict, score: score, isClean: isClean,
            notInForce: evaluation?.judgement.notInForce,
            combinations: evaluation.flatMap { $0.judgement.combinations.isEmpty ? nil : $0.judgement.combinations },
            results: results, findings: findings, error: error
        ).encode(to: encoder)
    }
}
