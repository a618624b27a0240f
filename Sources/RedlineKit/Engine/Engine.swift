import Dispatch
import Synchronization

/// Evaluates licence records against one compiled rule set. Thread-safe: one engine serves
/// any number of concurrent checks (each record gets its own document and XPath context).
public final class Engine: Sendable {
    /// The rule set.
    public let ruleSet: RuleSet

    /// Creates an engine for a loaded rule set.
    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
    }

    /// The profile a check will use, or a usage error naming the valid ones.
    public func resolveProfile(_ requested: String?) throws(RedlineError) -> String {
        guard let requested else { return ruleSet.defaultProfile }
        guard ruleSet.profiles.isEmpty || ruleSet.profiles.contains(where: { $0.id == requested }) else {
            throw RedlineError(
                .usage, "unknown profile '\(requested)'", at: SourcePosition(file: "--profile"),
                suggestion: "use one of: \(ruleSet.profiles.map(\.id).joined(separator: ", "))")
        }
        return requested
    }

    /// Reads and checks one file. Never throws: problems become the report's error or findings.
    public func check(file path: String, options: EvaluationOptions) -> RecordReport {
        do {
            let bytes = try FileInput.read(path, limit: options.limits.maxBytes)
            return check(bytes: bytes, path: path, options: options)
        } catch {
            return failed(path, error, options)
        }
    }

    /// Checks many files on `jobs` threads; reports come back in input order.
    public func check(files: [String], options: EvaluationOptions, jobs: Int) -> [RecordReport] {
        let reports = Mutex([RecordReport?](repeating: nil, count: files.count))
        let next = Atomic<Int>(0)
        let workers = max(1, min(jobs, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < files.count else { break }
                let report = check(file: files[index], options: options)
                reports.withLock { $0[index] = report }
            }
        }
        return reports.withLock { $0.map { $0! } }
    }

    /// Checks one record given as bytes; `path` names it in the report.
    public func check(bytes: [UInt8], path: String, options: EvaluationOptions) -> RecordReport {
        let deadline = Deadline(seconds: options.limits.maxSecondsPerRecord)
        let document: XMLDocument
        do {
            document = try XMLDocument(bytes: bytes, path: path, limits: options.limits)
        } catch {
            return failed(path, error, options)
        }
        return check(document: document, options: options, deadline: deadline, parsedHere: true)
    }

    /// Checks a parsed record: root check, schema validation, then the rules.
    public func check(document: XMLDocument, options: EvaluationOptions) -> RecordReport {
        check(
            document: document, options: options, deadline: Deadline(seconds: options.limits.maxSecondsPerRecord),
            parsedHere: false)
    }

    /// `parsedHere`: the deadline started before parsing, so time spent before validation is the
    /// parser's.
    private func check(document: XMLDocument, options: EvaluationOptions, deadline: Deadline, parsedHere: Bool) -> RecordReport {
        let path = document.path
        let profile = (try? resolveProfile(options.profile)) ?? ruleSet.defaultProfile
        var report = RecordReport(
            file: path, recordID: nil, stage: nil, status: .error, verdict: nil, score: nil, profile: profile,
            asOf: options.asOf.description, results: [], findings: [], error: nil)
        guard let root = document.root, root.name == "licenceRecord", root.namespaceURI == BuiltIn.recordNamespace else {
            let found =
                document.root.map { "<\($0.name)>\($0.namespaceURI.map { " in namespace \($0)" } ?? " without a namespace")" } ?? "nothing"
            report.error = RedlineError(
                .schemaInvalid, "expected a licence record <licenceRecord xmlns=\"\(BuiltIn.recordNamespace)\">, found \(found)",
                at: SourcePosition(file: path, line: document.root?.line ?? 1, column: 1),
                suggestion: "check that this file is a redline licence record (docs/record-format.md)")
            return report
        }
        report.recordID = root.attribute("id")
        report.stage = root.attribute("stage").flatMap { Stage(rawValue: $0) }
        if deadline.hasPassed {
            return timedOut(report, in: parsedHere ? .parsing : .validation, evaluated: 0, options: options)
        }
        let violations = BuiltIn.recordSchema.validate(document)
        if !violations.isEmpty {
            report.status = .invalid
            report.findings = violations.map { violation in
                Finding(
                    ruleID: "schema", kind: .schema, severity: .critical, category: "record-format",
                    message: violation.message,
                    location: Finding.Location(file: path, line: violation.line, path: violation.path ?? "/licenceRecord"),
                    demands: [], citations: [],
                    remedy: "make the record match the licence record format (rules/schemas/licence-record-1.xsd, docs/record-format.md)",
                    credit: 0)
            }
            return report
        }
        WhitespaceNormalizer.normalize(document)
        report.recordID = root.attribute("id")
        report.stage = root.attribute("stage").flatMap { Stage(rawValue: $0) }
        guard let stage = report.stage else {
            report.error = RedlineError(
                .schemaInvalid, "the record's stage is neither 'application' nor 'licence'",
                at: SourcePosition(file: path, line: root.line, column: 1),
                suggestion: "set stage=\"application\" or stage=\"licence\" on <licenceRecord>")
            return report
        }
        document.removeElements(datedAfter: options.asOf)
        let environment = EvaluationEnvironment(asOf: options.asOf, lists: ruleSet.lists)
        let evaluator = XPathEvaluator(
            document: document, namespaces: ruleSet.namespaces, environment: environment,
            operationLimit: options.limits.xpathOperationLimit)
        var results: [RuleResult] = []
        var findings: [Finding] = []
        results.reserveCapacity(ruleSet.rules.count)
        for rule in ruleSet.rules {
            if deadline.hasPassed {
                return timedOut(report, in: results.isEmpty ? .validation : .rules, evaluated: results.count, options: options)
            }
            let (result, finding) = evaluate(
                rule, stage: stage, profile: profile, asOf: options.asOf, evaluator: evaluator, document: document)
            results.append(result)
            if let finding { findings.append(finding) }
        }
        findings.sort { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            if a.location.line != b.location.line { return a.location.line < b.location.line }
            return a.ruleID < b.ruleID
        }
        let score = Engine.score(results, rules: ruleSet.rules)
        let policy = ruleSet.policy.policy(for: stage)
        let failed = findings.filter { $0.kind == .fail || $0.kind == .partial }
        let verdict = policy.verdict(
            score: score, failedSeverities: failed.map(\.severity), failedCategories: Set(failed.map(\.category)),
            hadError: results.contains { $0.outcome == .error })
        report.status = .evaluated
        report.results = results
        report.findings = findings
        report.score = score
        report.verdict = verdict
        report.isClean = verdict == policy.clean
        return report
    }

    /// The weighted score: 100 × Σ(weight × credit) / Σ(weight) over applicable rules
    /// (pass earns 1, a partial fail its credit, a fail or an error 0); 100 when no rule applies.
    public static func score(_ results: [RuleResult], rules: [Rule]) -> Double {
        var earned = 0.0
        var total = 0.0
        // Indices, not zip(results, rules): zip would copy every Rule (and retain its fields).
        for index in results.indices where index < rules.count && results[index].outcome != .notApplicable {
            let weight = rules[index].weight
            total += weight
            earned += weight * results[index].credit
        }
        guard total > 0 else { return 100 }
        return ((earned / total) * 1000).rounded() / 10
    }

    // MARK: - One rule

    /// Evaluates one rule on a prepared document.
    func evaluate(
        _ rule: Rule, stage: Stage, profile: String, asOf: LocalDate, evaluator: XPathEvaluator, document: XMLDocument
    ) -> (RuleResult, Finding?) {
        func notApplicable(_ reason: String) -> (RuleResult, Finding?) {
            (RuleResult(ruleID: rule.id, outcome: .notApplicable, credit: 0, reason: reason), nil)
        }
        if !rule.profiles.isEmpty, !rule.profiles.contains(profile) {
            return notApplicable("not in profile \(profile)")
        }
        if let appliesTo = rule.appliesTo, appliesTo != stage {
            return notApplicable("applies to \(appliesTo.rawValue) records only")
        }
        if let from = rule.effectiveFrom, asOf < from { return notApplicable("in force from \(from)") }
        if let until = rule.effectiveUntil, until < asOf { return notApplicable("in force until \(until)") }
        do throws(RedlineError) {
            if let when = rule.when, try !evaluator.rootBoolean(when) {
                return notApplicable("condition not met")
            }
            if try evaluator.boolean(rule.assertion) {
                // Where the evidence is: the first node a `locate` expression finds (no fallback to
                // the root: a pass has no place to point at otherwise).
                var evidence: Finding.Location?
                for expression in rule.locate {
                    // A locate that fails (its operation limit) leaves the pass without a place.
                    if let node = (try? evaluator.nodes(expression))?.first {
                        evidence = location(of: node, in: document)
                        break
                    }
                }
                return (RuleResult(ruleID: rule.id, outcome: .pass, credit: 1, reason: nil, location: evidence), nil)
            }
            var credit = 0.0
            var template = rule.message
            if let partial = rule.partial, try evaluator.boolean(partial.condition) {
                credit = partial.credit
                template = rule.partialMessage ?? rule.message
            }
            let node = try locate(rule, evaluator: evaluator, document: document)
            let message = try render(template, at: node, evaluator: evaluator)
            let finding = makeFinding(
                rule, kind: credit > 0 ? .partial : .fail, message: message, node: node, document: document, credit: credit)
            return (RuleResult(ruleID: rule.id, outcome: .fail, credit: credit, reason: nil, location: finding.location), finding)
        } catch {
            let root = document.rootNode
            var finding = makeFinding(
                rule, kind: .error, message: "rule could not be evaluated: \(error.message)", node: root, document: document,
                credit: 0)
            if let suggestion = error.suggestion { finding.remedy = suggestion }
            return (RuleResult(ruleID: rule.id, outcome: .error, credit: 0, reason: error.message), finding)
        }
    }

    private func locate(_ rule: Rule, evaluator: XPathEvaluator, document: XMLDocument) throws(RedlineError) -> XMLNode? {
        for expression in rule.locate {
            if let first = try evaluator.nodes(expression).first { return first }
        }
        return document.rootNode
    }

    private func render(_ template: MessageTemplate, at node: XMLNode?, evaluator: XPathEvaluator) throws(RedlineError) -> String {
        var text = ""
        for piece in template.pieces {
            switch piece {
            case .text(let literal): text += literal
            case .value(let expression): text += try evaluator.string(expression, node: node)
            }
        }
        return text.replacingSpacesRuns()
    }

    /// The line and stable path of a node (``XMLNode/line`` and ``XMLNode/path``; the root
    /// element's when there is no node).
    private func location(of node: XMLNode?, in document: XMLDocument) -> Finding.Location {
        Finding.Location(file: document.path, line: node?.line ?? 1, path: node?.path ?? "/licenceRecord")
    }

    private func makeFinding(
        _ rule: Rule, kind: Finding.Kind, message: String, node: XMLNode?, document: XMLDocument, credit: Double
    ) -> Finding {
        Finding(
            ruleID: rule.id, kind: kind, severity: rule.severity, category: rule.category, message: message,
            location: location(of: node, in: document), demands: rule.demands,
            citations: rule.citations.map { Finding.CitationRef(letter: $0.letter, quote: $0.quote) }, remedy: rule.remedy,
            credit: credit)
    }

    private func failed(_ path: String, _ error: RedlineError, _ options: EvaluationOptions) -> RecordReport {
        RecordReport(
            file: path, recordID: nil, stage: nil, status: .error, verdict: nil, score: nil,
            profile: (try? resolveProfile(options.profile)) ?? ruleSet.defaultProfile, asOf: options.asOf.description,
            results: [], findings: [], error: error)
    }

    /// Where a record's time ran out.
    enum Phase {
        case parsing, validation, rules
    }

    /// The report of a record whose evaluation passed its deadline: an error, no verdict, and a
    /// message and fix for the phase that took the time.
    private func timedOut(_ report: RecordReport, in phase: Phase, evaluated: Int, options: EvaluationOptions) -> RecordReport {
        var report = report
        report.status = .error
        report.results = []
        report.findings = []
        let limit = options.limits.maxSecondsPerRecord
        let file = SourcePosition(file: report.file)
        switch phase {
        case .parsing:
            report.error = XMLDocument.parsingTookTooLong(path: report.file, limits: options.limits, at: file)
        case .validation:
            report.error = RedlineError(
                .timeLimit, "schema validation took longer than the limit of \(limit) s per record (no rule was run)", at: file,
                suggestion:
                    "the record is too large or has very many schema violations: fix the record against docs/record-format.md "
                    + "or split it; raise --max-seconds-per-record only for trusted input")
        case .rules:
            report.error = RedlineError(
                .timeLimit,
                "evaluation took longer than the limit of \(limit) s per record "
                    + "(stopped after \(evaluated) of \(ruleSet.rules.count) rules)",
                at: file,
                suggestion: "simplify the rule set's expressions, or raise the limit with --max-seconds-per-record for trusted input")
        }
        return report
    }
}
