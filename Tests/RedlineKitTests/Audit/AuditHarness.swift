import Foundation

@testable import RedlineKit

/// Runs audits in-process on the dirty fixture corpus (Tests/Fixtures/audit) with every
/// reporter writing to memory, paths relative to the repository root.
enum AuditHarness {
    static let asOf = LocalDate("2024-04-01")!
    static let corpus = "Tests/Fixtures/audit"
    static let waiversPath = "Tests/Fixtures/waivers/waivers.xml"

    /// The reports of one run, by format name.
    struct Output {
        var reports: [String: String]
        var outcome: Auditor.Outcome
        var inputs: [AuditInput]
        subscript(_ format: String) -> String { reports[format] ?? "" }
    }

    /// The formats and the file names of their golden copies.
    static let formats: [(name: String, golden: String)] = [
        ("text", "audit.txt"), ("json", "audit.json"), ("sarif", "audit.sarif"), ("junit", "audit.junit.xml"),
        ("github", "audit.github.txt"), ("markdown", "audit.md"), ("codequality", "audit.codequality.json"),
        ("html", "audit.html"),
    ]

    static func waivers() throws -> WaiverSet {
        try WaiversLoader.load(path: Fixtures.path(waiversPath), ruleSet: Fixtures.defaultRuleSet)
    }

    static func inputs(_ arguments: [String] = [corpus], base: String? = nil) -> [AuditInput] {
        let root = Fixtures.repositoryRoot.path
        return InputCollector(base: base ?? root, workingDirectory: root).collect(arguments)
    }

    static func run(
        _ inputs: [AuditInput]? = nil, waivers: WaiverSet = .none, jobs: Int = 1, chunkSize: Int = 4,
        markdownLimit: Int? = nil,
        annotationLimit: Int = GitHubAnnotationsReporter.perTypeLimit, shouldStop: @escaping () -> Bool = { false }
    ) throws -> Output {
        let sinks = Dictionary(uniqueKeysWithValues: formats.map { ($0.name, MemorySink()) })
        let reporters: [any AuditReporter] = [
            AuditTextReporter(sink: sinks["text"]!),
            JSONReporter(sink: sinks["json"]!, document: .audit),
            SARIFReporter(sink: sinks["sarif"]!, artifacts: MemorySink()),
            JUnitReporter(sink: sinks["junit"]!),
            GitHubAnnotationsReporter(sink: sinks["github"]!, limit: annotationLimit),
            MarkdownReporter(
                sink: sinks["markdown"]!, findings: MemorySink(), records: MemorySink(), byteLimit: markdownLimit),
            CodeQualityReporter(sink: sinks["codequality"]!),
            HTMLReporter(sink: sinks["html"]!, document: .audit, rows: MemorySink(), sections: MemorySink()),
        ]
        let inputs = inputs ?? self.inputs()
        let auditor = Auditor(
            engine: Engine(ruleSet: Fixtures.defaultRuleSet), options: EvaluationOptions(asOf: asOf), waivers: waivers,
            jobs: jobs,
            chunkSize: chunkSize)
        let outcome = try auditor.run(inputs, reporters: reporters, shouldStop: shouldStop)
        return Output(reports: sinks.mapValues(\.text), outcome: outcome, inputs: inputs)
    }
}
