import CLibXML2
import Foundation
import RedlineTestSupport
import Testing

@testable import RedlineKit
@testable import RedlineXML

/// Work inside one XPath function call is bounded (issue 13, item 4): string work is charged by
/// length against the operation limit, the record's deadline is checked inside long loops and
/// string functions, and a rule stopped by the deadline is never passed. Before, `string(/)` per
/// node, `translate` or `rl:normalize-name` of a whole document, or `rl:contains-any` with one
/// 30 KB phrase each ran for seconds to minutes under a one-second limit and the rule passed.
@Suite(.timeLimit(.minutes(5)))
struct HostileXPathWorkTests {
    static func largeRecord(bytes: Int) throws -> String { try SampleRecord.padded(bytes: bytes) }

    static func ruleSet(assert: String, phrase: String = "never in the record") -> String {
        HostileInput.ruleSet(assert: assert, phrase: phrase)
    }

    /// One expensive expression: each is true on the record, so the rule passed before.
    struct Expensive: Sendable, CustomTestStringConvertible {
        let name: String
        let assert: String
        var phrase = "never in the record"
        var testDescription: String { name }
    }

    /// A phrase of about 30,000 characters whose words all occur in the record, so that a search
    /// that tries every position compares long prefixes at each space.
    static let longPhrase = String(
        Array(repeating: "Merger control notification", count: 1_100).joined(separator: " ").prefix(30_000))

    static let expensive: [Expensive] = [
        Expensive(name: "string(/) per node", assert: "count(//*[contains(string(/), 'zzzz-absent')]) = 0"),
        Expensive(
            name: "translate of the document per node",
            assert: "count(//*[translate(string(/), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') "
                + "= 'x']) = 0"),
        Expensive(name: "rl:normalize-name per node", assert: "count(//*[rl:normalize-name(string(/)) = 'x']) = 0"),
        Expensive(
            name: "rl:contains-any with a 30 KB phrase", assert: "not(rl:contains-any('long-phrase', //r:summary | /))",
            phrase: longPhrase),
    ]

    static let engineRecord: String = (try? largeRecord(bytes: 3_800_000)) ?? ""

    /// On a 3.8 MB record under a one-second limit, each expensive rule ends as an error (the
    /// operation limit, charged by length, or the time limit inside the rule), never as a pass,
    /// and the check ends within a few seconds (before: one took 7 s on 1 MB and passed; on
    /// 3.8 MB one ran past 120 s).
    @Test(arguments: expensive)
    func expensiveStringWorkNeverPasses(_ expensive: Expensive) throws {
        let rules = try RuleSetLoader.load(
            path: TemporaryFolder.file(Self.ruleSet(assert: expensive.assert, phrase: expensive.phrase), name: "r.xml"))
        let engine = Engine(ruleSet: rules)
        var options = EvaluationOptions(asOf: LocalDate("2022-01-01")!)
        options.limits.maxSecondsPerRecord = 1
        let record = Self.engineRecord
        #expect(record.utf8.count > 3_700_000)
        let clock = ContinuousClock()
        let started = clock.now
        let report = engine.check(bytes: Array(record.utf8), path: "big.xml", options: options)
        let elapsed = clock.now - started
        if let error = report.error {
            #expect(error.code == .timeLimit, "\(error.message)")
            #expect(error.message.contains("stopped inside rule HOST-001"), "\(error.message)")
        } else {
            let result = try #require(report.results.first)
            #expect(result.outcome == .error, "\(expensive.name): \(result.outcome)")
        }
        #expect(report.status == .error || report.results.first?.outcome == .error)
        #expect(elapsed < .seconds(10), "\(expensive.name) took \(elapsed)")
        print("[hostile-xpath] \(expensive.name): \(report.error?.code.rawValue ?? "rule error"), \(elapsed)")
    }

    /// With the operation limit out of the way, only the deadline can stop the rule: it does,
    /// inside the one rule, and the record has no verdict.
    @Test func theDeadlineStopsARuleInsideItsFunctionCalls() throws {
        let rules = try RuleSetLoader.load(
            path: TemporaryFolder.file(Self.ruleSet(assert: Self.expensive[1].assert), name: "r.xml"))
        var options = EvaluationOptions(asOf: LocalDate("2022-01-01")!)
        options.limits.maxSecondsPerRecord = 0.5
        options.limits.xpathOperationLimit = Int.max / 4
        let clock = ContinuousClock()
        let started = clock.now
        let report = Engine(ruleSet: rules).check(
            bytes: Array(Self.engineRecord.utf8), path: "big.xml", options: options)
        let elapsed = clock.now - started
        let error = try #require(report.error)
        #expect(error.code == .timeLimit)
        #expect(
            error.message
                == "evaluation took longer than the limit of 0.5 s per record (stopped inside rule HOST-001, after 0 of 1 rules)"
        )
        #expect(report.verdict == nil && report.results.isEmpty)
        #expect(elapsed < .seconds(5), "stopped \(elapsed) after it started")
    }

    /// Reading a node's string value is charged by its length: one evaluation of `string(/)` on a
    /// 1 MB record costs thousands of operations, not one.
    @Test func stringValuesAreChargedByLength() throws {
        let document = try XMLDocument(bytes: Array(Self.largeRecord(bytes: 1_000_000).utf8), path: "big.xml")
        let namespaces = ["r": BuiltIn.recordNamespace]
        for useNative in [true, false] {
            let environment = EvaluationEnvironment(asOf: LocalDate("2022-01-01")!, lists: [:])
            let evaluator = XPathEvaluator(
                document: document, namespaces: namespaces, environment: environment, operationLimit: 100_000,
                useNative: useNative)
            let once = try XPathExpression("string-length(string(/)) > 0", at: SourcePosition(file: "t"))
            #expect(try evaluator.boolean(once), "one copy of the document fits in 100,000 operations")
            let perEvent = try XPathExpression(
                "count(r:events/r:event[string-length(string(/)) > 0]) > 0", at: SourcePosition(file: "t"))
            #expect(throws: RedlineError.self, "useNative \(useNative)") { try evaluator.boolean(perEvent) }
        }
    }

    /// The linear-time string functions give libxml2's own results: each case is evaluated by
    /// libxml2's built-in functions on a bare context and by redline's.
    @Test(arguments: [
        "translate('bar', 'abc', 'ABC')", "translate('--aaa--', 'abc-', 'ABC')", "translate('Ωmega café', 'éaΩ', 'EA')",
        "translate('abc', 'aa', 'xy')", "translate('', 'a', 'b')", "translate('abc', '', 'x')",
        "substring-before('1999/04/01', '/')", "substring-before('abc', '')", "substring-before('abc', 'x')",
        "substring-after('1999/04/01', '/')", "substring-after('1999/04/01', '19')", "substring-after('abc', '')",
        "substring-after('ééé', 'é')", "contains('abc', '')", "contains('', 'a')", "contains('Ωmega', 'meg')",
        "concat('a', 1, true())", "concat('', '')",
    ])
    func linearStringFunctionsGiveLibXML2sResults(_ text: String) throws {
        let document = try Fixtures.document(Fixtures.record())
        let bare = try #require(xmlXPathNewContext(document.pointer))
        defer { xmlXPathFreeContext(bare) }
        let object = try #require(xmlXPathEval(text, bare))
        defer { xmlXPathFreeObject(object) }
        let casted = try #require(xmlXPathCastToString(object))
        defer { redline_xmlFree(casted) }
        let expected = String(cString: casted)
        let expression = try XPathExpression(text, at: SourcePosition(file: "t"))
        for useNative in [true, false] {
            let evaluator = XPathEvaluator(
                document: document, namespaces: [:],
                environment: EvaluationEnvironment(asOf: LocalDate("2022-01-01")!, lists: [:]),
                operationLimit: 1_000_000, useNative: useNative)
            #expect(try evaluator.string(expression) == expected, "\(text), native \(useNative)")
        }
    }

    /// A 30 KB phrase is found in a 1 MB text, at the right place, and a near miss is not.
    @Test func longPatternsAreFoundWhereTheyAre() {
        let phrase = Array(String(repeating: "a", count: 30_000).utf8) + [UInt8(ascii: "b")]
        var text = Array(String(repeating: "a", count: 1_000_000).utf8)
        #expect(ReferenceList.find(phrase, in: text) == nil)
        text += [UInt8(ascii: "b")]
        #expect(ReferenceList.find(phrase, in: text) == 1_000_000 - 30_000)
        #expect(XPathStrings.offset(of: "", in: "abc") == 0)
        #expect(XPathStrings.offset(of: "abcd", in: "abc") == nil)
    }
}
