/// Runs an audit: evaluates inputs with one engine, in ordered chunks on `jobs` threads, and
/// streams each chunk's records, in path order, to every reporter before evaluating the next
/// chunk. Only counts are kept, so memory is bounded by the chunk size, not the input count,
/// and the output does not depend on `jobs`. `redline check` runs through it too.
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
    public init(engine: Engine, options: EvaluationOptions, waivers: WaiverSet = .none, jobs: Int, chunkSize: Int = 256)
    {
        self.engine = engine
        self.options = options
        self.waivers = waivers
        self.jobs = max(1, jobs)
        self.chunkSize = max(1, chunkSize)
    }

    /// The profile in force.
    public var profile: String { (try? engine.resolveProfile(options.profile)) ?? engine.ruleSet.defaultProfile }

    /// Audits `inputs` in the order given (an audit sorts them by path), writing to `reporters`.
    /// `shouldStop` is polled between chunks; when it returns true, no further chunk is started
    /// and `finish` is not called. The options' ``EvaluationOptions/cancellation`` stops a chunk
    /// too: no record is started after it, records in progress stop at their next clock check,
    /// and the chunk is not reported. `progress` gets the number of records done after each chunk.
    public func run(
        _ inputs: [AuditInput], reporters: [any AuditReporter], shouldStop: () -> Bool = { false },
        progress: (Int) -> Void = { _ in }
    ) throws -> Outcome {
        let context = AuditContext(
            ruleSet: engine.ruleSet, asOf: options.asOf, profile: profile, total: inputs.count, waivers: waivers,
            standard: options.standard)
        for reporter in reporters { try reporter.begin(context) }
        let renderers = reporters.map(\.renderer)
        let keepsSource = reporters.contains { $0.needsSource }
        var tally = AuditTally(ruleSet: engine.ruleSet, waivers: waivers)
        var start = 0
        while start < inputs.count {
            if shouldStop() {
                return Outcome(summary: tally.summary, processed: start, completed: false, coverage: tally.coverage)
            }
            let first = start
            let end = min(first + chunkSize, inputs.count)
            let cancellation = options.cancellation
            let prepared = try parallelMap(end - first, jobs: jobs) { offset throws(any Error) in
                cancellation?.isCancelled == true
                    ? nil
                    : try self.prepare(
                        inputs[first + offset], index: first + offset, renderers: renderers, keepsSource: keepsSource)
            }
            if cancellation?.isCancelled == true {
                return Outcome(summary: tally.summary, processed: start, completed: false, coverage: tally.coverage)
            }
            for case let (record, texts)? in prepared {
                tally.add(record)
                for (reporter, text) in zip(reporters, texts) {
                    if let text { try reporter.record(record, rendered: text) } else { try reporter.record(record) }
                }
            }
            start = end
            progress(start)
        }
        let summary = tally.finish(asOf: options.asOf)
        for reporter in reporters { try reporter.finish(summary) }
        return Outcome(summary: summary, processed: inputs.count, completed: true, coverage: tally.coverage)
    }

    /// One input, on a worker thread: evaluated, its waivers applied, and rendered by every
    /// reporter that has a renderer (nil for the others).
    private func prepare(
        _ input: AuditInput, index: Int, renderers: [(any AuditRecordRenderer)?], keepsSource: Bool
    ) throws -> (AuditRecord, [String?]) {
        let (report, source) = evaluate(input, keepingSource: keepsSource)
        var record = annotate(report, index: index)
        record.source = source
        return (record, try renderers.map { try $0?.render(record) })
    }

    /// Evaluates one input; the report names it by its display path. With `keepingSource`, the
    /// bytes read are returned too.
    private func evaluate(_ input: AuditInput, keepingSource: Bool) -> (RecordReport, [UInt8]?) {
        if let error = input.error { return (engine.report(input.path, unreadable: error, options: options), nil) }
        if let bytes = input.bytes {
            return (engine.check(bytes: bytes, path: input.path, options: options), keepingSource ? bytes : nil)
        }
        guard keepingSource else {
            return (engine.check(file: input.location, path: input.path, options: options), nil)
        }
        do {
            let bytes = try FileInput.read(input.location, limit: options.limits.maxBytes)
            return (engine.check(bytes: bytes, path: input.path, options: options), bytes)
        } catch {
            return (engine.report(input.path, unreadable: error, options: options), nil)
        }
    }

    /// Applies the waivers to a report's findings and judges the record without the waived ones.
    private func annotate(_ report: RecordReport, index: Int) -> AuditRecord {
        let matches = waivers.matches(for: report, asOf: options.asOf)
        var effective: Judgement?
        if let evaluation = report.evaluation, let stage = report.stage {
            var waived = Set<String>()
            for (finding, match) in zip(report.findings, matches) {
                if case .waived = match { waived.insert(finding.ruleID) }
            }
            effective = evaluation.judgement(
                waiving: waived, rules: engine.ruleSet.rules, policy: engine.ruleSet.policy, stage: stage)
        }
        return AuditRecord(index: index, report: report, waivers: matches, effective: effective)
    }
}
