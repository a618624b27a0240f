/// A licence's standing over time: the record evaluated at each of its own dates (submitted,
/// decided, valid from and until, every dated event, assessment and review) and at each date on
/// which a rule or a letter's demands came into force, up to the evaluation date, with what
/// happened on that date and what changed: the rules that began or stopped failing and the
/// verdict before and after.
///
/// The record is parsed once and the rule set compiled once; each date evaluates a copy of the
/// parsed tree (an evaluation prunes what is dated after its date).
public struct LicenceTimeline: Sendable, Hashable {
    /// Something that happened on a date.
    public struct Cause: Sendable, Hashable, Codable {
        /// What kind of thing: `record` (a dated element of the record), `rule` (a rule comes into
        /// force or lapses), `letter` (a letter's demands apply from its date), `as-of` (the
        /// evaluation date).
        public var kind: String
        /// In words: "event misuse-report (forensic, IN)", "letter CS21".
        public var label: String
        /// The record's line, for a dated element.
        public var line: Int?
    }

    /// The record at one date.
    public struct Step: Sendable, Hashable, Codable {
        public var date: LocalDate
        public var causes: [Cause]
        /// The verdict (nil when the record could not be evaluated at this date).
        public var verdict: String?
        public var score: Double?
        /// The rules that fail at this date.
        public var failing: [String]
        /// Rules failing now that did not before.
        public var began: [String]
        /// Rules that failed before and do not now.
        public var ended: [String]
        /// The verdict before this date (nil for the first step).
        public var previousVerdict: String?
        /// Why the record could not be evaluated, if it could not.
        public var error: String?

        /// Whether the verdict changed on this date.
        public var changesVerdict: Bool { previousVerdict != nil && previousVerdict != verdict }
    }

    /// The record's display path.
    public var file: String
    public var recordID: String?
    public var stage: Stage?
    public var profile: String
    public var steps: [Step]

    /// The timeline of the record in `bytes` up to `options.asOf`.
    /// - Throws: the record's error when it cannot be parsed or is not a valid licence record.
    public static func of(bytes: [UInt8], path: String, engine: Engine, options: EvaluationOptions)
        throws(RedlineError) -> LicenceTimeline
    {
        let document = try XMLDocument(bytes: bytes, path: path, limits: options.limits)
        let end = options.asOf
        guard let first = document.copy() else {
            throw RedlineError(.tooLarge, "out of memory copying the record", at: SourcePosition(file: path))
        }
        let check = engine.check(document: first, options: options)
        if let error = check.error { throw error }
        if case .invalid(let violations) = check.outcome, let violation = violations.first {
            throw RedlineError(
                .schemaInvalid, violation.message,
                at: SourcePosition(file: path, line: violation.location.line, column: 0),
                suggestion: violation.remedy)
        }
        var byDate: [LocalDate: [Cause]] = [:]
        for (date, cause) in recordDates(document) + ruleDates(engine.ruleSet, options: options) where date <= end {
            byDate[date, default: []].append(cause)
        }
        if let submitted = submitted(document) { byDate = byDate.filter { $0.key >= submitted } }
        byDate[end, default: []].append(Cause(kind: "as-of", label: "the evaluation date", line: nil))
        var steps: [Step] = []
        var previous: Step?
        for date in byDate.keys.sorted() {
            var dated = options
            dated.asOf = date
            guard let copy = document.copy() else { break }
            let report = engine.check(document: copy, options: dated)
            let failing = Array(Set(report.findings.filter { $0.kind != .schema }.map(\.ruleID))).sorted()
            let before = Set(previous?.failing ?? [])
            let step = Step(
                date: date, causes: byDate[date] ?? [], verdict: report.verdict, score: report.score,
                failing: failing, began: failing.filter { !before.contains($0) },
                ended: before.subtracting(failing).sorted(), previousVerdict: previous?.verdict,
                error: report.error?.message)
            steps.append(step)
            previous = step
        }
        return LicenceTimeline(
            file: path, recordID: check.recordID, stage: check.stage, profile: check.profile, steps: steps)
    }

    /// Every date written in the record (an element's text or an attribute that is a date),
    /// with what it dates.
    static func recordDates(_ document: XMLDocument) -> [(LocalDate, Cause)] {
        guard let root = document.root else { return [] }
        var out: [(LocalDate, Cause)] = []
        func visit(_ element: XMLElement) {
            for name in element.attributeNames {
                if let value = element.attribute(name), value.count == 10, let date = LocalDate(value) {
                    out.append((date, Cause(kind: "record", label: label(element), line: element.line)))
                }
            }
            let children = element.children
            if children.isEmpty {
                let text = element.text.trimmingWhitespace().description
                if text.count == 10, let date = LocalDate(text) {
                    out.append((date, Cause(kind: "record", label: label(element), line: element.line)))
                }
            }
            children.forEach(visit)
        }
        visit(root)
        return out
    }

    /// `event misuse-report (forensic, IN)`, `validUntil`, `impactAssessment (independent)`.
    static func label(_ element: XMLElement) -> String {
        var out = element.name
        if let type = element.attribute("type") ?? element.attribute("kind") { out += " " + type }
        var details: [String] = []
        for name in ["provenance", "independence", "outcome"] {
            if let value = element.attribute(name) { details.append(value) }
        }
        if let country = element.child(named: "country")?.text.trimmingWhitespace().description {
            details.append(country)
        }
        if let list = element.child(named: "list")?.text.trimmingWhitespace().description { details.append(list) }
        return details.isEmpty ? out : out + " (" + details.joined(separator: ", ") + ")"
    }

    /// When rules come into force or lapse, and when letters' demands apply.
    static func ruleDates(_ ruleSet: RuleSet, options: EvaluationOptions) -> [(LocalDate, Cause)] {
        var out: [(LocalDate, Cause)] = []
        for rule in ruleSet.rules {
            if let from = rule.effectiveFrom {
                out.append((from, Cause(kind: "rule", label: "\(rule.id) in force", line: nil)))
            }
            if let until = rule.effectiveUntil {
                out.append((until, Cause(kind: "rule", label: "\(rule.id) lapses", line: nil)))
            }
        }
        if options.standard == .asOf {
            for letter in ruleSet.letters {
                if let date = letter.date {
                    out.append(
                        (date, Cause(kind: "letter", label: "letter \(letter.id): its demands apply", line: nil)))
                }
            }
        }
        return out
    }

    private static func submitted(_ document: XMLDocument) -> LocalDate? {
        document.root?.child(named: "lifecycle")?.child(named: "submitted")
            .flatMap { LocalDate($0.text.trimmingWhitespace().description) }
    }
}
