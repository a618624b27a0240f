import Foundation
import RedlineKit
import RedlineTestSupport
import Testing

@Suite struct ConfigurationTests {
    static let full = """
        # redline settings for the records repository
        rules = "rules/national.xml"   # the national rule set
        profile = 'moratorium'
        lists = "/srv/lists"
        standard = "current"
        fail-on = "refuse"
        waivers = "waivers.xml"
        exclude = [
          "drafts",          # work in progress
          "records/old/*",
        ]
        reports = ["sarif=reports/redline.sarif", "junit=reports/redline.junit.xml", "text"]
        jobs = 2
        """

    @Test func everySettingIsReadAndItsPathsAreRelativeToTheFile() throws {
        let configuration = try RedlineConfiguration.parse(Self.full, file: "repo/.redline.toml")
        #expect(configuration.directory == "repo")
        #expect(configuration.rules == "repo/rules/national.xml")
        #expect(configuration.profile == "moratorium")
        #expect(configuration.lists == "/srv/lists", "an absolute path stays as it is")
        #expect(configuration.standard == .current)
        #expect(configuration.failOn == .refuse)
        #expect(configuration.waivers == "repo/waivers.xml")
        #expect(configuration.exclude == ["drafts", "records/old/*"])
        #expect(
            configuration.reports == [
                ReportRequest(.sarif, file: "repo/reports/redline.sarif"),
                ReportRequest(.junit, file: "repo/reports/redline.junit.xml"), ReportRequest(.text),
            ])
        #expect(configuration.jobs == 2)
    }

    @Test func aFileInTheWorkingFolderKeepsItsPathsAsWritten() throws {
        let configuration = try RedlineConfiguration.parse("waivers = \"w.xml\"\n", file: ".redline.toml")
        #expect(configuration.waivers == "w.xml")
    }

    @Test func escapesAndUnicodeInStrings() throws {
        let configuration = try RedlineConfiguration.parse(
            #"profile = "d\u00E9j\u00e0 \"vu\"\\""# + "\n", file: ".redline.toml")
        #expect(configuration.profile == #"déjà "vu"\"#)
    }

    struct Mistake: CustomTestStringConvertible, Sendable {
        var text: String
        var error: String
        var testDescription: String { text.split(separator: "\n").first.map(String.init) ?? text }
    }

    static let mistakes: [Mistake] = [
        Mistake(
            text: "profile = \"moratorium\"\nfail_on = \"refuse\"\n",
            error: """
                .redline.toml:2:1: error: unknown setting 'fail_on'
                  fix: did you mean 'fail-on'? the settings are rules, profile, lists, standard, fail-on, waivers, \
                exclude, reports, jobs (docs/configuration.md)
                """),
        Mistake(
            text: "colour = \"never\"\n",
            error: """
                .redline.toml:1:1: error: unknown setting 'colour'
                  fix: the settings are rules, profile, lists, standard, fail-on, waivers, exclude, reports, jobs \
                (docs/configuration.md)
                """),
        Mistake(
            text: "[audit]\nfail-on = \"refuse\"\n",
            error: """
                .redline.toml:1:1: error: tables ([…]) are not used in redline's configuration
                  fix: write every setting at the top level, e.g. fail-on = "refuse"
                """),
        Mistake(
            text: "audit.fail-on = \"refuse\"\n",
            error: """
                .redline.toml:1:6: error: dotted keys are not used in redline's configuration
                  fix: write every setting at the top level, e.g. fail-on = "refuse"
                """),
        Mistake(
            text: "\n\nprofile = \"moratorium\n",
            error: """
                .redline.toml:3:11: error: the string that starts here is not closed
                  fix: end it with " on the same line
                """),
        Mistake(
            text: "fail-on = refuse\n",
            error: """
                .redline.toml:1:11: error: 'refuse' is not a value redline's configuration understands
                  fix: quote text as "…" (e.g. fail-on = "refuse"); numbers and true/false are written bare
                """),
        Mistake(
            text: "fail-on = \"refuse\"\nfail-on = \"never\"\n",
            error: """
                .redline.toml:2:1: error: 'fail-on' is set twice (first on line 1)
                  fix: keep one of the two lines
                """),
        Mistake(
            text: "fail-on = \"severe\"\n",
            error: """
                .redline.toml:1:11: error: 'severe' is not a value of fail-on
                  fix: write one of "never", "error", "refuse", "review", "any-finding"
                """),
        Mistake(
            text: "exclude = \"drafts\"\n",
            error: """
                .redline.toml:1:11: error: exclude takes an array of strings, found a string
                  fix: write exclude = ["…", "…"]
                """),
        Mistake(
            text: "reports = [\"sarif=a.sarif\",\n  \"pdf=a.pdf\"]\n",
            error: """
                .redline.toml:2:3: error: 'pdf=a.pdf' is not a report: expected format[=file]
                  fix: use one of text, json, sarif, junit, github, markdown, codequality, html, e.g. "sarif=reports/redline.sarif"
                """),
        Mistake(
            text: "jobs = 0\n",
            error: """
                .redline.toml:1:8: error: jobs must be a whole number of threads, at least 1 (found an integer)
                  fix: write e.g. jobs = 2, or remove the line to use every core
                """),
        Mistake(
            text: "exclude = [\"drafts\"\n",
            error: """
                .redline.toml:1:11: error: the array that starts here is not closed
                  fix: end it with ]
                """),
        Mistake(
            text: "profile = \"a\" rules = \"b\"\n",
            error: """
                .redline.toml:1:15: error: unexpected text after the value
                  fix: put one setting per line; start a comment with #
                """),
        Mistake(
            text: "profile\n",
            error: """
                .redline.toml:1:8: error: expected = after the key 'profile'
                  fix: write the setting as profile = "value"
                """),
        Mistake(
            text: #"rules = "C:\rules\x.xml""# + "\n",
            error: #"""
                .redline.toml:1:18: error: \x is not an escape TOML knows
                  fix: write a backslash as \\, or use a literal string in single quotes: '…'
                """#),
    ]

    @Test(arguments: mistakes) func mistakesAreNamedWithTheirPlace(_ mistake: Mistake) {
        #expect(throws: RedlineError.self) { try RedlineConfiguration.parse(mistake.text, file: ".redline.toml") }
        do {
            _ = try RedlineConfiguration.parse(mistake.text, file: ".redline.toml")
        } catch {
            #expect(error.description == mistake.error)
            #expect(error.code == .usage)
        }
    }

    /// docs/configuration.md: its example parses, and its table lists every setting in order.
    @Test func theDocumentationShowsAValidFileAndEverySetting() throws {
        let doc = try String(
            contentsOf: Repository.root.appendingPathComponent("docs/configuration.md"), encoding: .utf8)
        let example =
            try #require(doc.components(separatedBy: "```toml\n").dropFirst().first)
            .components(separatedBy: "```").first ?? ""
        let configuration = try RedlineConfiguration.parse(example, file: ".redline.toml")
        #expect(configuration.reports.count == 3)
        #expect(configuration.exclude == ["drafts", "*.draft.xml"])
        let names = doc.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
        #expect(names == RedlineConfiguration.keys.map(\.name))
    }

    @Test func discoveryWalksUpToTheRepositoryRootAndNoFurther() throws {
        let root = try TemporaryFolder.make("redline-config").path
        let repository = root + "/repo"
        let deep = repository + "/records/2024/q1"
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: repository + "/.git", withIntermediateDirectories: true)
        // Above the repository root: never read.
        try "profile = \"outside\"\n".write(toFile: root + "/.redline.toml", atomically: true, encoding: .utf8)
        #expect(RedlineConfiguration.discover(from: deep) == nil)
        try "profile = \"inside\"\n".write(
            toFile: repository + "/.redline.toml", atomically: true, encoding: .utf8)
        #expect(RedlineConfiguration.discover(from: deep) == repository + "/.redline.toml")
        #expect(RedlineConfiguration.discover(from: repository) == repository + "/.redline.toml")
        try "profile = \"nearer\"\n".write(
            toFile: repository + "/records/.redline.toml", atomically: true, encoding: .utf8)
        #expect(RedlineConfiguration.discover(from: deep) == repository + "/records/.redline.toml")
    }

    struct ExclusionCase: Sendable, CustomTestStringConvertible {
        var pattern: String
        var path: String
        var isDirectory: Bool
        var excluded: Bool
        var testDescription: String { "\(pattern) \(excluded ? "excludes" : "keeps") \(path)" }
    }

    @Test(arguments: [
        ExclusionCase(pattern: "drafts", path: "/repo/records/drafts", isDirectory: true, excluded: true),
        ExclusionCase(pattern: "drafts", path: "/repo/records/drafts.xml", isDirectory: false, excluded: false),
        ExclusionCase(pattern: "*.draft.xml", path: "/repo/records/a/b.draft.xml", isDirectory: false, excluded: true),
        ExclusionCase(pattern: "records/old/*", path: "/repo/records/old/x/y.xml", isDirectory: false, excluded: true),
        ExclusionCase(
            pattern: "records/old/*", path: "/repo/archive/records/old/y.xml", isDirectory: false, excluded: false),
        ExclusionCase(pattern: "./records/old", path: "/repo/records/old", isDirectory: true, excluded: true),
        ExclusionCase(pattern: "tmp/", path: "/repo/tmp", isDirectory: true, excluded: true),
        ExclusionCase(pattern: "tmp/", path: "/repo/tmp", isDirectory: false, excluded: false),
        ExclusionCase(pattern: "*.xml", path: "/elsewhere/a.xml", isDirectory: false, excluded: false),
    ])
    func exclusionPatterns(_ example: ExclusionCase) {
        let exclusion = Exclusion(example.pattern, root: "/repo")
        #expect(exclusion.excludes(example.path, isDirectory: example.isDirectory) == example.excluded)
    }

    @Test func theCollectorPrunesExcludedFoldersButKeepsNamedFiles() throws {
        let root = try TemporaryFolder.make("redline-exclude").path
        for folder in ["records/drafts", "records/2024"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for file in ["records/2024/a.xml", "records/2024/b.draft.xml", "records/drafts/c.xml"] {
            try "<x/>".write(toFile: root + "/" + file, atomically: true, encoding: .utf8)
        }
        let collector = InputCollector(
            workingDirectory: root, exclusions: [Exclusion("drafts", root: root), Exclusion("*.draft.xml", root: root)])
        #expect(collector.collect(["records"]).map(\.path) == ["records/2024/a.xml"])
        #expect(
            collector.collect(["records", "records/drafts/c.xml"]).map(\.path) == [
                "records/2024/a.xml", "records/drafts/c.xml",
            ])
    }
}
