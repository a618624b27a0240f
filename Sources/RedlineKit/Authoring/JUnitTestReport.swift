/// Writes `rules test` results as JUnit XML (one `<testsuite>` per rule or record file), the
/// format CI systems show as test results.
public struct JUnitTestReport: Sendable {
    /// Creates a writer.
    public init() {}

    /// The JUnit XML for test cases, suites in first-appearance order.
    public func render(_ cases: [RuleTestCase], name: String) -> String {
        var order: [String] = []
        var suites: [String: [RuleTestCase]] = [:]
        for testCase in cases {
            if suites[testCase.suite] == nil { order.append(testCase.suite) }
            suites[testCase.suite, default: []].append(testCase)
        }
        let failures = cases.filter { !$0.passed }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(escape(name))\" tests=\"\(cases.count)\" failures=\"\(failures)\">\n"
        for suite in order {
            let members = suites[suite] ?? []
            out +=
                "  <testsuite name=\"\(escape(suite))\" tests=\"\(members.count)\" failures=\"\(members.filter { !$0.passed }.count)\">\n"
            for testCase in members {
                out +=
                    "    <testcase classname=\"\(escape(suite))\" name=\"\(escape(testCase.name))\" file=\"\(escape(testCase.position.file))\" line=\"\(testCase.position.line)\""
                if testCase.passed {
                    out += "/>\n"
                    continue
                }
                out += ">\n"
                let message = "expected \(testCase.expected), got \(testCase.actual)"
                out +=
                    "      <failure message=\"\(escape(message))\">\(escape(([testCase.position.description + ": " + message] + testCase.details).joined(separator: "\n")))</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
