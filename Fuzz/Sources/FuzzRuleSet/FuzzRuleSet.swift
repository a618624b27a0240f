import Foundation
import FuzzSupport
import RedlineKit

/// libFuzzer target: one rule-set file, loaded from disk (so relative includes resolve inside a
/// private folder), then, if it loads, its rules' own examples and one record are evaluated.

/// A private folder for this process; the input is written to `ruleset.xml` inside it, next to
/// one valid part (`part.xml`) that a mutated include may reach, and to the seeds' own parts
/// (the files `run.sh` stages in `REDLINE_FUZZ_RULESET_PARTS`: `lists.xml`, `recursive-b.xml`,
/// `extends-cycle-b.xml`, …), so that a seed's relative include or extends resolves as it does
/// in the repository.
nonisolated(unsafe) private let folder: String = {
    let path = NSTemporaryDirectory() + "redline-fuzz-rules-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    if let parts = ProcessInfo.processInfo.environment["REDLINE_FUZZ_RULESET_PARTS"],
        let names = try? FileManager.default.contentsOfDirectory(atPath: parts)
    {
        for name in names where name.hasSuffix(".xml") && name != "ruleset.xml" && name != "part.xml" {
            try? FileManager.default.removeItem(atPath: path + "/" + name)
            try? FileManager.default.copyItem(atPath: parts + "/" + name, toPath: path + "/" + name)
        }
    }
    let part = """
        <part xmlns="urn:redline:rules:1"><list id="fuzz-list" kind="party"><title>t</title><entry>Acme</entry></list></part>
        """
    FileManager.default.createFile(atPath: path + "/part.xml", contents: Data(part.utf8))
    return path
}()
nonisolated(unsafe) private let record = Array(
    """
    <licenceRecord xmlns="urn:redline:licence-record:1" formatVersion="1" id="F-1" stage="application">
    <lifecycle kind="individual" status="pending"><issuingState>BG</issuingState><authority>x</authority></lifecycle>
    <exporter><name>Acme</name><country>BG</country></exporter>
    </licenceRecord>
    """.utf8)
private let asOf = LocalDate("2021-11-04")!

/// The input with its first `<assert>` made deeper and longer, as the last two bytes say: one of
/// four kinds of nesting (brackets, `not(…)`, a chain of `or`, predicates on a path), 0–255
/// levels, and a literal of 0–16,320 characters (the last byte times 64). The bounds
/// on expressions (128 levels, 16,384 characters) are inside that range, so both sides of each
/// are reached; libFuzzer's byte mutations alone almost never build a tree this deep.
private func deepened(_ bytes: Data) -> Data? {
    guard bytes.count >= 2, let text = String(data: bytes, encoding: .utf8),
        let open = text.range(of: "<assert>"),
        let close = text.range(of: "</assert>", range: open.upperBound..<text.endIndex)
    else { return nil }
    let depth = Int(bytes[bytes.endIndex - 2])
    let control = Int(bytes[bytes.endIndex - 1])
    var expression = String(text[open.upperBound..<close.lowerBound])
    switch control % 4 {
    case 0: expression = String(repeating: "(", count: depth) + expression + String(repeating: ")", count: depth)
    case 1: expression = String(repeating: "not(", count: depth) + expression + String(repeating: ")", count: depth)
    case 2: expression += String(repeating: " or false()", count: depth)
    default:
        expression =
            "r:exporter" + String(repeating: "[r:name", count: depth) + String(repeating: "]", count: depth)
            + " or " + expression
    }
    // Long but not deep: one literal of up to 16,320 characters.
    expression += " or string-length('" + String(repeating: "x", count: control * 64) + "') = 0"
    return Data((String(text[..<open.upperBound]) + expression + String(text[close.lowerBound...])).utf8)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleSet(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    load(bytes)
    if let deeper = deepened(bytes) { load(deeper) }
    return 0
}

/// Loads one rule-set file and, if it loads, runs its examples and one record.
private func load(_ bytes: Data) {
    let path = folder + "/ruleset.xml"
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { return }
    let ruleSet: RuleSet
    do {
        ruleSet = try RuleSetLoader.load(path: path)
    } catch {
        // A refused rule set must say where.
        precondition(!error.position.file.isEmpty, "a rule-set error without a file")
        return
    }
    let engine = Engine(ruleSet: ruleSet)
    for rule in ruleSet.rules {
        for index in rule.examples.indices { _ = engine.runExample(rule, index: index) }
    }
    let options = EvaluationOptions(asOf: asOf, limits: XMLLimits(xpathOperationLimit: 200_000))
    _ = engine.check(bytes: record, path: "fuzz-record.xml", options: options)
}

@main
enum Main {
    static func main() {
        runFuzzer { data, size in fuzzRuleSet(data, size) }
    }
}
