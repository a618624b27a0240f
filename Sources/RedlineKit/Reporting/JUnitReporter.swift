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

    public func record(_ record: AuditRecord) throws {
        guard let context else { return }
        let report = record.report
        let classname = "redline." + record.path
        var cases: [JUnitSuite.Case] = []
        func add(_ name: String, _ outcome: JUnitSuite.Outcome?) {
            cases.append(JUnitSuite.Case(name: name, classname: classname, outcome: outcome))
        }
        if let error = report.error {
            add(
                "input-error: the file could not be evaluated",
                .error(type: error.code.rawValue, message: error.message, text: error.description))
        } else if report.status == .invalid {
            let text = report.findings.map { "\($0.location.file):\($0.location.line): error: [schema] \($0.message)" }
                .joined(separator: "\n")
            add(
                "schema: the record matches the licence record format",
                .error(
                    type: RedlineError.Code.schemaInvalid.rawValue,
                    message: "\(report.findings.count) schema violation(s); rules not run", text: text))
        } else {
            var byRule: [String: Int] = [:]
            for (index, finding) in report.findings.enumerated() where byRule[finding.ruleID] == nil {
                byRule[finding.ruleID] = index
            }
            for (rule, result) in zip(context.ruleSet.rules, report.results) {
                let name = "\(rule.id) \(rule.title)"
                switch result.outcome {
                case .pass:
                    add(name, nil)
                case .notApplicable:
                    add(name, .skipped(message: "not applicable: \(result.reason ?? "")"))
                case .fail, .error:
                    guard let index = byRule[rule.id] else {
                        add(name, nil)
                        continue
                    }
                    let finding = report.findings[index]
                    let line =
                        "\(finding.location.file):\(finding.location.line): \(finding.severity.rawValue): "
                        + "[\(finding.ruleID)] \(finding.message)"
                    if let waiver = record.waiver(for: index) {
                        add(
                            name,
                            .skipped(
                                message:
                                    "waived by \(waiver.id) (approved by \(waiver.approver), until "
                                    + "\(waiver.expires)): \(waiver.justification) | finding: \(line)"
                            ))
                    } else if result.outcome == .error {
                        add(name, .error(type: "evaluation", message: finding.message, text: line))
                    } else {
                        var text = line
                        if let expired = record.expiredWaiver(for: index) {
                            text += "\nwaiver \(expired.id) expired on \(expired.expires) and no longer applies"
                        }
                        for citation in finding.citations {
                            text += "\ncites \(citation.letter): \"\(citation.quote)\""
                        }
                        text += "\nfix: \(finding.remedy)"
                        add(name, .failure(type: finding.severity.rawValue, message: finding.message, text: text))
                    }
                }
            }
        }
        var properties: [(name: String, value: String)] = [("status", report.status.rawValue)]
        if let id = report.recordID { properties.append(("recordId", id)) }
        if let verdict = report.verdict { properties.append(("verdict", verdict)) }
        if let verdict = record.effectiveVerdict, verdict != report.verdict {
            properties.append(("verdictAfterWaivers", verdict))
        }
        if let score = report.score { properties.append(("score", ScoreText.of(score))) }
        properties.append(("profile", report.profile))
        properties.append(("asOf", report.asOf.description))
        properties.append(("standard", report.standard.rawValue))
        for list in context.ruleSet.importedLists { properties.append(("list \(list.id)", list.description)) }
        let notInForce = report.evaluation?.judgement.notInForce
        if let notInForce { properties.append(("notInForce", notInForce.description)) }
        for hit in report.evaluation?.judgement.combinations ?? [] {
            properties.append(("combination", "\(hit.id): \(hit.rules.joined(separator: " + ")) → \(hit.verdict)"))
        }
        let verdictLine =
            report.verdict.map {
                "\(record.path): \($0) score \(report.score.map { ScoreText.of($0) } ?? "?")"
                    + (notInForce.map { " (licence not in force: \($0.description))" } ?? "")
            }
            ?? "\(record.path): \(report.status.rawValue)"
        let suite = JUnitSuite(
            name: record.path, id: record.index, timestamp: "\(context.asOf)T00:00:00", properties: properties,
            cases: cases,
            systemOut: verdictLine)
        try sink.write(suite.xml)
    }

    public func finish(_ summary: AuditSummary) throws {
        try sink.write("</testsuites>\n")
    }
}
