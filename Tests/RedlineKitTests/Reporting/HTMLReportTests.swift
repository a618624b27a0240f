import Foundation
import RedlineTestSupport
import Testing

@testable import RedlineKit

/// The HTML reports: golden pages for two example records and an audit (the audit's is in
/// AuditGoldenTests), byte-identical whatever `--jobs`; the parts an officer reads; every
/// value from a record rendered as text.
@Suite(.serialized)
struct HTMLReportTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var record: String
        var asOf: String
        var golden: String
        var verdict: String
        var testDescription: String { record }
    }

    static let examples = [
        Example(
            record: "examples/records/bg-2019-nso-group-licence.xml", asOf: "2021-11-04",
            golden: "check-bg-2019-nso-group-licence.html", verdict: "REVOKE"),
        Example(
            record: "examples/records/approve-lawful-interception.xml", asOf: "2024-04-01",
            golden: "check-approve-lawful-interception.html", verdict: "APPROVE"),
    ]

    /// `redline check --format html` of `paths`.
    static func check(_ paths: [String], asOf: String, jobs: Int = 1) throws -> String {
        let sink = MemorySink()
        let auditor = Auditor(
            engine: Engine(ruleSet: Fixtures.defaultRuleSet), options: EvaluationOptions(asOf: LocalDate(asOf)!),
            jobs: jobs)
        let inputs = paths.map { AuditInput(path: $0, location: Fixtures.path($0)) }
        _ = try auditor.run(inputs, reporters: [HTMLReporter(sink: sink, document: .check)])
        return sink.text
    }

    @Test(arguments: examples)
    func aRecordsPageMatchesItsGoldenFile(_ example: Example) throws {
        let page = try Self.check([example.record], asOf: example.asOf)
        try GoldenFile("Tests/Fixtures/golden/\(example.golden)").expectMatches(page)
        #expect(page.utf8.count < 1_048_576, "under 1 MB for one record")
        #expect(page.contains("<span aria-hidden=\"true\">"))
        #expect(page.contains("\(example.verdict)</span>"))
    }

    @Test func checkPagesAreByteIdenticalWhateverTheJobs() throws {
        let paths = Self.examples.map(\.record)
        #expect(try Self.check(paths, asOf: "2024-04-01", jobs: 1) == Self.check(paths, asOf: "2024-04-01", jobs: 2))
    }

    /// What the officer reads on the 2021 page of the Bulgarian licence: the verdict in words,
    /// the status line, findings by severity with the record's own highlighted line, the letter
    /// quoted with its name and date, the remedy, the rules that passed, and the timeline.
    @Test func theBulgarianLicencePageHasWhatAnOfficerNeeds() throws {
        let page = try Self.check([Self.examples[0].record], asOf: "2021-11-04")
        #expect(page.contains("REVOKE</span> <span class=\"score\">score 76.1/100</span>"))
        #expect(page.contains("(severe)"))
        #expect(page.contains("licence <code>BG-2019-IMCEC-0042</code> · in force · as of 2021-11-04"))
        #expect(page.contains("<h4 class=\"sev-critical\">Critical ("))
        let hit = "<span class=\"line hit\" aria-current=\"true\"><span class=\"ln\">84</span>"
        #expect(page.contains(hit + "    &lt;event type=&quot;misuse-report&quot; date=&quot;2021-07-18&quot;"))
        #expect(
            page.contains(
                "— CS21, Joint civil-society letter calling for a moratorium on the sale, transfer and use of "
                    + "surveillance technology, 2021-07-29"))
        #expect(page.contains("<p class=\"remedy\"><strong>What would fix it:</strong> Revoke the licence"))
        #expect(page.contains("<details class=\"passed\"><summary>Rules passed ("))
        #expect(page.contains("<h3>Over time</h3>"))
        #expect(page.contains("<strong>maintain → revoke</strong>"))
        #expect(!page.contains("http://") && !page.contains("https://"), "no reference that could be fetched")
        #expect(page.contains("default-src 'none'"))
    }

    // MARK: - Injection

    /// A party name that is markup, an attribute break-out, a `javascript:` link and control
    /// characters at once (escaped for XML so that the record is valid).
    static let injected =
        "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt; "
        + "&lt;a href=&quot;javascript:alert(3)&quot;&gt;x&lt;/a&gt; \u{9B}31m \u{202E}rtl"

    /// The failing fixture record with its two end users renamed to the injected name: RECORD-002
    /// quotes it, and the source excerpt shows the line.
    static func injectionRecord() throws -> [UInt8] {
        let text = try String(
            contentsOfFile: Fixtures.path("Tests/Fixtures/audit/failing/intra-eu-review.xml"), encoding: .utf8)
        return Array(
            text.replacing(
                "<party role=\"end-user\" sector=\"commercial\"><name>Troodos Cyber Research Ltd</name>",
                with: "<party role=\"end-user\" sector=\"commercial\"><name>\(injected)</name>"
            ).utf8)
    }

    /// The page of the injection record, for a check and for an audit.
    static func injectionPages() throws -> [String] {
        let engine = Engine(ruleSet: Fixtures.defaultRuleSet)
        let options = EvaluationOptions(asOf: AuditHarness.asOf)
        var pages: [String] = []
        for document in [HTMLReporter.Document.check, .audit] {
            let sink = MemorySink()
            let reporter = HTMLReporter(sink: sink, document: document, rows: MemorySink(), sections: MemorySink())
            _ = try Auditor(engine: engine, options: options, jobs: 1).run(
                [AuditInput(path: "x\"><script>alert(4)</script>.xml", bytes: try injectionRecord())],
                reporters: [reporter])
            pages.append(sink.text)
        }
        return pages
    }

    /// The tags and attributes of `page`: only the template's.
    static let allowedTags: Set = [
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "footer", "section", "h1", "h2", "h3",
        "h4", "h5", "p", "span", "code", "pre", "article", "blockquote", "strong", "details", "summary", "ul", "li",
        "table", "thead", "tbody", "tr", "th", "td", "a", "svg", "g", "rect", "text", "line", "div", "br", "label",
        "input", "script",
    ]

    @Test func injectedMarkupIsShownAsText() throws {
        for page in try Self.injectionPages() {
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown, as text")
            #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
            #expect(page.contains("\\u{9B}31m") && page.contains("\\u{202E}rtl"), "control characters shown")
            #expect(!page.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E })
            var scanner = Substring(page)
            var scripts = 0
            while let open = scanner.firstIndex(of: "<") {
                let rest = scanner[scanner.index(after: open)...]
                guard let first = rest.first, first.isLetter || first == "!" || first == "/" else {
                    scanner = rest
                    continue
                }
                let name = String(rest.prefix { !" >\n/".contains($0) })
                let closing = rest.hasPrefix("/")
                let tag = rest.prefix { $0 != ">" }
                if !closing {
                    #expect(Self.allowedTags.contains(name), "a tag the template does not write: <\(tag)>")
                    if name == "script" { scripts += 1 }
                    #expect(tag.range(of: #"\son\w+="#, options: .regularExpression) == nil, "<\(tag)>")
                    #expect(!tag.contains("javascript:"), "<\(tag)>")
                    for match in tag.matches(of: /href="([^"]*)"/) { #expect(match.1.hasPrefix("#"), "<\(tag)>") }
                }
                scanner = rest
            }
            #expect(scripts == 1, "only the page's own inline script")
        }
    }

    // MARK: - Timeline

    static func timeline(standard: Standard, asOf: String = "2022-01-01") throws -> LicenceTimeline {
        let bytes = Array(try Data(contentsOf: Repository.root.appendingPathComponent(examples[0].record)))
        return try LicenceTimeline.of(
            bytes: bytes, path: examples[0].record, engine: Engine(ruleSet: Fixtures.defaultRuleSet),
            options: EvaluationOptions(asOf: LocalDate(asOf)!, standard: standard))
    }

    /// Judged by today's demands, the 2019 licence is maintained until the forensic misuse
    /// report of 18 July 2021, which makes REVOKE-001 fail and the verdict revoke.
    @Test func theBulgarianLicenceTurnsFromMaintainToRevokeOnTheMisuseReport() throws {
        let timeline = try Self.timeline(standard: .current)
        let change = try #require(timeline.steps.first { $0.changesVerdict && $0.verdict == "revoke" })
        #expect(change.date == LocalDate("2021-07-18"))
        #expect(change.previousVerdict == "maintain")
        #expect(change.began.contains("REVOKE-001"))
        #expect(change.causes.map(\.label) == ["event misuse-report (forensic, IN)"])
        #expect(change.causes.first?.line == 84)
        let text = TimelineRenderer(policy: Fixtures.defaultRuleSet.policy).text(timeline)
        #expect(
            text.contains(
                "2021-07-18  event misuse-report (forensic, IN) → DEST-001 fails → REVOKE-001 fails → maintain → revoke"
            ))
        let dates = timeline.steps.map(\.date.description)
        for date in ["2018-11-20", "2019-02-28", "2019-03-01", "2021-11-04", "2022-01-01"] {
            #expect(dates.contains(date), "\(date) is one of the record's dates")
        }
        #expect(dates == dates.sorted())
        #expect(timeline.steps.last?.verdict == "revoke")
    }

    /// Judged by the demands in force at each date, the revocation waits for CS21 (29 July 2021),
    /// which asks for it: the step names the letter.
    @Test func asOfItsDatesTheRevocationComesWithTheLetterThatDemandsIt() throws {
        let timeline = try Self.timeline(standard: .asOf)
        let change = try #require(timeline.steps.first { $0.changesVerdict })
        #expect(change.date == LocalDate("2021-07-29"))
        #expect(change.causes.map(\.label).contains("letter CS21: its demands apply"))
        #expect(change.began.contains("REVOKE-001") && change.began.contains("NSO-001"))
        #expect((change.previousVerdict, change.verdict) == ("maintain", "revoke"))
        let json = TimelineRenderer(policy: Fixtures.defaultRuleSet.policy).json(timeline)
        #expect(json.contains("\"changesVerdict\": true"))
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    }

    /// The same timeline is computed from one parse: evaluating at a date does not prune the
    /// tree the next date uses (a later date still sees the later events).
    @Test func eachDateEvaluatesItsOwnCopyOfTheRecord() throws {
        let timeline = try Self.timeline(standard: .current)
        let early = try #require(timeline.steps.first { $0.date == LocalDate("2019-03-01") })
        #expect(early.verdict == "maintain")
        let late = try #require(timeline.steps.first { $0.date == LocalDate("2021-11-04") })
        #expect(late.failing.contains("SANC-001"))
        #expect(timeline == (try Self.timeline(standard: .current)))
    }
}
