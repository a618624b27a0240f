import RecordGenerator
import RedlineKit
import Testing

/// The corpus generator: deterministic, schema-valid, submitted on or before the design date, and
/// covering every verdict the default rule set can reach on applications and licences (a licence
/// whose validity ran out is not in force) and every rule of the default profile.
struct GeneratorTests {
    static let engine: Engine = {
        do { return Engine(ruleSet: try RuleSetLoader.loadDefault()) } catch {
            fatalError("default rule set does not load: \(error)")
        }
    }()
    static let options = EvaluationOptions(asOf: LocalDate(CorpusGenerator.designAsOf)!)

    static func check(_ record: GeneratedRecord) -> RecordReport {
        engine.check(bytes: Array(record.text.utf8), path: record.fileName, options: options)
    }

    @Test func sameSeedGivesIdenticalBytes() {
        let first = CorpusGenerator(seed: 42, brokenPercent: 5)
        let second = CorpusGenerator(seed: 42, brokenPercent: 5)
        for index in 0..<60 {
            #expect(first.record(index) == second.record(index))
        }
        // Record i does not depend on the records generated before it.
        #expect(first.record(37) == CorpusGenerator(seed: 42, brokenPercent: 5).record(37))
        let other = CorpusGenerator(seed: 43, brokenPercent: 5)
        #expect((0..<20).contains { other.record($0).text != first.record($0).text })
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        // First outputs of the reference C implementation (Vigna, splitmix64.c) for seed 0.
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func validRecordsMatchTheRecordSchemaAndVaryInSize() throws {
        let generator = CorpusGenerator(seed: 7)
        var sizes: [Int] = []
        for index in 0..<200 {
            let record = generator.record(index)
            #expect(record.kind.isValid)
            let document = try XMLDocument(bytes: Array(record.text.utf8), path: record.fileName)
            let violations = BuiltIn.recordSchema.validate(document)
            #expect(violations.isEmpty, "\(record.fileName): \(violations.map(\.message))")
            #expect(document.root?.attribute("id") == record.recordID)
            // A record does not exist before its submission: every date of the life cycle up to
            // the decision lies on or before the design date.
            let lifecycle = document.root?.child(named: "lifecycle")
            for name in ["submitted", "decided", "validFrom"] {
                if let date = lifecycle?.child(named: name)?.text {
                    #expect(date <= CorpusGenerator.designAsOf, "\(record.fileName): \(name) \(date)")
                }
            }
            #expect(lifecycle?.child(named: "submitted") != nil, "\(record.fileName): no submitted date")
            sizes.append(record.text.utf8.count)
        }
        #expect(sizes.min()! < 2_500)
        #expect(sizes.max()! > 7_000)
    }

    @Test func everyReachableVerdictAndEveryRuleFailureOccurs() {
        let generator = CorpusGenerator(seed: 42)
        var verdicts: Set<String> = []
        var failedRules: Set<String> = []
        for index in 0..<400 {
            let report = Self.check(generator.record(index))
            #expect(report.status == .evaluated, "\(report.file): \(String(describing: report.error))")
            if let verdict = report.verdict { verdicts.insert(verdict) }
            for result in report.results where result.outcome == .fail { failedRules.insert(result.ruleID) }
            #expect(!report.results.contains { $0.outcome == .error })
        }
        #expect(
            verdicts == [
                "approve", "approve-with-conditions", "refuse", "maintain", "review", "revoke", "suspend",
                "not-in-force",
            ])
        let ruleSet = Self.engine.ruleSet
        let inProfile = ruleSet.rules.filter { $0.profiles.isEmpty || $0.profiles.contains(ruleSet.defaultProfile) }
            .map(\.id)
        #expect(Set(inProfile).subtracting(failedRules).isEmpty)
    }

    @Test func brokenFilesAreBrokenTheWayTheyClaim() {
        let generator = CorpusGenerator(seed: 42, brokenPercent: 50)
        var kinds: Set<GeneratedRecord.Kind> = []
        for index in 0..<120 {
            let record = generator.record(index)
            kinds.insert(record.kind)
            let report = Self.check(record)
            switch record.kind {
            case .application, .licence:
                #expect(report.status == .evaluated)
            case .schemaInvalid:
                #expect(report.status == .invalid)
            case .malformed, .empty:
                #expect(report.status == .error && report.error?.code == .malformed)
            case .hostile:
                #expect(report.status == .error && report.error?.code == .hostile)
            }
        }
        #expect(kinds == Set(GeneratedRecord.Kind.allCases))
    }

    @Test func aboutTheRequestedShareIsBroken() {
        let generator = CorpusGenerator(seed: 1, brokenPercent: 5)
        let broken = (0..<2_000).filter { !generator.record($0).kind.isValid }.count
        #expect((60...140).contains(broken))
        #expect(!(0..<500).contains { !CorpusGenerator(seed: 1).record($0).kind.isValid })
    }
}
