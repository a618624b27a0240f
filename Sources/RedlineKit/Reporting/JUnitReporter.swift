/// Writes JUnit XML valid against both the Jenkins xUnit `junit-10.xsd` and the Ant / Windy Road
/// schema, streaming: one `<testsuite>` per input (its counters are known when it is written),
/// one `<testcase>` per rule of the rule set. A passed rule is a plain case, a failed rule a
/// `<failure>`, a rule that could not be evaluated an `<error>`, a rule that does not apply or a
/// waived finding a `<skipped>`; a file that could not be evaluated is one case with an `<error>`.
///
/// Deterministic: `timestamp` is the evaluation date at midnight, `hostname` is `redline`, times
/// are `0.000`. Case names are unique: `classname` is `redline.<path>`, `name` the rule id and title.
public final class JUnitReporter: AuditReporter {
    private let sink: any ReportSink
    private var context: AuditContext?

    /// Creates a reporter writing to `sink`.
    public init(sink: any ReportSink) {
        self.sink = sink
    }

    public func begin(_ context: AuditContext) throws {
        self.context = context
        try sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n")
    }

    private struct Case {
        var name: String
        var outcome: String?
    }

    public func record(_ record: AuditRecord) throws {
        guard let context else { return }
        let report = record.report
        let classname = "redline." + record.path
        var cases: [Case] = []
        var failures = 0
        var errors = 0
        var skipped = 0
        func element(_ tag: String, type: String, message: String, text: String?) -> String {
            var out = "<\(tag)"
            if tag != "skipped" { out += " type=\"\(XMLText.attribute(type))\"" }
            out += " message=\"\(XMLText.attribute(message))\""
            if let text { return out + ">\(XMLText.text(text))</\(tag)>" }
            return out + "/>"
        }
        if let error = report.error {
            errors += 1
            cases.append(
                Case(
                    name: "input-error: the file could not be evaluated",
                    outcome: element(
                        "error", type: error.code.rawValue, message: error.message,
                        text: error.description)))
        } else if report.status == .invalid {
            errors += 1
            let text = report.findings.map { "\($0.location.file):\($0.location.line): error: [schema] \($0.message)" }
                .joined(separator: "\n")
            cases.append(
                Case(
                    name: "schema: the record matches the licence record format",
                    outcome: element(
                        "error", type: RedlineError.Code.schemaInvalid.rawValue,
                        message: "\(report.findings.count) schema violation(s); rules not run", text: text)))
        } else {
            var byRule: [String: Int] = [:]
            for (index, finding) in report.findings.enumerated() where byRule[finding.ruleID] == nil {
                byRule[finding.ruleID] = index
            }
            for (rule, result) in zip(context.ruleSet.rules, report.results) {
                let name = "\(rule.id) \(rule.title)"
                switch result.outcome {
                case .pass:
                    cases.append(Case(name: name, outcome: nil))
                case .notApplicable:
                    skipped += 1
                    cases.append(
                        Case(
                            name: name, outcome: element("skipped", type: "", message: "not applicable: \(result.reason ?? "")", text: nil))
                    )
                case .fail, .error:
                    guard let index = byRule[rule.id] else {
                        cases.append(Case(name: name, outcome: nil))
                        continue
                    }
                    let finding = report.findings[index]
                    let line =
                        "\(finding.location.file):\(finding.location.line): \(finding.severity.rawValue): [\(finding.ruleID)] \(finding.message)"
                    if let waiver = record.waiver(for: index) {
                        skipped += 1
                        cases.append(
                            Case(
                                name: name,
                                outcome: element(
                                    "skipped", type: "",
                                    message:
                                        "waived by \(waiver.id) (approved by \(waiver.approver), until \(waiver.expires)): \(waiver.justification) | finding: \(line)",
                                    text: nil)))
                    } else if result.outcome == .error {
                        errors += 1
                        cases.append(Case(name: name, outcome: element("error", type: "evaluation", message: finding.message, text: line)))
                    } else {
                        failures += 1
                        var text = line
                        if let expired = record.expiredWaiver(for: index) {
                            text += "\nwaiver \(expired.id) expired on \(expired.expires) and no longer applies"
                        }
                        for citation in finding.citations { text += "\ncites \(citation.letter): \"\(citation.quote)\"" }
                        text += "\nfix: \(finding.remedy)"
                        cases.append(
                            Case(
                                name: name,
                                outcome: element("failure", type: finding.severity.rawValue, message: finding.message, text: text)))
                    }
                }
            }
        }
        var out = "  <testsuite name=\"\(XMLText.attribute(record.path))\" package=\"redline\" id=\"\(record.index)\""
        out += " timestamp=\"\(context.asOf)T00:00:00\" hostname=\"redline\" tests=\"\(cases.count)\""
        out += " failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"0.000\">\n"
        out += "    <properties>\n"
        var properties: [(String, String)] = [("status", report.status.rawValue)]
        if let id = report.recordID { properties.append(("recordId", id)) }
        if let verdict = report.verdict { properties.append(("verdict", verdict)) }
        if let verdict = record.effectiveVerdict, verdict != report.verdict { properties.append(("verdictAfterWaivers", verdict)) }
        if let score = report.score { properties.append(("score", TextReporter.format(score))) }
        properties.append(("profile", report.profile))
        properties.append(("asOf", report.asOf))
        for (name, value) in properties {
            out += "      <property name=\"\(name)\" value=\"\(XMLText.attribute(value))\"/>\n"
        }
        out += "    </properties>\n"
        for item in cases {
            out += "    <testcase name=\"\(XMLText.attribute(item.name))\" classname=\"\(XMLText.attribute(classname))\" time=\"0.000\""
            if let outcome = item.outcome {
                out += ">\n      \(outcome)\n    </testcase>\n"
            } else {
                out += "/>\n"
            }
        }
        let verdictLine =
            report.verdict.map { "\(record.path): \($0) score \(report.score.map { TextReporter.format($0) } ?? "?")" }
            ?? "\(record.path): \(report.status.rawValue)"
        out += "    <system-out>\(XMLText.text(verdictLine))</system-out>\n"
        out += "    <system-err></system-err>\n"
        out += "  </testsuite>\n"
        try sink.write(out)
    }

    public func finish(_ summary: AuditSummary) throws {
        try sink.write("</testsuites>\n")
    }
}
