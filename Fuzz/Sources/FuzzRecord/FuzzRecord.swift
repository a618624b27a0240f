import Foundation
import FuzzSupport
import RedlineKit

/// libFuzzer target: one licence record, parsed and evaluated with the built-in rule set, then
/// rendered as JSON and text. Any crash, sanitizer report, leak or hang is a finding.

/// The built-in rule set, loaded once (libFuzzer calls the entry point in one process).
private let ruleSet: RuleSet = {
    do {
        return try RuleSetLoader.loadDefault()
    } catch {
        fatalError("the built-in rule set does not load: \(error)")
    }
}()
private let engine = Engine(ruleSet: ruleSet)
private let asOf = LocalDate("2021-11-04")!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecord(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let options = EvaluationOptions(asOf: asOf, limits: XMLLimits(xpathOperationLimit: 200_000))
    let report = engine.check(bytes: bytes, path: "fuzz.xml", options: options)
    // Every input must give a report that names it; a report without a status is a bug.
    precondition(report.file == "fuzz.xml")
    if report.status == .error { precondition(report.error != nil, "an error report without an error") }
    // Rendered as `redline check` renders it: the JSON document and the text report.
    let record = AuditRecord(
        index: 0, report: report, waivers: report.findings.map { _ in nil }, effective: report.evaluation?.judgement)
    var summary = AuditSummary()
    summary.add(record)
    let context = AuditContext(ruleSet: ruleSet, asOf: asOf, profile: report.profile, total: 1, waivers: .none)
    let reporters: [any AuditReporter] = [
        JSONReporter(sink: MemorySink(), document: .check), CheckTextReporter(sink: MemorySink(), colour: false),
    ]
    for reporter in reporters {
        do {
            try reporter.begin(context)
            try reporter.record(record)
            try reporter.finish(summary)
        } catch {
            preconditionFailure("rendering to memory failed: \(error)")
        }
    }
    return 0
}

@main
enum Main {
    static func main() {
        runFuzzer { data, size in fuzzRecord(data, size) }
    }
}
