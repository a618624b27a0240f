import Dispatch
import Synchronization

/// Runs an audit: evaluates inputs with one engine, in ordered chunks on `jobs` threads, and
/// streams each chunk's records, in path order, to every reporter before evaluating the next
/// chunk. Only counts are kept, so memory is bounded by the chunk size, not the input count,
/// and the output does not depend on `jobs`.
public final class Auditor: Sendable {
    /// The engine (one compiled rule set).
    public let engine: Engine
    /// The evaluation options.
    public let options: EvaluationOptions
    /// The waivers.
    public let waivers: WaiverSet
    /// Threads to evaluate on.
    public let jobs: Int
    /// Records evaluated before their results are written.
    public let chunkSize: Int

    /// How a run ended.
    public struct Outcome: Sendable {
        /// The totals of the records processed.
        public var summary: AuditSummary
        /// Records processed and reported.
        public var processed: Int
        /// Whether every input was processed (false when stopped).
        public var completed: Bool
        /// Per rule, how often it fired, passed, did not apply or failed to evaluate over the
        /// records processed (`redline audit --coverage`).
        public var coverage: RuleCoverage
    }

    /// Creates an auditor.
    public init(engine: Engine, options: EvaluationOptions, waivers: WaiverSet = .none, jobs: Int, chunkSize: Int = 256) {
        self.engine = engine
        self.options = options
        self.waivers = waivers
        self.jobs = max(1, jobs)
        self.chunkSize = max(1, chunkSize)
    }

    /// The profile in force.
    public var profile: String { (try? engine.resolveProfile(options.profile)) ?? engine.ruleSet.defaultProfile }

    /// Audits `inputs` (already sorted), writing to `reporters`. `shouldStop` is polled between
    /// chunks; when it returns true, no further chunk is started and `finish` is not called.
    /// `progress` gets the number of records done after each chunk.
    public func run(
        _ inputs: [AuditInput], reporters: [any AuditReporter], shouldStop: () -> Bool = { false },
        progress: (Int) -> Void = { _ in }
    ) throws -> Outcome {
        let context = AuditContext(
            ruleSet: engine.ruleSet, asOf: options.asOf, profile: profile, total: inputs.count, waivers: waivers)
        for reporter in reporters { try reporter.begin(context) }
        var summary = AuditSummary()
        let renderers = reporters.map(\.renderer)
        var coverage = RuleCoverage(ruleSet: engine.ruleSet)
        var usage = [Int](repeating: 0, count: waivers.waivers.count)
        var expiredUsage = [Int](repeating: 0, count: waivers.waivers.count)
        var start = 0
        while start < inputs.count {
            if shouldStop() { return Outcome(summary: summary, processed: start, completed: false, coverage: coverage) }
            let end = min(start + chunkSize, inputs.count)
            let reports = evaluate(Array(inputs[start..<end]))
            var records: [AuditRecord] = []
            records.reserveCapacity(reports.count)
            for (offset, report) in reports.enumerated() {
                let record = annotate(report, index: start + offset, usage: &usage, expiredUsage: &expiredUsage)
                summary.add(record)
                coverage.add(report)
                records.append(record)
            }
            let rendered = try render(records, with: renderers)
            for (position, record) in records.enumerated() {
                for (number, reporter) in reporters.enumerated() {
                    if let text = rendered[number]?[position] {
                        try reporter.record(record, rendered: text)
                    } else {
                        try reporter.record(record)
                    }
                }
            }
            start = end
            progress(start)
        }
        summary.waivers = waivers.waivers.enumerated().map { index, waiver in
            let expired = waiver.isExpired(on: options.asOf)
            let status = expired ? "expired" : (usage[index] == 0 ? "stale" : "applied")
            return AuditSummary.WaiverStatus(
                id: waiver.id, rule: waiver.rule, status: status, matches: expired ? expiredUsage[index] : usage[index],
                expires: waiver.expires.description, approver: waiver.approver)
        }
        for reporter in reporters { try reporter.finish(summary) }
        return Outcome(summary: summary, processed: inputs.count, completed: true, coverage: coverage)
    }

    /// Renders a chunk's records for every reporter that has a renderer, on up to `jobs`
    /// threads: by reporter, the texts in record order (nil for reporters without a renderer).
    private func render(_ records: [AuditRecord], with renderers: [(any AuditRecordRenderer)?]) throws -> [[String]?] {
        let work = renderers.enumerated().compactMap { number, renderer in renderer.map { (number, $0) } }
        guard !work.isEmpty, !records.isEmpty else { return renderers.map { _ in nil } }
        let total = work.count * records.count
        let texts = Mutex([String?](repeating: nil, count: total))
        let failure = Mutex<(any Error)?>(nil)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, total)) { _ in
            while true {
                let item = next.add(1, ordering: .relaxed).oldValue
                guard item < total else { break }
                do {
                    let text = try work[item / records.count].1.render(records[item % records.count])
                    texts.withLock { $0[item] = text }
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        var result: [[String]?] = renderers.map { _ in nil }
        let all = texts.withLock { $0 }
        for (slot, (number, _)) in work.enumerated() {
            result[number] = all[(slot * records.count)..<((slot + 1) * records.count)].map { $0 ?? "" }
        }
        return result
    }

    /// Evaluates one chunk on up to `jobs` threads; reports come back in input order.
    private func evaluate(_ chunk: [AuditInput]) -> [RecordReport] {
        let reports = Mutex([RecordReport?](repeating: nil, count: chunk.count))
        let next = Atomic<Int>(0)
        let workers = min(jobs, chunk.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < chunk.count else { break }
                let report = evaluate(chunk[index])
                reports.withLock { $0[index] = report }
            }
        }
        return reports.withLock { $0.map { $0! } }
    }

    /// Evaluates one input; the report names it by its display path.
    private func evaluate(_ input: AuditInput) -> RecordReport {
        if var error = input.error {
            error.position.file = input.path
            return failed(input.path, error)
        }
        do {
            let bytes = try FileInput.read(input.location, limit: options.limits.maxBytes)
            return engine.check(bytes: bytes, path: input.path, options: options)
        } catch {
            var error = error
            error.position.file = input.path
            return failed(input.path, error)
        }
    }

    private func failed(_ path: String, _ error: RedlineError) -> RecordReport {
        RecordReport(
            file: path, recordID: nil, stage: nil, status: .error, verdict: nil, score: nil, profile: profile,
            asOf: options.asOf.description, results: [], findings: [], error: error)
    }

    /// Applies the waivers to a report's findings and works out the verdict without the waived ones.
    private func annotate(_ report: RecordReport, index: Int, usage: inout [Int], expiredUsage: inout [Int]) -> AuditRecord {
        var matches: [WaiverSet.Match?] = []
        var waivedRules = Set<String>()
        for finding in report.findings {
            guard report.status == .evaluated,
                let match = waivers.match(
                    ruleID: finding.ruleID, recordID: report.recordID, path: report.file, asOf: options.asOf)
            else {
                matches.append(nil)
                continue
            }
            matches.append(match)
            switch match {
            case .waived(let waiver):
                waivedRules.insert(finding.ruleID)
                if let position = waivers.waivers.firstIndex(of: waiver) { usage[position] += 1 }
            case .expired(let waiver):
                if let position = waivers.waivers.firstIndex(of: waiver) { expiredUsage[position] += 1 }
            }
        }
        var verdict = report.verdict
        var clean = report.isClean
        var severe = false
        if report.status == .evaluated, let stage = report.stage {
            let policy = engine.ruleSet.policy.policy(for: stage)
            if !waivedRules.isEmpty {
                let results = report.results.map { result in
                    waivedRules.contains(result.ruleID) ? RuleResult(ruleID: result.ruleID, outcome: .pass, credit: 1) : result
                }
                let active = report.findings.filter { !waivedRules.contains($0.ruleID) }
                let score = Engine.score(results, rules: engine.ruleSet.rules)
                let failed = active.filter { $0.kind == .fail || $0.kind == .partial }
                verdict = policy.verdict(
                    score: score, failedSeverities: failed.map(\.severity), failedCategories: Set(failed.map(\.category)),
                    hadError: results.contains { $0.outcome == .error })
                clean = verdict == policy.clean
            }
            severe = policy.levels.count > 1 && verdict == policy.levels.first?.name
        }
        return AuditRecord(
            index: index, report: report, waivers: matches, effectiveVerdict: verdict, effectiveClean: clean,
            effectiveSevere: severe)
    }
}
