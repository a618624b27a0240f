import Foundation
import RedlineTestSupport
import Testing

@testable import RedlineKit

/// Hostile file names, record values and waivers never reach a person's terminal, the GitHub
/// log, the Markdown job summary or a JUnit report as control characters, workflow commands or
/// markup (docs/security.md, guarantee 9, "Reports are inert"). The inputs are written to a
/// temporary folder at test time: Linux allows LF, CR and ESC in file names.
@Suite(.serialized)
struct OutputEscapingTests {
    /// Names that forge workflow commands or terminal escapes when printed raw.
    static let hostileNames = [
        "a\n::error file=README.md,line=1::forged.xml",
        "::warning file=README.md,line=1::leading.xml",
        "\r::stop-commands::token.xml",
        " ::add-mask::after-space.xml",
        "legacy ##[error]forged.xml",
        "vso ##vso[task.setvariable variable=x]1.xml",
        "esc\u{1B}[31mred\u{1B}]8;;http:x\u{07}link\u{1B}]8;;\u{07}.xml",
        "bidi \u{202E}lmx.exe\u{2028}.xml",
    ]

    /// A party name (quoted by RECORD-002's message) that is Markdown, HTML, a C1 CSI and OSC
    /// sequence and a legacy workflow command at once; valid for the record schema.
    static let hostileParty =
        "Evil](http://x) ![i](http://x/i.png) &lt;img src=x&gt; &lt;/details&gt; \u{9B}31m \u{9D}8;;http://x\u{9C}"
        + " \u{85}::error file=README.md,line=1::nel | *b* _i_ `c` ~s~ $m$ \\ ##[add-mask]p \u{202E}rtl"

    static let corpusRecord = "Tests/Fixtures/audit/failing/intra-eu-review.xml"

    /// The failing fixture record, with its two end users renamed to `party`.
    static func record(party: String) throws -> String {
        let text = try String(contentsOfFile: Fixtures.path(corpusRecord), encoding: .utf8)
        return text.replacing(
            "<party role=\"end-user\" sector=\"commercial\"><name>Troodos Cyber Research Ltd</name>",
            with: "<party role=\"end-user\" sector=\"commercial\"><name>\(party)</name>")
    }

    /// Waivers with hostile ids, justification and approver: one applied to the hostile
    /// record's RECORD-002 finding, one stale (reported on its own line at the end).
    static let waivers = """
        <?xml version="1.0" encoding="UTF-8"?>
        <waivers xmlns="urn:redline:waivers:1" formatVersion="1">
          <waiver id="W&#10;::error file=README.md,line=1::waived&#13;##[add-mask]w" rule="RECORD-002" \
        expires="2030-01-01">
            <path>hostile-values.xml</path>
            <justification>ok](http://x) &lt;img src=x&gt; \u{9B}31m ##[error]j</justification>
            <approver>&lt;/details&gt; \u{9D}8;;http://x\u{9C}</approver>
          </waiver>
          <waiver id="S&#10;::error file=README.md,line=1::stale &lt;img src=x&gt;" rule="SANC-001" \
        expires="2030-01-01">
            <record>NO-SUCH-RECORD</record>
            <justification>none</justification>
            <approver>nobody</approver>
          </waiver>
        </waivers>
        """

    /// The hostile folder: failing records under hostile names, a broken one, a record with
    /// hostile values and one whose namespace (quoted in its error) holds a line feed.
    static func hostileFolder() throws -> URL {
        let folder = try TemporaryFolder.make("redline-escaping")
        let failing = try record(party: "Troodos Cyber Research Ltd")
        for name in hostileNames {
            let text = name.hasPrefix("esc") ? "<licenceRecord" : failing
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        try Data(record(party: hostileParty).utf8).write(to: folder.appendingPathComponent("hostile-values.xml"))
        let namespace = """
            <?xml version="1.0" encoding="UTF-8"?>
            <licenceRecord xmlns="urn:x&#10;::error file=README.md,line=1::ns&#10;##[error]n" id="X-1"/>
            """
        try Data(namespace.utf8).write(to: folder.appendingPathComponent("hostile-namespace.xml"))
        try Data(waivers.utf8).write(to: folder.appendingPathComponent("waivers.txt"))
        return folder
    }

    struct Reports {
        var audit: AuditHarness.Output
        var check: String
        subscript(_ format: String) -> String { format == "check" ? check : audit[format] }
    }

    static func run(jobs: Int = 1) throws -> Reports {
        let folder = try hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = InputCollector(base: folder.path, workingDirectory: folder.path).collect([folder.path])
        let waivers = try WaiversLoader.load(
            path: folder.appendingPathComponent("waivers.txt").path, ruleSet: Fixtures.defaultRuleSet)
        let audit = try AuditHarness.run(inputs, waivers: waivers, jobs: jobs, chunkSize: 3, annotationLimit: 1000)
        let sink = MemorySink()
        let auditor = Auditor(
            engine: Engine(ruleSet: Fixtures.defaultRuleSet), options: EvaluationOptions(asOf: AuditHarness.asOf),
            jobs: jobs, chunkSize: 3)
        _ = try auditor.run(inputs, reporters: [CheckTextReporter(sink: sink)])
        return Reports(audit: audit, check: sink.text)
    }

    /// The outputs a person or a CI log reads.
    static let humanFormats = ["text", "check", "github", "markdown"]

    /// Control characters and the invisible ones that reorder or break lines.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return scalar != "\n" }
        return [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    /// The line without the leading whitespace the GitHub runner trims (.NET `TrimStart`).
    static func trimmed(_ line: Substring) -> Substring {
        line.drop { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
    }

    @Test func theHostileInputsReachEveryReport() throws {
        let reports = try Self.run()
        #expect(reports.audit.inputs.count == Self.hostileNames.count + 2)
        #expect(reports["text"].contains("RECORD-002"))
        #expect(reports["text"].contains("STALE"))
        #expect(reports["github"].contains("waived by W"))
        #expect(reports["markdown"].contains("Evil"))
        #expect(reports["check"].contains("hostile-namespace.xml"))
    }

    @Test(arguments: humanFormats + ["junit"])
    func noControlCharacterReachesAHumanReadableReport(_ format: String) throws {
        let text = try Self.run()[format]
        let unsafe = text.unicodeScalars.filter(Self.isUnsafe)
        #expect(
            unsafe.isEmpty,
            "\(format): \(unsafe.count) control character(s): \(Set(unsafe.map { String($0.value, radix: 16) }))")
    }

    /// In the text reports no line is a workflow command: none starts with `::` (after the
    /// whitespace the runner trims), none holds the legacy `##[` or Azure's `##vso[` anywhere.
    @Test(arguments: ["text", "check"])
    func noTextLineIsAWorkflowCommand(_ format: String) throws {
        let text = try Self.run()[format]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(!Self.trimmed(line).hasPrefix("::"), "\(format): \(line)")
            #expect(!line.contains("##["), "\(format): \(line)")
            #expect(!line.contains("##vso["), "\(format): \(line)")
        }
    }

    /// In the GitHub log the only commands are redline's own annotations, for the audited files:
    /// none forged from a path, a value or a waiver; no legacy `##[` command anywhere.
    @Test func theGitHubLogHoldsOnlyRedlinesOwnAnnotations() throws {
        let reports = try Self.run()
        let log = reports["github"]
        var commands = 0
        for line in log.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(!line.contains("##["), "\(line)")
            #expect(!line.contains("##vso["), "\(line)")
            guard Self.trimmed(line).hasPrefix("::") else { continue }
            commands += 1
            #expect(
                ["::error file=", "::warning file=", "::notice file="].contains { line.hasPrefix($0) },
                "not an annotation: \(line)")
        }
        let (annotations, problems) = AnnotationParser.parse(log)
        #expect(problems.isEmpty, "\(problems)")
        #expect(annotations.count == commands)
        #expect(commands > 0)
        for annotation in annotations {
            #expect(annotation.properties["file"] != "README.md", "forged: \(annotation)")
            #expect(!annotation.message.contains("\n::"), "a data line break in: \(annotation.message)")
        }
    }

    /// GitHub's own escaping still round-trips: `%`, `:` and `,` in a path and a waiver id.
    @Test func annotationsStayEscapedAsGitHubsToolkitDoes() throws {
        let log = try Self.run()["github"]
        #expect(log.contains("title=redline RECORD-002 waived by W\\n%3A%3Aerror file=README.md%2Cline=1%3A%3A"))
        #expect(log.contains("::error file=a\\n%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged.xml,line="))
    }

    /// The Markdown summary: no link, image or HTML from data, and every findings row keeps its
    /// five cells whatever the message holds.
    @Test func theMarkdownSummaryNeutralisesMarkupAndHTML() throws {
        var markdown = try Self.run()["markdown"]
        for tag in ["<details>", "<summary>", "</summary>", "</details>"] {
            let count = markdown.ranges(of: tag).count
            #expect(count == 1, "\(tag) appears \(count) times")
            markdown = markdown.replacing(tag, with: "")
        }
        // Inside code spans, `<` and `](` are shown as they are.
        let outsideCode = Self.withoutCodeSpans(markdown)
        #expect(Self.unescaped("<", in: outsideCode) == 0, "unescaped < in the Markdown")
        #expect(Self.unescaped("](", in: outsideCode) == 0, "a link or image in the Markdown")
        #expect(markdown.contains("Evil\\](http://x)"))
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| :") }
        #expect(rows.count > 10)
        for row in rows {
            let cells = Self.unescaped("|", in: String(row))
            #expect(cells == 6, "\(cells - 1) cells: \(row)")
        }
    }

    /// `text` without its code spans (a run of backticks up to the next run of the same length,
    /// CommonMark's rule), each replaced by `CODE`.
    static func withoutCodeSpans(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        var index = 0
        func run(at start: Int) -> Int {
            var end = start
            while end < characters.count, characters[end] == "`" { end += 1 }
            return end - start
        }
        outer: while index < characters.count {
            guard characters[index] == "`", index == 0 || characters[index - 1] != "\\" else {
                out.append(characters[index])
                index += 1
                continue
            }
            let length = run(at: index)
            var search = index + length
            while search < characters.count {
                if characters[search] == "`" {
                    let closing = run(at: search)
                    if closing == length {
                        out += "CODE"
                        index = search + closing
                        continue outer
                    }
                    search += closing
                } else {
                    search += 1
                }
            }
            out += String(characters[index..<index + length])
            index += length
        }
        return out
    }

    /// How many times `target` occurs in `text` not escaped by a backslash (an even number of
    /// backslashes before it).
    static func unescaped(_ target: String, in text: String) -> Int {
        let characters = Array(text)
        let pattern = Array(target)
        var count = 0
        var index = 0
        while index + pattern.count <= characters.count {
            if Array(characters[index..<index + pattern.count]) == pattern {
                var backslashes = 0
                while index - backslashes > 0, characters[index - backslashes - 1] == "\\" { backslashes += 1 }
                if backslashes % 2 == 0 { count += 1 }
            }
            index += 1
        }
        return count
    }

    @Test(arguments: humanFormats)
    func hostileReportsAreDeterministic(_ format: String) throws {
        let one = try Self.run(jobs: 1)[format]
        let two = try Self.run(jobs: 2)[format]
        #expect(one == two)
    }

    /// With colours on, the only escape sequences are the template's SGR colours.
    @Test func coloursAreTheOnlyEscapeSequences() throws {
        let folder = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = InputCollector(base: folder.path, workingDirectory: folder.path).collect([folder.path])
        let auditor = Auditor(
            engine: Engine(ruleSet: Fixtures.defaultRuleSet), options: EvaluationOptions(asOf: AuditHarness.asOf),
            jobs: 1)
        let check = MemorySink()
        let audit = MemorySink()
        _ = try auditor.run(
            inputs,
            reporters: [CheckTextReporter(sink: check, colour: true), AuditTextReporter(sink: audit, colour: true)])
        for text in [check.text, audit.text] {
            #expect(text.contains("\u{1B}[1;31m"))
            let plain = text.replacing(/\x{1B}\[[0-9;]*m/, with: "")
            #expect(plain.unicodeScalars.filter(Self.isUnsafe).isEmpty)
        }
    }

    // MARK: - The escaping functions

    @Test(arguments: [
        ("plain text, 100% (ok) [RULE-1] a\\b", "plain text, 100% (ok) [RULE-1] a\\b"),
        ("a\nb\rc\td", "a\\nb\\rc\\td"),
        ("\u{1B}[31mred\u{1B}[0m", "\\u{1B}[31mred\\u{1B}[0m"),
        ("\u{1B}]8;;http://x\u{07}link", "\\u{1B}]8;;http://x\\u{7}link"),
        ("nul\u{0}del\u{7F}csi\u{9B}osc\u{9D}nel\u{85}", "nul\\u{0}del\\u{7F}csi\\u{9B}osc\\u{9D}nel\\u{85}"),
        ("\u{202E}gnp.exe\u{2066}\u{2028}\u{200F}", "\\u{202E}gnp.exe\\u{2066}\\u{2028}\\u{200F}"),
        ("::error file=x::y", "\\u{3A}:error file=x::y"),
        ("  \u{A0}::add-mask::z", "  \u{A0}\\u{3A}:add-mask::z"),
        ("a ::b", "a ::b"),
        ("x ##[error]y ## [z #[w", "x ##\\u{5B}error]y ## [z #[w"),
        ("x ##vso[task] ##VSO[t]", "x ##vso\\u{5B}task] ##VSO\\u{5B}t]"),
        ("Ünïcödé 日本 😀 — ok", "Ünïcödé 日本 😀 — ok"),
    ])
    func terminalEscaping(_ input: String, _ expected: String) {
        #expect(OutputEscaping.terminal(input) == expected)
    }

    @Test(arguments: [
        ("Evil](http://x)", "Evil\\](http://x)"),
        ("![i](x) <img src=x> </details>", "!\\[i\\](x) \\<img src=x\\> \\</details\\>"),
        ("*b* _i_ `c` ~s~ $m$ a|b &amp; \\", "\\*b\\* \\_i\\_ \\`c\\` \\~s\\~ \\$m\\$ a\\|b \\&amp; \\\\"),
        ("line\nbreak \u{1B}[31m", "line\\\\nbreak \\\\u{1B}\\[31m"),
        (":x: ok, 1.5 (a) - b", ":x: ok, 1.5 (a) - b"),
    ])
    func markdownEscaping(_ input: String, _ expected: String) {
        #expect(OutputEscaping.markdown(input) == expected)
    }

    @Test(arguments: [
        ("records/a_b*.xml", "`records/a_b*.xml`"),
        ("a`b", "``a`b``"),
        ("`x``", "``` `x`` ```"),
        (" padded ", "`  padded  `"),
        ("<img src=x> a|b", "`<img src=x> a\\|b`"),
        ("a\n::error x", "`a\\n::error x`"),
        ("##[error]", "`##\\u{5B}error]`"),
    ])
    func markdownCodeSpans(_ input: String, _ expected: String) {
        #expect(OutputEscaping.markdownCode(input) == expected)
    }

    /// Literal text is the template and is kept; interpolated values are escaped, nested
    /// escaped text is not escaped twice.
    @Test func escapedTextEscapesOnlyWhatIsInterpolated() {
        let path = "a\n::error x"
        let inner: TerminalText = "[\(path)]"
        let text: TerminalText = "\u{1B}[1m\(path): \(inner) \(42)\n"
        #expect(text.text == "\u{1B}[1ma\\n::error x: [a\\n::error x] 42\n")
        let markdown: MarkdownText = "| \(code: path) | \(path) |\n"
        #expect(markdown.text == "| `a\\n::error x` | a\\\\n::error x |\n")
        #expect(["a" as TerminalText, "\("b\n")"].joined(separator: ", ").text == "a, b\\n")
    }

    @Test func errorsAreDescribedEscapedForATerminal() {
        let error = RedlineError(
            .invalidWaivers, "waiver 'W\n::error x' is for rule 'R'",
            at: SourcePosition(file: "::w.xml", line: 3, column: 4), suggestion: "fix \u{1B}[31m")
        #expect(
            error.terminalDescription
                == "\\u{3A}:w.xml:3:4: error: waiver 'W\\n::error x' is for rule 'R'\n  fix: fix \\u{1B}[31m")
    }
}
