/// A licence's standing over time: the record evaluated at each of its own dates (submitted,
/// decided, valid from and until, every dated event, assessment and review), at each date on
/// which a rule or a letter's demands came into force, and at each date on which an entry of the
/// rule set's lists that the record names was listed or delisted, up to the evaluation date, with what
/// happened on that date and what changed: the rules that began or stopped failing and the
/// verdict before and after.
///
/// The record is parsed and validated once and the rule set compiled once; each date evaluates a
/// copy of the parsed tree (an evaluation prunes what is dated after its date).
public struct LicenceTimeline: Sendable, Hashable {
    /// Something that happened on a date.
    public struct Cause: Sendable, Hashable, Codable {
        /// What kind of thing: `record` (a dated element of the record), `rule` (a rule comes into
        /// force or lapses), `letter` (a letter's demands apply from its date), `list` (an entry the
        /// record names is listed or delisted), `as-of` (the evaluation date).
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
    /// The dates are evaluated on `jobs` threads; the result does not depend on it.
    public static func of(bytes: [UInt8], path: String, engine: Engine, options: EvaluationOptions, jobs: Int = 1)
        throws(RedlineError) -> LicenceTimeline
    {
        let document = try XMLDocument(bytes: bytes, path: path, limits: options.limits)
        let end = options.asOf
        // Validated (and normalized) once, on the parsed record: every date evaluates a copy.
        guard BuiltIn.recordSchema.validate(document).isEmpty else {
            // Not a valid licence record: the error `check` gives, from the engine.
            throw error(of: engine.check(document: document, options: options))
        }
        WhitespaceNormalizer.normalize(document)
        var byDate: [LocalDate: [Cause]] = [:]
        let found =
            recordDates(document) + ruleDates(engine.ruleSet, options: options) + listDates(engine.ruleSet, document)
        for (date, cause) in found where date <= end {
            byDate[date, default: []].append(cause)
        }
        if let submitted = submitted(document) { byDate = byDate.filter { $0.key >= submitted } }
        byDate[end, default: []].append(Cause(kind: "as-of", label: "the evaluation date", line: nil))
        let dates = byDate.keys.sorted()
        // One copy per date, made here (a tree is read by one thread at a time); each evaluated
        // on its own thread.
        let copies = Copies(documents: dates.map { _ in document.copy() })
        let reports = parallelMap(dates.count, jobs: jobs) { index -> RecordReport? in
            guard let copy = copies.documents[index] else { return nil }
            var dated = options
            dated.asOf = dates[index]
            return engine.check(validatedCopy: copy, options: dated)
        }
        // The last date is the evaluation date: its report names the record, or says why it has
        // no timeline (e.g. it was submitted after that date).
        guard let last = reports.last ?? nil else {
            throw RedlineError(.tooLarge, "out of memory copying the record", at: SourcePosition(file: path))
        }
        if last.status != .evaluated { throw error(of: last) }
        var steps: [Step] = []
        var previous: Step?
        for (date, report) in zip(dates, reports) {
            guard let report else { break }
            let failing = Array(Set(report.findings.filter { $0.kind != Finding.Kind.schema }.map { $0.ruleID }))
                .sorted()
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
            file: path, recordID: last.recordID, stage: last.stage, profile: last.profile, steps: steps)
    }

    /// Why a record that was not evaluated has no timeline: its error, or its first format error.
    private static func error(of report: RecordReport) -> RedlineError {
        if let error = report.error { return error }
        if case .invalid(let violations) = report.outcome, let violation = violations.first {
            return RedlineError(
                .schemaInvalid, violation.message,
                at: SourcePosition(file: report.file, line: violation.location.line, column: 0),
                suggestion: violation.remedy)
        }
        return RedlineError(.schemaInvalid, "the record could not be evaluated", at: SourcePosition(file: report.file))
    }

    /// Copies of one record, each evaluated by one thread only.
    private struct Copies: @unchecked Sendable {
        var documents: [XMLDocument?]
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

    /// When the entries of the rule set's lists that the record names (their value appears in
    /// its text, any case) were listed and delisted.
    static func listDates(_ ruleSet: RuleSet, _ document: XMLDocument) -> [(LocalDate, Cause)] {
        guard let text = document.root.map({ asciiLowercased($0.serialized()) }) else { return [] }
        var out: [(LocalDate, Cause)] = []
        for id in ruleSet.lists.keys.sorted() {
            for entry in ruleSet.lists[id]?.entries ?? [] where entry.value.utf8.count > 2 {
                let needle = asciiLowercased(entry.value)
                guard contains(text, needle) else { continue }
                out.append((entry.since, Cause(kind: "list", label: "\(entry.value) on list \(id)", line: nil)))
                if let until = entry.until {
                    out.append((until, Cause(kind: "list", label: "\(entry.value) off list \(id)", line: nil)))
                }
            }
        }
        return out
    }

    /// Whether `needle` occurs in `haystack` (bytes).
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        return haystack.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { word in
                var index = 0
                let last = text.count - word.count
                while index <= last {
                    if text[index] == first {
                        var offset = 1
                        while offset < word.count, text[index + offset] == word[offset] { offset += 1 }
                        if offset == word.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }

    /// The UTF-8 bytes of `text` with ASCII letters in lower case.
    private static func asciiLowercased(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    private static func submitted(_ document: XMLDocument) -> LocalDate? {
        document.root?.child(named: "lifecycle")?.child(named: "submitted")
            .flatMap { LocalDate($0.text.trimmingWhitespace().description) }
    }
}
