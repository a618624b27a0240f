import Foundation
import Testing

@testable import RedlineKit
@testable import RedlineXML

/// The native XPath evaluator gives exactly libxml2's results: each expression below is
/// compiled natively and evaluated both ways on one record with text, attributes, mixed
/// content, duplicates and numbers.
struct NativeXPathTests {
    static let namespaces = ["r": BuiltIn.recordNamespace, "rl": RedlineFunctions.namespace]

    static let body = """
        <parties>
          <party role="consignee" sector="private" provenance="self-declared"><name>Alpha Ltd</name><country>AE</country></party>
          <party role="end-user" sector="government" provenance="court"><name>Beta Agency</name><alias>B.A.</alias><country>AE</country></party>
          <party role="end-user" sector="government"><name>Beta Agency</name><country>MA</country></party>
          <party role="intermediary"><name>Gamma   S.A.
          </name><country>FR</country></party>
        </parties>
        <items>
          <item cyberSurveillance="true" quantity="12"><description>Probe <b>mixed</b> content</description><controlEntry>4A005</controlEntry><capability>interception</capability></item>
          <item cyberSurveillance="false" quantity="x"><controlEntry>5A001.j</controlEntry><capability>location-tracking</capability><capability>data-extraction</capability></item>
          <item quantity="7.5"><controlEntry>4D004</controlEntry></item>
        </items>
        <events>
          <event type="misuse-report" date="2020-05-01" provenance="forensic"><subject>Beta Agency</subject></event>
          <event type="designation" date="2021-11-03"><subject>Alpha Ltd.</subject><list>Entity List</list></event>
        </events>
        """

    static let expressions: [String] = [
        // Paths, predicates, positions.
        "r:parties/r:party", "r:parties/r:party/r:name", "r:parties/r:party[@role = 'end-user']",
        "r:parties/r:party[2]", "r:parties/r:party[last()]", "r:parties/r:party[position() > 1][1]",
        "r:parties/r:party[r:country = 'AE'][@sector = 'government']", "r:items/r:item[not(@cyberSurveillance)]",
        "r:items/r:item/@*", "r:items/*", "r:items/r:item/r:*", "r:items/r:item/node()",
        "r:items/r:item/r:description/text()",
        ".", "..", "/", "/r:licenceRecord/r:exporter", "//r:name", "//r:party[1]", "r:parties//r:name",
        "descendant::r:capability", "r:items/r:item/r:capability/ancestor::r:item",
        "r:items/r:item[1]/following-sibling::r:item",
        "r:items/r:item[3]/preceding-sibling::r:item", "r:items/r:item[3]/preceding-sibling::r:item[1]",
        "r:parties/r:party/r:name/..", "r:parties/r:party/r:country/../r:name", "r:items/r:item/r:capability/../..",
        "(r:parties/r:party/r:name | r:exporter/r:name)", "(r:parties/r:party/r:name | r:exporter/r:name)[1]",
        "(r:parties/r:party/r:name | r:exporter/r:name)[last()]",
        "r:events/r:event/r:subject | r:parties/r:party/r:name",
        "(r:parties/r:party)[2]/r:name", "r:parties/r:party[r:name = following-sibling::r:party/r:name]",
        "r:parties/r:party[@role = 'end-user'][r:name = following-sibling::r:party[@role = 'end-user']/r:name]",
        // Comparisons and conversions.
        "r:parties/r:party/r:country = 'AE'", "r:parties/r:party/r:country != 'AE'",
        "r:parties/r:party/r:country = 'XX'",
        "r:parties/r:party/r:nothing != 'AE'", "r:parties/r:party/r:name = r:events/r:event/r:subject",
        "r:parties/r:party/r:name != r:parties/r:party/r:name", "r:items/r:item/@quantity > 10",
        "r:items/r:item/@quantity < 8", "r:items/r:item/@quantity < 7.5", "r:items/r:item/@quantity <= 7",
        "r:items/r:item/@quantity > 12", "r:items/r:item/@quantity >= 12.5", "1 < 1", "1 > 1", "1 <= 1", "1 >= 1",
        "12 > r:items/r:item/@quantity", "7.5 >= r:items/r:item/@quantity", "r:items/r:item/@quantity = 7.5",
        "r:items/r:item/@quantity != 12",
        "10 < r:items/r:item/@quantity", "r:items/r:item/@quantity >= '12'", "r:parties/r:party = true()",
        "r:nothing = false()", "r:items/r:item/@quantity > r:items/r:item[3]/@quantity", "1 = 1.0", "'1' = 1",
        "'abc' != 'abd'", "true() = 'x'", "0 = ''", "number('x') = number('x')", "number('x') != 1", "2 > '10'",
        "r:nothing", "not(r:nothing)", "boolean(r:parties)", "string(r:parties/r:party/r:name)",
        "string(r:items/r:item[2]/@quantity)", "number(r:items/r:item[3]/@quantity) * 2", "string(12 div 5)",
        "string(1 div 0)", "string(-1 div 0)", "string(0 div 0)", "string(7 mod 3)", "string(-7 mod 3)", "-(2 - 5) + 1",
        "string(100000000000)", "string(0.000001)", "string(1 = 1)", "count(r:parties/r:party | r:parties/r:party[1])",
        "count(//r:party/r:name/..)", "string-length(r:parties/r:party[4]/r:name)", "string-length('Ωmega café')",
        "normalize-space(r:parties/r:party[4]/r:name)", "normalize-space('  a \t b  ')", "normalize-space(r:nothing)",
        "contains(r:items/r:item[1]/r:description, 'mixed')", "starts-with(r:items/r:item[2]/r:controlEntry, '5A')",
        "concat(r:exporter/r:name, ' / ', r:exporter/r:country)", "substring('12345', 2, 3)", "substring('12345', 2)",
        "substring('12345', 1.5, 2.6)", "substring('12345', 0, 3)", "substring('12345', -42, 1 div 0)",
        "substring('12345', -1 div 0, 1 div 0)", "substring('12345', 0 div 0, 3)", "substring('12345', 1, 0 div 0)",
        "substring('Ωmega café', 7)", "substring('abc', 10)",
        "translate(r:exporter/r:name, 'abcde', 'ABC')", "translate('Ωmega café', 'éaΩ', 'EA')",
        "translate(r:parties/r:party[4]/r:name, ' .', '_')", "substring-before(r:items/r:item[2]/r:controlEntry, '.')",
        "substring-after(r:items/r:item[2]/r:controlEntry, '.')", "substring-before('abc', '')",
        "substring-after('abc', '')", "substring-after('abc', 'x')", "contains('abc', '')",
        "substring(r:parties/r:party/r:name, 2, 1000 * boolean(r:items))",
        "string(r:items/r:item[1]/r:description)",
        "r:parties/r:party[string-length(r:name) > 10]", "r:items/r:item[number(@quantity) = number(@quantity)]",
        "r:parties/r:party[1] and r:parties/r:party[9] or r:items", "r:items/r:item[@quantity][2]",
        // redline's functions.
        "rl:in-list('cs21-countries', r:parties/r:party/r:country)", "rl:in-list('cs21-countries', 'FR')",
        "rl:in-list('us-entity-list', r:events/r:event/r:subject)",
        "rl:in-list('hr-sanctions', r:parties/r:party/r:name)",
        "rl:contains-any('generic-end-use', 'for counter-terrorism purposes')", "rl:as-of()", "rl:days('2021-11-04')",
        "rl:days('nope')", "rl:days-since(r:events/r:event/@date)", "rl:days-since(r:events/r:event[2]/@date) <= 1826",
        "rl:months-between('2020-01-31', '2020-03-01')", "rl:latest(r:events/r:event/@date)", "rl:latest(r:nothing)",
        "rl:independent(r:parties/r:party)", "rl:independent(r:parties/r:party[1])",
        "rl:independent(r:events/r:event/@type)",
        "rl:self-declared(r:events/r:event)", "rl:self-declared(r:events/r:event[1])",
        "rl:has-tokens(r:items/r:item/r:capability, 'interception data-extraction')", "rl:has-tokens('a b', '')",
        "rl:has-tokens(r:parties/r:party/@role, 'consignee end-user')",
        "rl:normalize-name(r:parties/r:party[4]/r:name)",
        "rl:same-party(r:events/r:event/r:subject, r:parties/r:party/r:name)",
        "rl:same-party(r:nothing, r:parties/r:party/r:name)",
        "r:events/r:event[rl:same-party(r:subject, ../../r:parties/r:party[@role = 'end-user']/r:name)]",
        "r:events/r:event[rl:independent(.) and @type = 'misuse-report']/r:subject",
    ]

    static func evaluators() throws -> (native: XPathEvaluator, libxml2: XPathEvaluator, document: XMLDocument) {
        let document = try Fixtures.document(Fixtures.record(body: body))
        let environment = EvaluationEnvironment(asOf: LocalDate("2022-03-01")!, lists: Fixtures.defaultRuleSet.lists)
        let native = XPathEvaluator(
            document: document, namespaces: namespaces, environment: environment, operationLimit: 1_000_000)
        let libxml2 = XPathEvaluator(
            document: document, namespaces: namespaces, environment: environment, operationLimit: 1_000_000,
            useNative: false)
        return (native, libxml2, document)
    }

    @Test(arguments: expressions)
    func nativeEvaluationEqualsLibXML2(_ text: String) throws {
        let expression = try XPathExpression(text, at: SourcePosition(file: "test"), namespaces: Self.namespaces)
        #expect(expression.native != nil, "expected a native form for \(text)")
        let (native, libxml2, document) = try Self.evaluators()
        // The native evaluator itself answers (no fallback to libxml2 hides a difference).
        let environment = EvaluationEnvironment(asOf: LocalDate("2022-03-01")!, lists: Fixtures.defaultRuleSet.lists)
        let direct = NativeXPathEvaluator(
            document: document.pointer, environment: environment, operationLimit: 1_000_000)
        let root = try #require(document.rootNode)
        let value = try XPathResult(direct.value(#require(expression.native), at: root.pointer))
        #expect(XPathResult.same(value, try libxml2.evaluate(expression)), "\(text)")
        #expect(XPathResult.same(try native.evaluate(expression), try libxml2.evaluate(expression)), "\(text)")
        #expect(try native.boolean(expression) == libxml2.boolean(expression), "\(text)")
        #expect(try native.string(expression) == libxml2.string(expression), "\(text)")
    }

    /// Expressions outside the native subset have no native form and are evaluated by libxml2.
    @Test(arguments: [
        "$limit", "following::r:party", "r:parties/r:party[lang('en')]",
        "sum(r:items/r:item/@quantity)", "x:item", "rl:unknown(1)", "r:items/r:item/comment()", "namespace::*",
    ])
    func unsupportedExpressionsHaveNoNativeForm(_ text: String) throws {
        let expression = try? XPathExpression(text, at: SourcePosition(file: "test"), namespaces: Self.namespaces)
        #expect(expression?.native == nil)
    }

    /// A native evaluation past its budget gives way to libxml2, which reports its limit.
    @Test func budgetExhaustionFallsBackToLibXML2sLimit() throws {
        let body =
            "<parties>" + (0..<300).map { "<party role=\"other\"><name>P\($0)</name></party>" }.joined() + "</parties>"
        let document = try Fixtures.document(Fixtures.record(body: body))
        let environment = EvaluationEnvironment(asOf: LocalDate(daysSinceEpoch: 0), lists: [:])
        let expression = try XPathExpression(
            "r:parties/r:party[r:name = following-sibling::r:party/r:name]", at: SourcePosition(file: "t"),
            namespaces: Self.namespaces)
        #expect(expression.native != nil)
        let limited = XPathEvaluator(
            document: document, namespaces: Self.namespaces, environment: environment, operationLimit: 20_000)
        #expect {
            _ = try limited.boolean(expression)
        } throws: { error in
            (error as? RedlineError)?.message.contains("exceeded the limit of 20000 operations") == true
        }
        let generous = XPathEvaluator(
            document: document, namespaces: Self.namespaces, environment: environment, operationLimit: 100_000_000)
        #expect(try generous.boolean(expression) == false)
    }

    /// A long list searched for many values costs its length per value: a huge phrase list on
    /// every text of a record hits the operation limit (an error outcome) instead of running on.
    @Test func listSearchesCountAgainstTheOperationLimit() throws {
        var lists = Fixtures.defaultRuleSet.lists
        let entries = (0..<50_000).map {
            ReferenceList.Entry(
                value: "phrase \($0)", kind: .phrase, since: LocalDate(daysSinceEpoch: 0), until: nil,
                position: SourcePosition(file: "t"))
        }
        lists["huge"] = ReferenceList(
            id: "huge", kind: .phrase, title: "huge", source: "test", effective: LocalDate(daysSinceEpoch: 0),
            entries: entries,
            position: SourcePosition(file: "t"))
        let document = try Fixtures.document(Fixtures.record(body: Self.body))
        let environment = EvaluationEnvironment(asOf: LocalDate("2022-03-01")!, lists: lists)
        let expression = try XPathExpression(
            "rl:contains-any('huge', //r:name | //@role)", at: SourcePosition(file: "t"), namespaces: Self.namespaces)
        for useNative in [true, false] {
            let evaluator = XPathEvaluator(
                document: document, namespaces: Self.namespaces, environment: environment, operationLimit: 200_000,
                useNative: useNative)
            #expect {
                _ = try evaluator.boolean(expression)
            } throws: { error in
                (error as? RedlineError)?.message.contains("exceeded the limit of 200000 operations") == true
            }
        }
    }
}

/// Compiled trees are freed with their expression: every object of the tree of each test
/// expression is gone once the expression is. (LeakSanitizer cannot check this: the fuzzers
/// suppress its reports for the trees, see Fuzz/lsan.supp.)
struct NativeXPathMemoryTests {
    final class Weak {
        weak var object: AnyObject?
        init(_ object: AnyObject) { self.object = object }
    }

    static func objects(in tree: NativeXPath, into found: inout [Weak]) {
        func step(_ step: NativeStep) {
            found.append(Weak(step))
            switch step.test {
            case .name(let local, let namespace):
                found.append(Weak(local))
                if let namespace { found.append(Weak(namespace)) }
            case .anyNameIn, .anyName, .node, .text: break
            }
            for predicate in step.predicates { objects(in: predicate.expression, into: &found) }
        }
        switch tree {
        case .literal(let literal): found.append(Weak(literal))
        case .number: break
        case .path(let path): path.steps.forEach(step)
        case .union(let parts): parts.forEach { objects(in: $0, into: &found) }
        case .filter(let primary, let predicates, let steps):
            objects(in: primary, into: &found)
            predicates.forEach { objects(in: $0.expression, into: &found) }
            steps.forEach(step)
        case .or(let a, let b), .and(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b):
            objects(in: a, into: &found)
            objects(in: b, into: &found)
        case .negate(let a): objects(in: a, into: &found)
        case .call(_, let arguments): arguments.forEach { objects(in: $0, into: &found) }
        }
    }

    @Test(arguments: NativeXPathTests.expressions)
    func aCompiledTreeIsFreed(_ text: String) throws {
        var found: [Weak] = []
        do {
            let expression = try XPathExpression(
                text, at: SourcePosition(file: "test"), namespaces: NativeXPathTests.namespaces)
            Self.objects(in: try #require(expression.native), into: &found)
        }
        // Namespace URIs and the step of `//` are shared for the life of the process.
        let alive = found.compactMap(\.object).filter { object in
            object !== NativeXPathLowering.descendantOrSelfNode
                && !((object as? NativeString).map { $0 === NativeString.namespace($0.string) } ?? false)
        }
        #expect(alive.isEmpty, "\(alive.count) objects of the tree outlive it")
    }
}
