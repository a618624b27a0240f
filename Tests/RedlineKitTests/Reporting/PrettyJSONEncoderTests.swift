import Foundation
import Testing

@testable import RedlineKit

/// redline's JSON encoder must write exactly what Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: the JSON reports are documented
/// and stable, and their goldens were recorded with Foundation's encoder.
struct PrettyJSONEncoderTests {
    static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Every example record's report (verdicts, findings with credits, results, errors).
    @Test(arguments: ["2019-05-14", "2021-11-04", "2024-04-01"])
    func recordReportsEncodeAsFoundationDoes(_ asOf: String) throws {
        let engine = Engine(ruleSet: Fixtures.defaultRuleSet)
        let folder = Fixtures.path("examples/records")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
        let broken = ["Tests/Fixtures/audit/broken/binary.xml", "Tests/Fixtures/audit/broken/schema-invalid.xml"]
        let reports =
            names.map { engine.check(file: folder + "/" + $0, options: EvaluationOptions(asOf: LocalDate(asOf)!)) }
            + broken.map { engine.check(file: Fixtures.path($0), options: EvaluationOptions(asOf: LocalDate(asOf)!)) }
        #expect(reports.count >= 14)
        for report in reports {
            #expect(try PrettyJSONEncoder().encode(report) == Self.foundation(report), "\(report.file)")
        }
        #expect(try PrettyJSONEncoder().encode(reports) == Self.foundation(reports))
    }

    struct Sample: Encodable {
        var text: String
        var numbers: [Double]
        var integers: [Int]
        var flags: [Bool]
        var empty: [String]
        var nested: [String: [String]]
        var missing: String?
        var present: String?
    }

    @Test func stringsNumbersAndEmptyContainersEncodeAsFoundationDoes() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let sample = Sample(
            text: "quote \" backslash \\ slash / \(controls) del \u{7F} é ∑ 🙂 </x>",
            numbers: [0, 1, -1, 0.5, 33.3, 100, 1e-7, 1e21, 123456.789, -0.25],
            integers: [0, -7, Int.max], flags: [true, false], empty: [],
            nested: ["b": ["x"], "a": [], "B": ["y"], "aa": ["z"], "_": []], missing: nil, present: "here")
        #expect(try PrettyJSONEncoder().encode(sample) == Self.foundation(sample))
    }

    @Test func depthIndentsEveryLineAfterTheFirst() throws {
        let value = ["k": [1, 2]]
        #expect(
            try PrettyJSONEncoder().encode(value, depth: 2)
                == "{\n      \"k\" : [\n        1,\n        2\n      ]\n    }")
    }
}
