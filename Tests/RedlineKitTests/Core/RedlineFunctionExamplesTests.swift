import Foundation
import Testing

@testable import RedlineKit
@testable import RedlineXML

/// Every example of every redline function descriptor, run as SwiftLint runs rule examples:
/// through the native evaluator (which must answer itself, without falling back) and through
/// libxml2, each giving the example's value.
struct RedlineFunctionExamplesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var function: RedlineFunctionDescriptor
        var example: RedlineFunctionExample
        var testDescription: String { "\(function.prefixedName): \(example)" }
    }

    static let cases = RedlineFunctions.descriptors.flatMap { function in
        function.examples.map { Case(function: function, example: $0) }
    }

    static let namespaces = [RedlineFunctions.prefix: RedlineFunctions.namespace]

    /// The examples' lists with their screeners, as the rule-set loader gives them.
    static let lists = RedlineFunctionExample.lists.mapValues { $0.screened(version: "examples") }

    @Test(arguments: cases)
    func exampleGivesItsValueInBothEvaluators(_ example: Case) throws {
        let where_ = "\(example.example.file):\(example.example.line)"
        let expression = try XPathExpression(
            example.example.expression, at: SourcePosition(file: "example"), namespaces: Self.namespaces)
        let native = try #require(expression.native, "\(where_): no native form")
        let document = try Fixtures.document(RedlineFunctionExample.record)
        let environment = EvaluationEnvironment(asOf: example.example.asOf, lists: Self.lists)
        let root = try #require(document.rootNode)
        let direct = NativeXPathEvaluator(
            document: document.pointer, environment: environment, operationLimit: 1_000_000)
        let nativeValue = try XPathResult(direct.value(native, at: root.pointer))
        for useNative in [true, false] {
            let evaluator = XPathEvaluator(
                document: document, namespaces: Self.namespaces, environment: environment, operationLimit: 1_000_000,
                useNative: useNative)
            let actual = try evaluator.string(expression)
            #expect(actual == example.example.result, "\(where_), native: \(useNative): got \(actual)")
            #expect(XPathResult.same(try evaluator.evaluate(expression), nativeValue), "\(where_)")
        }
    }

    @Test func everyFunctionHasExamplesAndANameOfItsOwn() {
        let names = RedlineFunctions.descriptors.map(\.name)
        #expect(Set(names).count == names.count)
        for function in RedlineFunctions.descriptors {
            #expect(!function.examples.isEmpty, "\(function.name) has no example")
            #expect(
                function.examples.allSatisfy { $0.expression.contains(function.prefixedName + "(") },
                "an example of \(function.name) does not call it")
        }
    }

    /// Every function type in Sources/RedlineXML/Functions is in the table, and only those.
    @Test func theTableListsEveryFunctionFile() throws {
        let folder = Fixtures.path("Sources/RedlineXML/Functions")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix("Function.swift") && $0 != "RedlineFunction.swift" }
            .map { String($0.dropLast(".swift".count)) }
        #expect(Set(files) == Set(RedlineFunctions.all.map { String(describing: $0) }))
    }

    /// docs/rule-language.md shows the descriptors' table.
    @Test func theRuleLanguageDocumentShowsTheDescriptorsTable() throws {
        let text = try String(contentsOfFile: Fixtures.path("docs/rule-language.md"), encoding: .utf8)
        #expect(
            text.contains("\n" + RedlineFunctions.markdownTable + "\n"),
            "docs/rule-language.md's function table differs from the descriptors':\n\(RedlineFunctions.markdownTable)")
    }
}
