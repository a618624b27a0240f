import ArgumentParser
import Dispatch
import Foundation
import RecordGenerator

/// `redline-corpus --seed 42 --count 100000 --out DIR [--broken-percent 5]`: writes a synthetic,
/// deterministic corpus of licence records for tests and the benchmark (Benchmarks/README.md).
@main
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redline-corpus",
        abstract: "Write a deterministic corpus of synthetic licence records.",
        discussion: """
            Record i depends only on the seed and i: the same arguments give byte-identical files. \
            Files are named rec-000000.xml, rec-000001.xml, … Evaluate them with \
            --as-of \(CorpusGenerator.designAsOf). \
            A manifest (manifest.tsv: file, record id, kind) is written beside them.
            """)

    @Option(help: "The seed.")
    var seed: UInt64 = 42

    @Option(help: "How many files to write.")
    var count: Int = 1000

    @Option(help: ArgumentHelp("The folder to write into (created if missing).", valueName: "dir"))
    var out: String

    @Option(
        name: .customLong("broken-percent"),
        help: "Share of broken files (truncated, schema-invalid, DOCTYPE, empty), in percent.")
    var brokenPercent: Double = 0

    @Option(help: "Threads to generate on.")
    var jobs: Int = 2

    func validate() throws {
        if count < 0 { throw ValidationError("--count must not be negative.") }
        if !(0...100).contains(brokenPercent) { throw ValidationError("--broken-percent must be between 0 and 100.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let generator = CorpusGenerator(seed: seed, brokenPercent: brokenPercent)
        let workers = max(1, min(jobs, count))
        let lines = ManifestLines(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < count {
                let record = generator.record(index)
                let url = folder.appendingPathComponent(record.fileName)
                if !FileManager.default.createFile(atPath: url.path, contents: Data(record.text.utf8)) {
                    lines.fail(url.path)
                }
                lines.set(index, "\(record.fileName)\t\(record.recordID)\t\(record.kind.rawValue)\n")
                index += workers
            }
        }
        if let failed = lines.firstFailure {
            throw ValidationError("cannot write \(failed)")
        }
        try Data(lines.joined().utf8).write(to: folder.appendingPathComponent("manifest.tsv"))
    }
}

/// The manifest's lines, filled from several threads (each index written once).
final class ManifestLines: @unchecked Sendable {
    private var lines: [String]
    private let lock = NSLock()
    private(set) var firstFailure: String?

    init(count: Int) {
        lines = Array(repeating: "", count: count)
    }

    func set(_ index: Int, _ line: String) {
        lock.lock()
        lines[index] = line
        lock.unlock()
    }

    func fail(_ path: String) {
        lock.lock()
        if firstFailure == nil { firstFailure = path }
        lock.unlock()
    }

    func joined() -> String {
        lock.lock()
        defer { lock.unlock() }
        return lines.joined()
    }
}
