import Foundation
import RedlineTestSupport
import Testing

/// The HTML reports loaded in headless Chromium (the Debian `chromium` package, which .ci/run
/// installs): what a person would see in the DOM after the page's own script ran, that nothing
/// from a record became markup, and a screenshot kept as a test artefact (and, with
/// RECORD_DOCS=1, as docs/report-screenshot.png for the README).
@Suite(.serialized, .enabled(if: Chromium.path != nil))
struct BrowserTests {
    static let chromium = Chromium.path

    /// Where the screenshots go.
    static let artefacts = Repository.root.appendingPathComponent(".build/test-artifacts")

    /// Runs headless Chromium on `page` with `arguments`; its standard output.
    static func browse(_ page: URL, _ arguments: [String]) throws -> String {
        let profile = try TemporaryFolder.make("redline-chromium")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try CLIRunner.run(
            [
                "120", chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-extensions", "--user-data-dir=\(profile.path)",
            ] + arguments + [page.absoluteString], executable: URL(fileURLWithPath: "/usr/bin/timeout"))
        #expect(result.status == 0, "chromium: \(result.stderr.suffix(400))")
        return result.stdout
    }

    /// `redline arguments` writing its HTML to a file; the file.
    static func page(_ name: String, _ arguments: [String]) throws -> URL {
        let folder = try TemporaryFolder.make("redline-html")
        let file = folder.appendingPathComponent(name)
        let result = try CLIRunner.run(arguments.map { $0.replacing("{out}", with: file.path) })
        #expect([0, 1].contains(result.status), "\(result.stderr)")
        if !FileManager.default.fileExists(atPath: file.path) {
            try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        }
        return file
    }

    @Test func aLicencePageShowsTheVerdictFindingsHighlightedLinesAndTheTimeline() throws {
        let record = "examples/records/bg-2019-nso-group-licence.xml"
        let file = try Self.page("bg.html", ["check", record, "--as-of", "2021-11-04", "--format", "html"])
        let json = try CLIRunner.run(["check", record, "--as-of", "2021-11-04", "--format", "json"]).stdout
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let records = try #require(document["records"] as? [[String: Any]])
        let findings = try #require(records.first?["findings"] as? [Any]).count
        let dom = try Self.browse(file, ["--dump-dom"])
        #expect(dom.contains("REVOKE</span>"))
        #expect(dom.contains("score 76.1/100"))
        let articles = dom.components(separatedBy: "<article class=\"finding").count - 1
        #expect(articles > 0)
        #expect(findings > 0)
        #expect(articles == findings, "every finding shown once: \(articles) articles, \(findings) findings")
        #expect(dom.contains("<span class=\"line hit\" aria-current=\"true\"><span class=\"ln\">84</span>"))
        #expect(dom.contains("maintain → revoke"))
        #expect(!dom.contains("http://") && !dom.contains("https://"), "nothing that could be fetched")
        #expect(dom.contains("Content-Security-Policy"))
        try FileManager.default.createDirectory(at: Self.artefacts, withIntermediateDirectories: true)
        let screenshot = Self.artefacts.appendingPathComponent("report-bg-2019.png")
        _ = try Self.browse(file, ["--window-size=1100,1500", "--hide-scrollbars", "--screenshot=\(screenshot.path)"])
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        #expect(png.count > 20_000, "a page was drawn: \(png.count) bytes")
        if ProcessInfo.processInfo.environment["RECORD_DOCS"] != nil {
            let docs = Repository.root.appendingPathComponent("docs/report-screenshot.png")
            try? FileManager.default.removeItem(at: docs)
            try FileManager.default.copyItem(at: screenshot, to: docs)
        }
    }

    @Test func anAuditPageListsEveryRecordWithAndWithoutItsScript() throws {
        let file = try Self.page(
            "audit.html", ["audit", "examples/records", "--as-of", "2024-04-01", "--quiet", "--report", "html={out}"])
        let html = try String(contentsOf: file, encoding: .utf8)
        let records = try FileManager.default.contentsOfDirectory(atPath: Repository.path("examples/records"))
            .filter { $0.hasSuffix(".xml") }.count
        #expect(html.components(separatedBy: "<tr class=\"tone-").count - 1 == records, "complete without scripts")
        #expect(html.contains("<svg role=\"img\""))
        let dom = try Self.browse(file, ["--dump-dom"])
        #expect(dom.components(separatedBy: "<tr class=\"tone-").count - 1 == records)
        #expect(dom.components(separatedBy: "<section class=\"record").count - 1 == records)
        #expect(dom.contains("Records by verdict"))
        try FileManager.default.createDirectory(at: Self.artefacts, withIntermediateDirectories: true)
        _ = try Self.browse(
            file,
            ["--window-size=1100,1500", "--screenshot=\(Self.artefacts.appendingPathComponent("audit.png").path)"])
    }

    @Test func injectedMarkupInARecordStaysText() throws {
        let folder = try TemporaryFolder.make("redline-injection")
        let source = try String(
            contentsOf: Repository.root.appendingPathComponent("Tests/Fixtures/audit/failing/intra-eu-review.xml"),
            encoding: .utf8)
        let name =
            "&lt;script&gt;document.title='owned'&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt; "
            + "&lt;a href=&quot;javascript:alert(3)&quot;&gt;x&lt;/a&gt;"
        let record = folder.appendingPathComponent("injection.xml")
        try source.replacing(
            "<party role=\"end-user\" sector=\"commercial\"><name>Troodos Cyber Research Ltd</name>",
            with: "<party role=\"end-user\" sector=\"commercial\"><name>\(name)</name>"
        ).write(to: record, atomically: true, encoding: .utf8)
        let file = try Self.page("injection.html", ["check", record.path, "--as-of", "2024-04-01", "--format", "html"])
        let dom = try Self.browse(file, ["--dump-dom"])
        #expect(dom.contains("<title>redline check</title>"), "the injected script did not run")
        #expect(dom.contains("&lt;img src=x onerror=alert(2)&gt;"), "shown as text")
        #expect(!dom.contains("<img"), "no image element")
        #expect(dom.components(separatedBy: "<a ").allSatisfy { !$0.hasPrefix("href=\"javascript") })
    }
}

/// Where CI says the browser tests must run (REDLINE_REQUIRE_BROWSER, set by .ci/run), Chromium
/// is there: the browser tests are not skipped in silence.
@Test(.enabled(if: ProcessInfo.processInfo.environment["REDLINE_REQUIRE_BROWSER"] != nil))
func chromiumIsInstalledWhereTheBrowserTestsMustRun() {
    #expect(Chromium.path != nil, "install chromium (apt-get install chromium)")
}

/// Where headless Chromium is installed, if it is.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
