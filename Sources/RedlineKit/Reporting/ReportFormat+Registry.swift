extension ReportFormat {
    /// Every report format, in the order `--help` lists them: the one registry.
    public static let all: [ReportFormat] = [text, json, sarif, junit, github, markdown, codequality, html]

    /// The format called `name`.
    public static func named(_ name: String) -> ReportFormat? { all.first { $0.name == name } }

    /// The formats `command` offers.
    public static func offered(by command: Command) -> [ReportFormat] { all.filter { $0.isOffered(by: command) } }

    /// For a person: verdicts, scores and findings (audit: one line each, waivers marked;
    /// check: with citations, demands and fixes).
    public static let text = ReportFormat(
        name: "text", destination: .standardOutput,
        audit: { [AuditTextReporter(sink: $0.sink, colour: $0.colour)] },
        check: { [CheckTextReporter(sink: $0.sink, colour: $0.colour)] })

    /// One JSON document (docs/json-format.md).
    public static let json = ReportFormat(
        name: "json", destination: .standardOutputOrFile, isWholeDocument: true,
        audit: { [JSONReporter(sink: $0.sink, document: .audit)] },
        check: { [JSONReporter(sink: $0.sink, document: .check)] })

    /// A SARIF 2.1.0 log for code scanning.
    public static let sarif = ReportFormat(
        name: "sarif", destination: .file,
        audit: { [SARIFReporter(sink: $0.sink, artifacts: try $0.host.spill(near: $0.file))] })

    /// JUnit XML, one test suite per record.
    public static let junit = ReportFormat(
        name: "junit", destination: .file, audit: { [JUnitReporter(sink: $0.sink)] })

    /// GitHub Actions annotations.
    public static let github = ReportFormat(
        name: "github", destination: .standardOutput, audit: { [GitHubAnnotationsReporter(sink: $0.sink)] })

    /// A Markdown job summary; also appended to the CI job summary when there is one.
    public static let markdown = ReportFormat(
        name: "markdown", destination: .standardOutputOrFile, isWholeDocument: true,
        audit: { output in
            let host = output.host
            let findings = try host.spill(near: output.file)
            var reporters: [any AuditReporter] = [
                MarkdownReporter(sink: output.sink, findings: findings, records: try host.spill(near: output.file))
            ]
            if let summary = try host.jobSummary() {
                reporters.append(
                    MarkdownReporter(
                        sink: summary, findings: try host.spill(near: nil), records: try host.spill(near: nil),
                        byteLimit: MarkdownReporter.jobSummaryLimit))
            }
            return reporters
        })

    /// A GitLab code-quality report (Code Climate issues), for `artifacts:reports:codequality`.
    public static let codequality = ReportFormat(
        name: "codequality", destination: .file, audit: { [CodeQualityReporter(sink: $0.sink)] })

    /// One self-contained HTML page for a person: every record's verdict, findings with the
    /// record's own lines, the letters' words and the remedy; for an audit, the batch first.
    public static let html = ReportFormat(
        name: "html", destination: .standardOutputOrFile, isWholeDocument: true,
        audit: { output in
            [
                HTMLReporter(
                    sink: output.sink, document: .audit, rows: try output.host.spill(near: output.file),
                    sections: try output.host.spill(near: output.file))
            ]
        },
        check: { [HTMLReporter(sink: $0.sink, document: .check)] })
}
