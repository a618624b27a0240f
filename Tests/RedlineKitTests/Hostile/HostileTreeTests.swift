import Foundation
import RedlineTestSupport
import Testing

@testable import RedlineKit
@testable import RedlineXML

/// The syntax and evaluation trees of expressions are bounded by construction and released
/// without recursion (issue 13, item 2). Releasing a tree a million levels deep runs in a child
/// process (this test binary, asked to run one test), so that a recursive release fails one test
/// instead of killing the test runner.
@Suite(.timeLimit(.minutes(5)))
struct HostileTreeTests {
    /// Set in the child process that releases the deep trees.
    static let childVariable = "REDLINE_TEST_DEEP_RELEASE"
    static let inChild = ProcessInfo.processInfo.environment[childVariable] == "1"

    /// The parser never builds a tree deeper than the bound, whatever the text: for each shape
    /// of nesting, far past the bound, the tree stops at it and the offset is where it went past.
    @Test func theParserBuildsNoTreeDeeperThanTheBound() {
        let bound = XPathSyntax.maxDepth
        // Each text is under the length bound (16,384 characters), so that it is parsed.
        let texts: [String] = [
            Array(repeating: "1", count: 3_000).joined(separator: " or "),
            String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000),
            String(repeating: "not(", count: 3_000) + "true()" + String(repeating: ")", count: 3_000),
            String(repeating: "-", count: 10_000) + "1",
            String(repeating: "r:a[", count: 3_000) + "1" + String(repeating: "]", count: 3_000),
            Array(repeating: ".", count: 5_000).joined(separator: "/"),
            Array(repeating: "r:a", count: 2_000).joined(separator: " | "),
            "concat(" + Array(repeating: "(1 + 2) * 3", count: 1_000).joined(separator: ", ") + ")",
        ]
        for text in texts {
            let syntax = XPathSyntax(text)
            let prefix = String(text.prefix(20))
            let depth = syntax.root.depth
            #expect(depth <= bound, "\(prefix)")
            let bounded = syntax.root.allNodes.allSatisfy { $0.depth <= bound }
            #expect(bounded, "\(prefix)")
            let isCall = prefix.hasPrefix("concat")
            if case .depth(let offset) = syntax.limit {
                let inside = offset > 0 && offset < text.count
                #expect(inside, "\(prefix): \(offset)")
                let errors = syntax.errors
                #expect(errors == [offset], "\(prefix): only the bound is noted")
            } else {
                #expect(isCall, "\(prefix): \(String(describing: syntax.limit))")
            }
        }
        // Wide is not deep: a call with 1,000 arguments is read whole.
        let wideIsRead = XPathSyntax(texts[7]).isValid
        #expect(wideIsRead)
        #expect(XPathSyntax(String(repeating: "x", count: XPathSyntax.maxLength + 1)).limit == .length(16_385))
    }

    /// The default and example rule sets stay well inside both bounds.
    @Test func shippedRuleSetsStayInsideTheBounds() throws {
        let example = try RuleSetLoader.load(path: Fixtures.path("examples/rulesets/bg-national.xml"))
        var deepest = 0
        var longest = 0
        for ruleSet in [Fixtures.defaultRuleSet, example] {
            for rule in ruleSet.rules {
                for expression in rule.expressions {
                    deepest = max(deepest, expression.syntax.root.depth)
                    longest = max(longest, expression.text.count)
                }
            }
        }
        #expect(deepest <= XPathSyntax.maxDepth / 3, "deepest \(deepest)")
        #expect(longest <= XPathSyntax.maxLength / 8, "longest \(longest)")
    }

    /// `allNodes` and `operands(of:)` walk with a stack of their own, in the order written.
    @Test func walksKeepTheirOrder() {
        let syntax = XPathSyntax("a or (b and c) or d[e]")
        #expect(
            syntax.root.allNodes.map { syntax.text(of: $0) } == [
                "a or (b and c) or d[e]", "a or (b and c)", "a", "(b and c)", "b and c", "b", "c", "d[e]", "e",
            ])
        #expect(syntax.root.operands(of: .or).map { syntax.text(of: $0) } == ["a", "(b and c)", "d[e]"])
    }

    /// Trees a million levels deep, of every kind of node, are released without recursion. The
    /// test runs this binary again for the release; the child only does the release.
    @Test func deepTreesAreReleasedWithoutRecursion() throws {
        if Self.inChild {
            Self.releaseDeepTrees()
            return
        }
        guard let binary = Self.testBinary else {
            Issue.record("cannot find the test binary (\(CommandLine.arguments))")
            return
        }
        let run = try ChildProcess.run(
            binary,
            [
                "--testing-library", "swift-testing", "--filter",
                "HostileTreeTests/deepTreesAreReleasedWithoutRecursion",
            ],
            environment: [Self.childVariable: "1", "SWIFT_BACKTRACE": "enable=no"])
        #expect(run.signal == nil, "killed by signal \(run.signal ?? 0)\n\(run.stdout.suffix(2_000))")
        #expect(run.status == 0, "\(run.stdout.suffix(2_000))\(run.stderr.suffix(2_000))")
        #expect(run.stdout.contains("passed") || run.stderr.contains("passed"), "\(run.stdout.suffix(2_000))")
    }

    /// The binary the tests run in (`…PackageTests.xctest`).
    static var testBinary: URL? {
        let path = CommandLine.arguments.first ?? ""
        if path.hasSuffix(".xctest"), FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        let folder = Repository.root.appendingPathComponent(".build/debug")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.first { $0.hasSuffix("PackageTests.xctest") }.map { folder.appendingPathComponent($0) }
    }

    /// Builds and releases a syntax tree and an evaluation tree a million levels deep (the
    /// child's work: with a recursive release it ends with SIGSEGV).
    static func releaseDeepTrees() {
        let depth = 1_000_000
        var syntax = XPathNode(.number(1), start: 0, end: 1)
        for level in 0..<depth {
            switch level % 5 {
            case 0: syntax = XPathNode(.binary(.or, syntax, XPathNode(.number(1), start: 0, end: 1)), start: 0, end: 1)
            case 1: syntax = XPathNode(.group(syntax), start: 0, end: 1)
            case 2: syntax = XPathNode(.call(name: "not", arguments: [syntax]), start: 0, end: 1)
            case 3:
                let step = XPathStep(
                    axis: .child, syntax: .implicitChild, test: .node, testStart: 0, testEnd: 1, predicates: [syntax],
                    start: 0, end: 1)
                syntax = XPathNode(.path(XPathLocationPath(absolute: false, steps: [step])), start: 0, end: 1)
            default: syntax = XPathNode(.negate(syntax), start: 0, end: 1)
            }
        }
        XPathNode.release(&syntax)

        var native = NativeXPath.number(1)
        for level in 0..<depth {
            switch level % 5 {
            case 0: native = .or(native, .number(1))
            case 1: native = .call(.not, [native])
            case 2:
                let step = NativeStep(axis: .child, test: .node, predicates: [NativePredicate(native)])
                native = .path(NativeLocationPath(absolute: false, steps: [step]))
            case 3: native = .compare(.equal, native, .literal(NativeString("x")))
            default: native = .negate(native)
            }
        }
        NativeXPath.release(&native)
    }
}
