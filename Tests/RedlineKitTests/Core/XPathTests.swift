import Dispatch
import Synchronization
import Testing

@testable import RedlineKit

/// Compiled XPath: error positions, the operation limit and sharing across threads.
struct XPathTests {
    @Test func compileErrorCarriesColumnOfTheOffendingCharacter() {
        #expect {
            _ = try XPathExpression("r:items/r:item[", at: SourcePosition(file: "rules.xml", line: 12, column: 11))
        } throws: { error in
            guard let error = error as? RedlineError else { return false }
            return error.code == .invalidRules && error.position.line == 12 && error.position.column > 11
                && error.message.contains("does not compile")
        }
    }

    @Test func operationLimitStopsAnExpensiveExpression() throws {
        let body =
            "<parties>" + (0..<400).map { "<party role=\"other\"><name>P\($0)</name></party>" }.joined() + "</parties>"
        let document = try Fixtures.document(Fixtures.record(body: body))
        let expression = try XPathExpression(
            "count(//r:party[r:name = following::r:party/r:name])", at: SourcePosition(file: "t"))
        let environment = EvaluationEnvironment(asOf: LocalDate(daysSinceEpoch: 0), lists: [:])
        let limited = XPathEvaluator(
            document: document, namespaces: ["r": BuiltIn.recordNamespace], environment: environment,
            operationLimit: 10_000)
        #expect {
            _ = try limited.evaluate(expression)
        } throws: { error in
            (error as? RedlineError)?.message.contains("exceeded the limit of") == true
        }
        let generous = XPathEvaluator(
            document: document, namespaces: ["r": BuiltIn.recordNamespace], environment: environment,
            operationLimit: 100_000_000)
        #expect(try generous.string(expression) == "0")
    }

    /// One compiled rule set evaluated on many records at once gives exactly the sequential results.
    @Test func oneCompiledRuleSetIsSafeAcrossThreads() throws {
        let engine = Engine(ruleSet: Fixtures.defaultRuleSet)
        let options = EvaluationOptions(asOf: LocalDate("2022-01-01")!)
        let records: [[UInt8]] = (0..<200).map { index in
            let listed = index % 3 == 0 ? "NSO Group Technologies Ltd" : "Exporter \(index) Ltd"
            let events =
                index % 2 == 0
                ? "<events><event type=\"misuse-report\" date=\"2021-0\(1 + index % 9)-01\" provenance=\"forensic\"><summary>S\(index)</summary></event></events>"
                : ""
            return Array(
                Fixtures.record(id: "R\(index)", stage: "licence", status: "issued", exporter: listed, body: events)
                    .utf8)
        }
        let sequential = records.enumerated().map { engine.check(bytes: $1, path: "r\($0).xml", options: options) }
        let concurrent = Mutex([RecordReport?](repeating: nil, count: records.count))
        DispatchQueue.concurrentPerform(iterations: records.count) { index in
            let report = engine.check(bytes: records[index], path: "r\(index).xml", options: options)
            concurrent.withLock { $0[index] = report }
        }
        let parallel = concurrent.withLock { $0.compactMap { $0 } }
        #expect(parallel == sequential)
        #expect(Set(sequential.compactMap(\.verdict)).count > 1, "the corpus must produce different verdicts")
    }
}
