/// Writes a SARIF 2.1.0 log for GitHub code scanning and other SARIF readers, streaming.
///
/// One run; every rule of the rule set plus `schema` (record-format violations) and
/// `input-error` (files that could not be read or parsed) is listed with short and full
/// descriptions and a help text quoting the letters. Each finding is a result with a
/// repository-relative URI, a region, the record score as `rank` (100 − score, so the worst
/// records rank highest) and `partialFingerprints` computed from rule id, record id and element
/// path (never line numbers). Waived findings carry a `suppressions` entry. Every input is an
/// entry of `artifacts` (with its verdict or error), written to a spill sink while results stream.
public final class SARIFReporter: AuditReporter {
    /// The `$schema` GitHub expects.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The pseudo-rule of schema violations.
    public static let schemaRuleID = "schema"
    /// The pseudo-rule of inputs that could not be read or parsed.
    public static let inputErrorRuleID = "input-error"

    private let sink: any ReportSink
    private let artifacts: any SpillSink
    private var ruleIndex: [String: Int] = [:]
    private var wroteResult = false
    private var wroteArtifact = false
    private let maxResults: Int
    private var results = 0
    private var omitted = 0

    /// GitHub code scanning accepts at most 25,000 results per run.
    public static let gitHubResultLimit = 25_000

    /// Creates a reporter writing to `sink`, spilling artifacts to `artifacts`. Results past
    /// `maxResults` (in path order) are counted in a tool notification instead of written; every
    /// input is still listed in `artifacts`.
    public init(sink: any ReportSink, artifacts: any SpillSink, maxResults: Int = SARIFReporter.gitHubResultLimit) {
        self.sink = sink
        self.artifacts = artifacts
        self.maxResults = maxResults
    }

    public func begin(_ context: AuditContext) throws {
        let ruleSet = context.ruleSet
        var rules: [JSONValue] = ruleSet.rules.map { rule in
            let levels = SARIFReporter.level(rule.severity)
            var help = rule.description.map { $0 + "\n\n" } ?? ""
            help += "Remedy: \(rule.remedy)"
            var markdown = help
            if !rule.citations.isEmpty {
                help += "\n\nCites:"
                markdown += "\n\n**Cites:**\n"
                for citation in rule.citations {
                    let letter = ruleSet.letters.first { $0.id == citation.letter }
                    let source = letter.map { "\(citation.letter), \($0.title)" } ?? citation.letter
                    help += "\n- \(source): \"\(citation.quote)\""
                    markdown += "\n- \(source): \u{201C}\(citation.quote)\u{201D}"
                }
            }
            if !rule.demands.isEmpty {
                help += "\n\nDemands: \(rule.demands.joined(separator: ", "))"
                markdown += "\n\n**Demands:** \(rule.demands.joined(separator: ", "))"
            }
            return SARIFReporter.rule(
                id: rule.id, name: rule.title, short: rule.title, full: rule.description ?? rule.title, help: help,
                markdown: markdown, level: levels.level, problemSeverity: levels.problem,
                tags: ["compliance", "surveillance-export", rule.category], severity: rule.severity.rawValue)
        }
        rules.append(
            SARIFReporter.rule(
                id: Self.schemaRuleID, name: "Record format",
                short: "The record must match the licence record format.",
                full:
                    "The file is well-formed XML but does not match the licence record schema "
                    + "(rules/schemas/licence-record-1.xsd); no rule was evaluated.",
                help:
                    "Make the record match the licence record format: docs/record-format.md, "
                    + "rules/schemas/licence-record-1.xsd.",
                markdown:
                    "Make the record match the licence record format: `docs/record-format.md`, "
                    + "`rules/schemas/licence-record-1.xsd`.",
                level: "error", problemSeverity: "error", tags: ["compliance", "input"], severity: "critical"))
        rules.append(
            SARIFReporter.rule(
                id: Self.inputErrorRuleID, name: "Input error",
                short: "The file could not be read or parsed as a record.",
                full:
                    "The file could not be evaluated: unreadable, not a regular file, too large, not well-formed "
                    + "XML, or hostile (DOCTYPE, entities, excessive depth).",
                help:
                    "Fix the file so it is a readable, well-formed licence record; the result message says what is "
                    + "wrong and where.",
                markdown:
                    "Fix the file so it is a readable, well-formed licence record; the result message says what is "
                    + "wrong and where.",
                level: "error", problemSeverity: "error", tags: ["compliance", "input"], severity: "critical"))
        for (index, rule) in rules.enumerated() {
            if case .object(let pairs) = rule, case .string(let id)? = pairs.first(where: { $0.0 == "id" })?.1 {
                ruleIndex[id] = index
            }
        }
        let tool = JSONValue.object([
            (
                "driver",
                .object([
                    ("name", .string("redline")),
                    ("version", .string(Redline.version)),
                    ("semanticVersion", .string(Redline.version)),
                    ("informationUri", .string("https://github.com/redline-compliance/redline")),
                    ("rules", .array(rules)),
                ])
            )
        ])
        var ruleSetProperties: [(String, JSONValue)] = [
            ("id", .string(ruleSet.id)), ("version", .string(ruleSet.version)),
        ]
        if !ruleSet.importedLists.isEmpty {
            // Which official list files the lists came from (docs/lists.md).
            ruleSetProperties.append(
                (
                    "importedLists",
                    .array(
                        ruleSet.importedLists.map { list in
                            .object([
                                ("id", .string(list.id)), ("file", .string(list.file)),
                                ("version", .string(list.version)),
                            ])
                        })
                ))
        }
        let properties = JSONValue.object([
            ("asOf", .string(context.asOf.description)),
            ("profile", .string(context.profile)),
            ("standard", .string(context.standard.rawValue)),
            ("ruleSet", .object(ruleSetProperties)),
        ])
        var out = "{\n"
        out += "  \"$schema\": \(JSONValue.string(Self.schemaURI).rendered()),\n"
        out += "  \"version\": \"2.1.0\",\n"
        out += "  \"runs\": [\n"
        out += "    {\n"
        out += "      \"tool\": \(tool.rendered(depth: 3)),\n"
        out += "      \"columnKind\": \"unicodeCodePoints\",\n"
        out += "      \"properties\": \(properties.rendered(depth: 3)),\n"
        out += "      \"results\": ["
        try sink.write(out)
    }

    /// The ids of the combinations of red flags that hold on a record, if any.
    private static func combinations(_ report: RecordReport) -> JSONValue? {
        guard let hits = report.evaluation?.judgement.combinations, !hits.isEmpty else { return nil }
        return .array(hits.map { .string($0.id) })
    }

    public func record(_ record: AuditRecord) throws {
        let report = record.report
        let uri = SARIFReporter.uri(record.path)
        let base = SARIFReporter.uriBase(record.path)
        var results: [JSONValue] = []
        if let error = report.error {
            results.append(
                result(
                    ruleID: Self.inputErrorRuleID, level: "error",
                    message: error.message + (error.suggestion.map { " (fix: \($0))" } ?? ""), uri: uri, base: base,
                    artifact: record.index, line: error.position.line, column: error.position.column, elementPath: nil,
                    identity: Fingerprint.of([Self.inputErrorRuleID, record.path]), rank: nil,
                    properties: [("errorCode", .string(error.code.rawValue))], waiver: nil))
        }
        for (index, finding) in report.findings.enumerated() {
            let level =
                finding.kind == .error || finding.kind == .schema
                ? "error" : SARIFReporter.level(finding.severity).level
            var properties: [(String, JSONValue?)] = [
                ("kind", .string(finding.kind.rawValue)),
                ("severity", .string(finding.severity.rawValue)),
                ("recordId", report.recordID.map { .string($0) }),
                ("verdict", report.verdict.map { .string($0) }),
                ("score", report.score.map { .number(ScoreText.of($0)) }),
                ("notInForce", report.evaluation?.judgement.notInForce.map { .string($0.description) }),
            ]
            if let expired = record.expiredWaiver(for: index) {
                properties.append(("expiredWaiver", .string("\(expired.id) (expired \(expired.expires))")))
            }
            let message = finding.kind == .partial ? finding.message + " (partly satisfied)" : finding.message
            results.append(
                result(
                    ruleID: finding.ruleID, level: level, message: message, uri: uri, base: base,
                    artifact: record.index,
                    line: finding.location.line, column: 0, elementPath: finding.location.path,
                    identity: Fingerprint.finding(
                        ruleID: finding.ruleID, recordID: report.recordID, file: record.path,
                        elementPath: finding.location.path),
                    rank: report.score.map { max(0, min(100, 100 - $0)) }, properties: properties,
                    waiver: record.waiver(for: index)))
        }
        for value in results {
            guard self.results < maxResults else {
                omitted += 1
                continue
            }
            self.results += 1
            try sink.write((wroteResult ? ",\n" : "\n") + JSONWriter.indent(4) + value.rendered(depth: 4))
            wroteResult = true
        }
        let artifact = JSONValue.object([
            ("location", .object([("uri", .string(uri)), ("uriBaseId", base)])),
            ("roles", .array([.string("analysisTarget")])),
            (
                "properties",
                JSONValue.object([
                    ("status", .string(report.status.rawValue)),
                    ("recordId", report.recordID.map { .string($0) }),
                    ("verdict", report.verdict.map { .string($0) }),
                    (
                        "verdictAfterWaivers",
                        record.effectiveVerdict == report.verdict ? nil : record.effectiveVerdict.map { .string($0) }
                    ),
                    ("score", report.score.map { .number(ScoreText.of($0)) }),
                    ("notInForce", report.evaluation?.judgement.notInForce.map { .string($0.description) }),
                    ("combinations", Self.combinations(report)),
                    ("error", report.error.map { .string($0.code.rawValue) }),
                ])
            ),
        ])
        try artifacts.write((wroteArtifact ? ",\n" : "\n") + JSONWriter.indent(4) + artifact.rendered(depth: 4))
        wroteArtifact = true
    }

    public func finish(_ summary: AuditSummary) throws {
        try sink.write((wroteResult ? "\n      " : "") + "],\n      \"artifacts\": [")
        try artifacts.replay(into: sink)
        let notice =
            omitted == 0
            ? nil
            : JSONValue.array([
                .object([
                    ("level", .string("warning")),
                    (
                        "message",
                        .object([
                            (
                                "text",
                                .string(
                                    "\(omitted) result(s) not written: GitHub code scanning accepts at most "
                                        + "\(maxResults) results per run; the JSON report has every finding"
                                )
                            )
                        ])
                    ),
                ])
            ])
        let invocation = JSONValue.object([
            ("executionSuccessful", .bool(true)),
            ("toolExecutionNotifications", notice),
            (
                "properties",
                JSONValue.object([
                    ("resultsOmitted", omitted == 0 ? nil : .int(omitted)), ("summary", summary.jsonValue),
                ])
            ),
        ])
        var out = (wroteArtifact ? "\n      " : "") + "],\n"
        out += "      \"invocations\": [\n"
        out += JSONWriter.indent(4) + invocation.rendered(depth: 4) + "\n"
        out += "      ]\n"
        out += "    }\n"
        out += "  ]\n"
        out += "}\n"
        try sink.write(out)
    }

    // MARK: - Pieces

    private func result(
        ruleID: String, level: String, message: String, uri: String, base: JSONValue?, artifact: Int, line: Int,
        column: Int,
        elementPath: String?, identity: String, rank: Double?, properties: [(String, JSONValue?)], waiver: Waiver?
    ) -> JSONValue {
        var region: [(String, JSONValue?)] = [("startLine", .int(max(1, line)))]
        if column > 0 { region.append(("startColumn", .int(column))) }
        let location = JSONValue.object([
            (
                "physicalLocation",
                .object([
                    (
                        "artifactLocation",
                        .object([("uri", .string(uri)), ("uriBaseId", base), ("index", .int(artifact))])
                    ),
                    ("region", JSONValue.object(region)),
                ])
            ),
            (
                "logicalLocations",
                elementPath.map {
                    .array([.object([("fullyQualifiedName", .string($0)), ("kind", .string("element"))])])
                }
            ),
        ])
        let suppression = waiver.map { waiver in
            JSONValue.array([
                .object([
                    ("kind", .string("external")),
                    ("status", .string("accepted")),
                    ("justification", .string(waiver.justification)),
                    (
                        "properties",
                        .object([
                            ("waiver", .string(waiver.id)), ("approver", .string(waiver.approver)),
                            ("expires", .string(waiver.expires.description)),
                        ])
                    ),
                ])
            ])
        }
        return JSONValue.object([
            ("ruleId", .string(ruleID)),
            ("ruleIndex", ruleIndex[ruleID].map { .int($0) }),
            ("level", .string(level)),
            ("message", .object([("text", .string(message.isEmpty ? ruleID : message))])),
            ("locations", .array([location])),
            (
                "partialFingerprints",
                .object([
                    ("primaryLocationLineHash", .string(identity + ":1")), ("redlineFinding/v1", .string(identity)),
                ])
            ),
            ("rank", rank.map { .number(ScoreText.of($0)) }),
            ("suppressions", suppression),
            ("properties", JSONValue.object(properties)),
        ])
    }

    private static func rule(
        id: String, name: String, short: String, full: String, help: String, markdown: String, level: String,
        problemSeverity: String, tags: [String], severity: String
    ) -> JSONValue {
        JSONValue.object([
            ("id", .string(id)),
            ("name", .string(String(name.prefix(255)))),
            ("shortDescription", .object([("text", .string(String(short.prefix(1024))))])),
            ("fullDescription", .object([("text", .string(String(full.prefix(1024))))])),
            ("help", .object([("text", .string(help)), ("markdown", .string(markdown))])),
            ("defaultConfiguration", .object([("level", .string(level))])),
            (
                "properties",
                .object([
                    ("tags", .array(tags.map { .string($0) })),
                    ("precision", .string("high")),
                    ("problem.severity", .string(problemSeverity)),
                    ("redline.severity", .string(severity)),
                ])
            ),
        ])
    }

    /// SARIF level and GitHub `problem.severity` for a rule severity.
    static func level(_ severity: Severity) -> (level: String, problem: String) {
        CILevel(severity).sarif
    }

    /// The base of a record's URI: `%SRCROOT%` (the repository) for a path relative to the
    /// audit's base; none for a record outside it, whose URI is absolute.
    static func uriBase(_ path: String) -> JSONValue? {
        path.hasPrefix("/") ? nil : .string("%SRCROOT%")
    }

    /// A path as a URI reference: POSIX separators, everything but unreserved characters and
    /// `/` percent-encoded; an absolute path (a record outside the audit's base) as a `file:` URI.
    static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
