// redline-parse-bench: the benchmark's ceilings (Benchmarks/README.md).
//
//   redline-parse-bench [--jobs N] [--mode parse|validate|engine] [--as-of YYYY-MM-DD] (--list FILE | FILE...)
//
// parse:    read each file and parse it with libxml2 through RedlineKit's XMLDocument, nothing else
//           (the parse-only ceiling the benchmark compares redline against);
// validate: parse, then validate against the record schema (diagnostic);
// engine:   Engine.check on each file with the default rule set, keeping only the verdict
//           (diagnostic: redline's work without the command's reporting);
// rules:    the cost of each rule of the default rule set on these records (one thread): the
//           parsed records are checked with a rule set of that one rule, minus a rule set of
//           none; prints thread CPU microseconds per record, most expensive first (diagnostic).
// Files are taken from a shared counter by N threads, as Engine.check(files:) does. Prints one
// line: mode, jobs, files, successes, seconds, records/s (timing of the loop only).

import Dispatch
import Foundation
import RedlineKit
import Synchronization

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("redline-parse-bench: \(message)\n".utf8))
    exit(2)
}

struct Settings {
    var jobs = 1
    var mode = "parse"
    var asOf = "2025-06-30"
    var files: [String] = []
}

func parseArguments() -> Settings {
    var settings = Settings()
    var arguments = CommandLine.arguments.dropFirst().makeIterator()
    func value(_ name: String) -> String {
        guard let next = arguments.next() else { fail("\(name) needs a value") }
        return next
    }
    while let argument = arguments.next() {
        switch argument {
        case "--jobs":
            guard let jobs = Int(value("--jobs")), jobs >= 1 else { fail("--jobs needs a positive number") }
            settings.jobs = jobs
        case "--mode": settings.mode = value("--mode")
        case "--as-of": settings.asOf = value("--as-of")
        case "--list":
            let path = value("--list")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
            settings.files += text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        default: settings.files.append(argument)
        }
    }
    guard !settings.files.isEmpty else { fail("no files; pass files or --list FILE") }
    guard ["parse", "validate", "engine", "rules"].contains(settings.mode) else {
        fail("unknown mode \(settings.mode)")
    }
    return settings
}

let settings = parseArguments()
guard let date = LocalDate(settings.asOf) else { fail("--as-of \(settings.asOf) is not a date") }
let mode = settings.mode
let limits = XMLLimits.default
let engine: Engine?
do {
    engine = mode == "engine" ? Engine(ruleSet: try RuleSetLoader.loadDefault()) : nil
} catch {
    fail("the default rule set does not load: \(error)")
}
let options = EvaluationOptions(asOf: date, limits: limits)
if mode == "validate" { _ = BuiltIn.recordSchema }

/// One file's work; true when it succeeded (parsed, valid, or evaluated).
@Sendable func work(_ path: String, mode: String, engine: Engine?) -> Bool {
    if let engine { return engine.check(file: path, options: options).status == .evaluated }
    guard let bytes = try? FileInput.read(path, limit: limits.maxBytes),
        let document = try? XMLDocument(bytes: bytes, path: path, limits: limits)
    else { return false }
    if mode == "validate" { return BuiltIn.recordSchema.validate(document).isEmpty }
    return true
}

/// This thread's CPU time in seconds.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

if mode == "rules" {
    let ruleSet: RuleSet
    do { ruleSet = try RuleSetLoader.loadDefault() } catch { fail("the default rule set does not load: \(error)") }
    let documents = settings.files.compactMap { path -> XMLDocument? in
        guard let bytes = try? FileInput.read(path, limit: limits.maxBytes) else { return nil }
        return try? XMLDocument(bytes: bytes, path: path, limits: limits)
    }
    /// CPU seconds per record for checking every document with `rules` (best of three passes).
    func cost(_ rules: [Rule]) -> Double {
        var subset = ruleSet
        subset.rules = rules
        let engine = Engine(ruleSet: subset)
        var best = Double.infinity
        for _ in 0..<3 {
            let start = threadCPUSeconds()
            for document in documents { _ = engine.check(document: document, options: options) }
            best = min(best, (threadCPUSeconds() - start) / Double(documents.count))
        }
        return best
    }
    // The machine may be shared: measure the empty rule set right before each rule.
    var baselines: [Double] = []
    var costs: [(String, Double)] = []
    for rule in ruleSet.rules {
        let baseline = cost([])
        baselines.append(baseline)
        costs.append((rule.id, cost([rule]) - baseline))
    }
    let baseline = baselines.sorted()[baselines.count / 2]
    print(
        "records=\(documents.count) baseline_us=\(String(format: "%.1f", baseline * 1e6)) (parse excluded; schema "
            + "validation and the as-of pass included)"
    )
    for (id, seconds) in costs.sorted(by: { $0.1 > $1.1 }) {
        print("\(id)\t\(String(format: "%.1f", seconds * 1e6))")
    }
    print("sum_of_rules_us=\(String(format: "%.1f", costs.map(\.1).reduce(0, +) * 1e6))")
    exit(0)
}

let allFiles = settings.files
let next = Atomic<Int>(0)
let successes = Atomic<Int>(0)
let workers = max(1, min(settings.jobs, allFiles.count))
let start = DispatchTime.now().uptimeNanoseconds
DispatchQueue.concurrentPerform(iterations: workers) { _ in
    while true {
        let index = next.add(1, ordering: .relaxed).oldValue
        guard index < allFiles.count else { break }
        if work(allFiles[index], mode: mode, engine: engine) { successes.add(1, ordering: .relaxed) }
    }
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
let rate = Double(allFiles.count) / seconds
print(
    "mode=\(mode) jobs=\(workers) files=\(allFiles.count) ok=\(successes.load(ordering: .relaxed)) "
        + "seconds=\(String(format: "%.3f", seconds)) records_per_second=\(Int(rate))"
)
