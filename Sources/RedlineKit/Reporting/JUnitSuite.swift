/// One `<testsuite>` of a JUnit report, rendered valid against both the Jenkins xUnit
/// `junit-10.xsd` and the Ant / Windy Road schema: `name`, `package`, `id`, `timestamp`,
/// `hostname`, the counters and `time` on the suite, a `<properties>` element (possibly empty),
/// `name`, `classname` and `time` on each case, and `<system-out>` / `<system-err>` last.
/// Shared by `redline audit --report junit` and `redline rules test --report junit`.
struct JUnitSuite {
    /// What happened to a case that did not simply pass.
    struct Outcome {
        /// `failure`, `error` or `skipped`.
        var tag: String
        /// The `type` attribute (not written for `skipped`).
        var type: String
        /// The one-line `message` attribute.
        var message: String
        /// The element's text, if any.
        var text: String?

        static func failure(type: String, message: String, text: String?) -> Outcome {
            Outcome(tag: "failure", type: type, message: message, text: text)
        }

        static func error(type: String, message: String, text: String?) -> Outcome {
            Outcome(tag: "error", type: type, message: message, text: text)
        }

        static func skipped(message: String) -> Outcome {
            Outcome(tag: "skipped", type: "", message: message, text: nil)
        }

        var xml: String {
            var out = "<\(tag)"
            if tag != "skipped" { out += " type=\"\(XMLText.attribute(type))\"" }
            out += " message=\"\(XMLText.attribute(message))\""
            if let text { return out + ">\(XMLText.text(text))</\(tag)>" }
            return out + "/>"
        }
    }

    /// One `<testcase>`.
    struct Case {
        /// The case name, unique within its class.
        var name: String
        /// The class name.
        var classname: String
        /// nil for a passed case.
        var outcome: Outcome?
    }

    /// The suite name.
    var name: String
    /// The suite's index in the report, from 0.
    var id: Int
    /// `YYYY-MM-DDTHH:MM:SS`, without a time zone (the Ant schema's pattern).
    var timestamp: String
    /// Name–value pairs written as `<property>` elements.
    var properties: [(name: String, value: String)]
    /// The cases in order.
    var cases: [Case]
    /// The text of `<system-out>`.
    var systemOut: String

    /// The suite as XML, indented by two spaces, ending with a newline.
    var xml: String {
        let failures = cases.filter { $0.outcome?.tag == "failure" }.count
        let errors = cases.filter { $0.outcome?.tag == "error" }.count
        let skipped = cases.filter { $0.outcome?.tag == "skipped" }.count
        var out = "  <testsuite name=\"\(XMLText.attribute(name))\" package=\"redline\" id=\"\(id)\""
        out += " timestamp=\"\(timestamp)\" hostname=\"redline\" tests=\"\(cases.count)\""
        out += " failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"0.000\">\n"
        out += "    <properties>\n"
        for (name, value) in properties {
            out += "      <property name=\"\(XMLText.attribute(name))\" value=\"\(XMLText.attribute(value))\"/>\n"
        }
        out += "    </properties>\n"
        for item in cases {
            out +=
                "    <testcase name=\"\(XMLText.attribute(item.name))\" "
                + "classname=\"\(XMLText.attribute(item.classname))\" time=\"0.000\""
            if let outcome = item.outcome {
                out += ">\n      \(outcome.xml)\n    </testcase>\n"
            } else {
                out += "/>\n"
            }
        }
        out += "    <system-out>\(XMLText.text(systemOut))</system-out>\n"
        out += "    <system-err></system-err>\n"
        out += "  </testsuite>\n"
        return out
    }
}
