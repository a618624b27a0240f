import Foundation
import RecordGenerator
import RedlineKit
import RedlineTestSupport
import Testing

/// Benchmarks/redline-default.sch must fail the same (record, rule) pairs as redline's default
/// rule set on a generated corpus, so that the benchmark compares like with like. Every rule of
/// the default profile is compared; what the peer approximates (and why it is exact on the
/// generated corpus) is listed in the docstring of Benchmarks/make-schematron.py.
struct SchematronPeerTests {
    static var repositoryRoot: URL { Repository.root }

    /// The peer relates events to each other by position (rl:designation-in-force, REVIEW-001's
    /// latest review) for the first `peerEventLimit` events of a record: MAX_EVENTS in
    /// Benchmarks/make-schematron.py.
    static let peerEventLimit = 12

    /// `xmllint` on the PATH, if installed (CI installs libxml2-utils).
    static let xmllint: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/xmllint" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    @Test(
        .enabled(
            if: xmllint != nil,
            "xmllint is not installed (apt-get install libxml2-utils); the Schematron peer cannot be checked"))
    func schematronFailsTheSameRulesAsRedline() throws {
        let folder = try TemporaryFolder.make("redline-peer")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generator = CorpusGenerator(seed: 2024)
        let engine = Engine(ruleSet: try RuleSetLoader.loadDefault())
        let options = EvaluationOptions(asOf: LocalDate(CorpusGenerator.designAsOf)!)
        var expected: Set<String> = []
        var names: [String] = []
        for index in 0..<80 {
            let record = generator.record(index)
            try Data(record.text.utf8).write(to: folder.appendingPathComponent(record.fileName))
            names.append(record.fileName)
            let events = record.text.components(separatedBy: "<event ").count - 1
            #expect(events <= Self.peerEventLimit, "\(record.fileName): \(events) events")
            let report = engine.check(bytes: Array(record.text.utf8), path: record.fileName, options: options)
            #expect(report.status == .evaluated)
            for result in report.results where result.outcome != .pass && result.outcome != .notApplicable {
                expected.insert("\(record.fileName) \(result.ruleID)")
            }
        }

        // The peer has one assert for every rule of the default profile, and no other.
        let schematron = try String(
            contentsOf: Self.repositoryRoot.appendingPathComponent("Benchmarks/redline-default.sch"), encoding: .utf8)
        let asserted = Set(
            schematron.components(separatedBy: "<sch:assert id=\"").dropFirst().compactMap {
                $0.split(separator: "\"", maxSplits: 1).first.map(String.init)
            })
        let ruleSet = engine.ruleSet
        let inProfile = ruleSet.rules.filter { $0.profiles.isEmpty || $0.profiles.contains(ruleSet.defaultProfile) }
        #expect(asserted == Set(inProfile.map(\.id)))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.xmllint!)
        process.arguments =
            [
                "--noout", "--schematron",
                Self.repositoryRoot.appendingPathComponent("Benchmarks/redline-default.sch").path,
            ] + names
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        // xmllint prints each failed assert ("/* line 2: RULE-ID: title"), then "FILE fails to validate".
        var found: Set<String> = []
        var pending: [String] = []
        var validated = 0
        for line in output.split(separator: "\n") {
            if let marker = line.firstRange(of: " line "), let colon = line[marker.upperBound...].firstIndex(of: ":") {
                let message = line[line.index(after: colon)...].drop { $0 == " " }
                if let end = message.firstIndex(of: ":") { pending.append(String(message[..<end])) }
            } else if line.hasSuffix(" fails to validate") || line.hasSuffix(" validates") {
                let file = line.split(separator: " ")[0]
                for rule in pending { found.insert("\(file) \(rule)") }
                pending = []
                validated += 1
            } else {
                Issue.record("unexpected xmllint output: \(line)")
            }
        }
        #expect(validated == names.count)
        #expect(expected.count > 300)
        #expect(expected.subtracting(found).sorted() == [], "failed by redline only")
        #expect(found.subtracting(expected).sorted() == [], "failed by the Schematron only")
    }
}
