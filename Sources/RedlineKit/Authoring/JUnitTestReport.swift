/// Writes `rules test` results as JUnit XML (one `<testsuite>` per rule or record file), the
/// format CI systems show as test results; valid against both the Jenkins xUnit `junit-10.xsd`
/// and the Ant / Windy Road schema, like the audit's report (the suites are written by the same
/// ``JUnitSuite``). A failed check is a `<failure>` whose text starts with `file:line:col`; each
/// suite's `<system-out>` lists every check with its place.
public struct JUnitTestReport: Sendable {
    /// Creates a writer.
    public init() {}

    /// The JUnit XML for test cases, suites in first-appearance order.
    /// - Parameters:
    ///   - cases: the checks run.
    ///   - name: the run's name (e.g. `redline rules test my-national`), a property of every suite.
    ///   - timestamp: when the run happened, `YYYY-MM-DDTHH:MM:SS` (UTC, no time zone).
    public func render(_ cases: [RuleTestCase], name: String, timestamp: String) -> String {
        var order: [String] = []
        var suites: [String: [RuleTestCase]] = [:]
        for testCase in cases {
            if suites[testCase.suite] == nil { order.append(testCase.suite) }
            suites[testCase.suite, default: []].append(testCase)
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        for (index, suite) in order.enumerated() {
            let members = suites[suite] ?? []
            var properties: [(name: String, value: String)] = [("run", name)]
            if let first = members.first { properties.append(("file", first.position.file)) }
            let junitCases = members.map { testCase in
                let message = "expected \(testCase.expected), got \(testCase.actual)"
                let text = ([testCase.position.description + ": " + message] + testCase.details).joined(separator: "\n")
                if testCase.isError {
                    let errors = testCase.declarationErrors.map { "\($0.position): error: \($0.message)" }
                    return JUnitSuite.Case(
                        name: testCase.name, classname: suite,
                        outcome: .error(
                            type: "declaration",
                            message: testCase.declarationErrors.first?.message ?? "invalid declaration",
                            text: errors.joined(separator: "\n")))
                }
                return JUnitSuite.Case(
                    name: testCase.name, classname: suite,
                    outcome: testCase.passed ? nil : .failure(type: "expectation", message: message, text: text))
            }
            let systemOut = members.map {
                "\($0.position): \($0.name): \($0.passed ? "passed" : $0.isError ? "ERROR" : "FAILED")"
            }
            .joined(separator: "\n")
            out +=
                JUnitSuite(
                    name: suite, id: index, timestamp: timestamp, properties: properties, cases: junitCases,
                    systemOut: systemOut
                ).xml
        }
        out += "</testsuites>\n"
        return out
    }
}
