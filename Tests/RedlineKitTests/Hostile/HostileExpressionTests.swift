import Foundation
import RedlineTestSupport
import Testing

@testable import RedlineKit

/// Rule-set expressions built to exhaust the stack (issue 13, item 2). Every hostile input is
/// generated here. The inputs that crashed redline (a 90,000-term expression overflowed the stack
/// while its tree was walked or released) run in a child `redline` process, so that a regression
/// fails one test instead of killing the test runner; the tests in this process stay at the
/// bounds, where the old code did not crash.
@Suite(.timeLimit(.minutes(5)))
struct HostileExpressionTests {
    /// The loader's bounds on one expression (docs/rule-language.md, "Limits").
    static let maxLength = 16_384
    static let maxDepth = 128

    // MARK: - Generators

    /// A rule set of one rule whose `<assert>` is `assert` (its text starts on line 9, column 11)
    /// and whose message has `value` as a `<value select>` (line 10, column 12), when given.
    static func ruleSet(assert: String, value: String? = nil) -> String {
        let message = value.map { "<message>m <value select=\"\($0)\"/></message>" } ?? "<message>m</message>"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <ruleset xmlns="urn:redline:rules:1" formatVersion="1" id="hostile" version="1"><title>Hostile</title>
            <letter id="AN19" file="000_d3d654b5c922fcf3.txt">Access Now 2019</letter>
            <policy><application on-error="refuse"><verdict name="refuse" severity="critical"/><verdict name="approve"/></application>
            <licence on-error="revoke"><verdict name="revoke" severity="critical"/><verdict name="maintain"/></licence></policy>
            <rule id="HOST-001" category="test" severity="major" weight="1">
              <title>t</title><implements>AN19-5</implements>
              <cite letter="AN19">assessment of the potential human rights impacts of exports</cite>
              <assert>\(assert)</assert>
              \(message)<remedy>r</remedy>
            </rule>
            </ruleset>

            """
    }

    /// The column of the `<assert>` text's first character.
    static let assertColumn = 11

    /// `count` copies of `term` joined by `separator`.
    static func chain(_ term: String, _ separator: String, count: Int) -> String {
        Array(repeating: term, count: count).joined(separator: separator)
    }

    /// The offset of the `n`th (1-based) occurrence of `separator` in `text`, in characters.
    static func offset(of separator: String, occurrence n: Int, in text: String) -> Int {
        var searchFrom = text.startIndex
        var found = text.startIndex
        for _ in 0..<n {
            guard let range = text.range(of: separator, range: searchFrom..<text.endIndex) else { return -1 }
            found = range.lowerBound
            searchFrom = range.upperBound
        }
        return text.distance(from: text.startIndex, to: found)
    }

    /// One hostile expression and where the loader must refuse it.
    struct Hostile: Sendable, CustomTestStringConvertible {
        let name: String
        let expression: String
        /// Text the error message contains.
        let message: String
        /// The character offset the error's column points at.
        let offset: Int
        var testDescription: String { name }
    }

    /// The expressions of issue 13, item 2: about 90,000 terms (180 KB to 540 KB), each of which
    /// crashed every command with SIGSEGV, and deep ones within the length cap.
    static let crashers: [Hostile] = {
        func long(_ name: String, _ text: String) -> Hostile {
            Hostile(
                name: name, expression: text,
                message: "XPath expression is \(text.count) characters long, more "
                    + "than the limit of \(maxLength)", offset: 0)
        }
        let mixed = (0..<90_000).map { ["1", "+", "1 and", "1 or"][$0 % 4] }.joined(separator: " ") + " 1"
        let sum = chain("1", "+", count: 8_000)
        let parentheses = String(repeating: "(", count: 8_000) + "1" + String(repeating: ")", count: 8_000)
        return [
            long("90,000 '+' terms", chain("1", " + ", count: 90_000)),
            long("90,000 'and' terms", chain("1", " and ", count: 90_000)),
            long("90,000 'or' terms", chain("1", " or ", count: 90_000)),
            long("90,000 '+', 'and' and 'or' terms", mixed),
            Hostile(
                name: "8,000 '+' terms (16 KB)", expression: sum, message: "nests more than \(maxDepth) levels deep",
                offset: offset(of: "+", occurrence: maxDepth, in: sum)),
            Hostile(
                name: "8,000 nested brackets (16 KB)", expression: parentheses,
                message: "nests more than \(maxDepth) levels deep", offset: maxDepth),
        ]
    }()

    // MARK: - The crash, in a child process

    /// Each crashing expression is refused by every command that loads a rule set: exit status
    /// 3, no signal, one error naming the file, line and column, what was expected and the fix.
    /// Before the fix every one of these runs ended with SIGSEGV (status 139).
    @Test(arguments: crashers)
    func crashingExpressionIsRefusedByEveryCommand(_ hostile: Hostile) throws {
        let path = try TemporaryFolder.file(Self.ruleSet(assert: hostile.expression), name: "deep.xml")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let record = Fixtures.path("examples/records/bg-2019-nso-group-licence.xml")
        let commands: [[String]] = [
            ["check", "--rules", path, record], ["audit", "--rules", path, record], ["rules", "lint", path],
            ["rules", "test", path], ["rules", "doc", path], ["rules", "show", path],
            ["explain", "--rules", path, record],
        ]
        let position = "\(path):9:\(Self.assertColumn + hostile.offset): error: "
        for command in commands {
            let run = try ChildProcess.redline(command)
            let name = "redline \(command.prefix(2).joined(separator: " ")) on \(hostile.name)"
            // `rules lint` reports on standard output, the other commands on standard error.
            let output = String((run.stdout + run.stderr).prefix(4_000))
            #expect(run.signal == nil, "\(name): killed by signal \(run.signal ?? 0)")
            #expect(run.status == 3, "\(name): exit status \(run.status)\n\(output)")
            #expect(output.contains(position + "XPath expression"), "\(name)\n\(output)")
            #expect(output.contains(hostile.message), "\(name)")
            #expect(output.contains("expected at most"), "\(name)")
            #expect(output.contains("fix: split the condition into several rules"), "\(name)")
        }
    }

    // MARK: - The bounds, in this process

    /// Chains of every binary operator: 128 terms (a tree 128 levels deep) load, 129 are
    /// refused at the operator that goes past the bound, with the file, line and column.
    @Test(arguments: ["or", "and", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "div", "mod"])
    func operatorChainsStopAtTheDepthBound(_ op: String) throws {
        let escapedOp = op.replacingOccurrences(of: "<", with: "&lt;")
        let fits = Self.chain("1", " \(escapedOp) ", count: Self.maxDepth)
        _ = try RuleSetLoader.load(path: TemporaryFolder.file(Self.ruleSet(assert: fits), name: "fits.xml"))
        let deep = Self.chain("1", " \(op) ", count: Self.maxDepth + 1)
        let offset = Self.offset(of: " \(op) ", occurrence: Self.maxDepth, in: deep) + 1
        let written = Self.chain("1", " \(escapedOp) ", count: Self.maxDepth + 1)
        let path = try TemporaryFolder.file(Self.ruleSet(assert: written), name: "deep.xml")
        // The column counts the file's characters (`&lt;` is four), the offset the expression's.
        let column = Self.assertColumn + Self.offset(of: " \(escapedOp) ", occurrence: Self.maxDepth, in: written) + 1
        try expectDepthError(path, line: 9, column: column, offset: offset)
    }

    /// Brackets, function calls, negations, predicates and location steps each add a level:
    /// at the bound they load, one more is refused.
    @Test func everyKindOfNestingStopsAtTheDepthBound() throws {
        let shapes: [(name: String, make: (Int) -> String, atBound: Int)] = [
            ("brackets", { String(repeating: "(", count: $0) + "1" + String(repeating: ")", count: $0) }, 127),
            ("calls", { String(repeating: "not(", count: $0) + "true()" + String(repeating: ")", count: $0) }, 127),
            ("negations", { String(repeating: "- ", count: $0) + "1" }, 127),
            ("predicates", { String(repeating: "r:a[", count: $0) + "1" + String(repeating: "]", count: $0) }, 63),
            ("steps", { Self.chain(".", "/", count: $0) }, 127),
        ]
        for shape in shapes {
            let fits = shape.make(shape.atBound)
            let fitsPath = try TemporaryFolder.file(Self.ruleSet(assert: fits), name: "fits.xml")
            #expect(throws: Never.self, "\(shape.name) at the bound") { _ = try RuleSetLoader.load(path: fitsPath) }
            let path = try TemporaryFolder.file(Self.ruleSet(assert: shape.make(shape.atBound + 1)), name: "deep.xml")
            try expectDepthError(path, line: 9, column: nil, offset: nil, shape.name)
        }
    }

    /// Expressions at the depth bound are evaluated (by redline's evaluator, and by libxml2 for
    /// a variable-free form it does not lower) and explained, without an error.
    @Test func expressionsAtTheBoundAreEvaluatedAndExplained() throws {
        // A location path of one step is two levels deep (the path and its step).
        let expressions = [
            Self.chain("r:nothing", " or ", count: Self.maxDepth - 2) + " or r:exporter",
            String(repeating: "(", count: 126) + "r:exporter" + String(repeating: ")", count: 126),
            String(repeating: "not(", count: 124) + "not(r:nothing)" + String(repeating: ")", count: 124),
            Self.chain(".", "/", count: 126) + "/r:exporter",
            String(repeating: "self::node()[", count: 62) + "r:exporter" + String(repeating: "]", count: 62),
            // round() is not lowered: libxml2 evaluates this one.
            "round(" + Self.chain("1", " + ", count: 125) + ") &gt; 0",
        ]
        let record = try TemporaryFolder.file(Fixtures.record(), name: "record.xml")
        let options = EvaluationOptions(asOf: LocalDate("2022-01-01")!)
        for expression in expressions {
            let path = try TemporaryFolder.file(Self.ruleSet(assert: expression), name: "bound.xml")
            let ruleSet = try RuleSetLoader.load(path: path)
            let report = Engine(ruleSet: ruleSet).check(file: record, options: options)
            let outcomes = report.results.map(\.outcome)
            #expect(report.status == .evaluated && outcomes == [.pass], "\(expression.prefix(30)): \(outcomes)")
            let explanations = try RuleExplainer(ruleSet: ruleSet).explain(
                file: record, ruleIDs: ["HOST-001"], options: options)
            #expect(explanations.explanations.count == 1, "\(expression.prefix(30))")
        }
    }

    /// The length bound: 16,384 characters load, one more is refused at the expression's start.
    @Test func lengthStopsAtItsBound() throws {
        let fits = "'" + String(repeating: "x", count: Self.maxLength - 2) + "'"
        _ = try RuleSetLoader.load(path: TemporaryFolder.file(Self.ruleSet(assert: fits), name: "fits.xml"))
        let long = "'" + String(repeating: "x", count: Self.maxLength - 1) + "'"
        let path = try TemporaryFolder.file(Self.ruleSet(assert: long), name: "long.xml")
        #expect {
            _ = try RuleSetLoader.load(path: path)
        } throws: { error in
            guard let error = error as? RedlineError else { return false }
            return error.code == .invalidRules
                && error.position == SourcePosition(file: path, line: 9, column: Self.assertColumn)
                && error.message.hasPrefix(
                    "XPath expression is \(Self.maxLength + 1) characters long, more than the limit of "
                        + "\(Self.maxLength) (expected at most \(Self.maxLength) characters")
                && error.suggestion?.contains("rl:in-list") == true
        }
    }

    /// An expression in an attribute (`<value select>`) is bounded too, at the attribute's column
    /// plus the offset, as for libxml2's errors.
    @Test func expressionsInAttributesAreBounded() throws {
        let deep = Self.chain("1", " + ", count: Self.maxDepth + 1)
        let path = try TemporaryFolder.file(Self.ruleSet(assert: "true()", value: deep), name: "value.xml")
        try expectDepthError(path, line: 10, column: nil, offset: Self.offset(of: "+", occurrence: 128, in: deep))
    }

    /// `rules lint` reports the bound once, with its position, and nothing else about the
    /// expression (the parser notes no error after it stops).
    @Test func lintReportsTheBoundOnce() throws {
        let deep = Self.chain("1", " or ", count: 1_000)
        let path = try TemporaryFolder.file(Self.ruleSet(assert: deep), name: "deep.xml")
        let result = RuleSetLoader.lint(path: path)
        let errors = result.problems.filter { $0.code == .invalidRules }
        #expect(errors.count == 1, "\(errors)")
        let offset = Self.offset(of: " or ", occurrence: Self.maxDepth, in: deep) + 1
        #expect(errors.first?.position == SourcePosition(file: path, line: 9, column: Self.assertColumn + offset))
        #expect(errors.first?.message.contains("nests more than \(Self.maxDepth) levels deep") == true)
        #expect(result.brokenRules.map(\.rule.id) == ["HOST-001"])
    }

    private func expectDepthError(
        _ path: String, line: Int, column: Int?, offset: Int?, _ comment: String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        do {
            _ = try RuleSetLoader.load(path: path)
            Issue.record("\(comment): loaded", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == .invalidRules, "\(comment)", sourceLocation: sourceLocation)
            #expect(error.position.file == path && error.position.line == line, sourceLocation: sourceLocation)
            if let column { #expect(error.position.column == column, "\(comment)", sourceLocation: sourceLocation) }
            if let offset {
                #expect(error.message.contains("at offset \(offset) "), "\(error)", sourceLocation: sourceLocation)
            }
            #expect(
                error.message.hasPrefix("XPath expression nests more than \(Self.maxDepth) levels deep at offset "),
                "\(comment): \(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains("expected at most"), sourceLocation: sourceLocation)
            #expect(error.suggestion?.contains("rl:in-list") == true, sourceLocation: sourceLocation)
        }
    }
}

/// Runs a program as a child process with its output in files, and reports how it ended.
enum ChildProcess {
    struct Exit {
        /// The exit status, or 128 + the signal.
        var status: Int32
        /// The signal that ended the child, if one did.
        var signal: Int32?
        var stdout: String
        var stderr: String
    }

    /// The `redline` executable of this build (next to the test bundle).
    static var redlineBinary: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("redline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Repository.root.appendingPathComponent(".build/debug/redline")
    }

    /// Runs `redline arguments…` in the repository root (a crash prints no backtrace, to keep a
    /// regression quick to report).
    static func redline(_ arguments: [String]) throws -> Exit {
        try run(redlineBinary, arguments, environment: ["NO_COLOR": "1", "SWIFT_BACKTRACE": "enable=no"])
    }

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Exit {
        let folder = try TemporaryFolder.make("redline-child")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout")
        let err = folder.appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: out.path, contents: nil),
            FileManager.default.createFile(atPath: err.path, contents: nil)
        else { throw POSIXError(.EIO) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        let signaled = process.terminationReason == .uncaughtSignal
        return Exit(
            status: signaled ? 128 + process.terminationStatus : process.terminationStatus,
            signal: signaled ? process.terminationStatus : nil,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
