import Foundation
import RedlineKit
import RedlineTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile and broken rule sets (Tests/Fixtures/hostile/rules and generated ones): each load
/// error names the file, line and column; an expensive XPath becomes an `error` outcome for its
/// rule while the record is still reported.
@Suite(.timeLimit(.minutes(5)))
struct HostileRuleSetTests {
    struct Broken: Sendable, CustomTestStringConvertible {
        let file: String
        let code: RedlineError.Code
        /// The file the error names (an included file for recursive composition).
        let reported: String
        let line: Int
        let column: Int
        let message: String
        var testDescription: String { file }
    }

    static let broken: [Broken] = [
        Broken(
            file: "invalid-dates.xml", code: .invalidRules, reported: "invalid-dates.xml", line: 6, column: 1,
            message: "'2021-02-30' is not a valid value of the atomic type 'xs:date'"),
        Broken(
            file: "recursive-a.xml", code: .invalidRules, reported: "recursive-b.xml", line: 3, column: 1,
            message: "recursive-a.xml' is included more than once (or includes itself)"),
        Broken(
            file: "unknown-prefix.xml", code: .invalidRules, reported: "unknown-prefix.xml", line: 9, column: 11,
            message: "namespace prefix 'x' is not declared"),
        Broken(
            file: "unknown-function-prefix.xml", code: .invalidRules, reported: "unknown-function-prefix.xml", line: 10,
            column: 11, message: "unknown function 'ext:lookup'"),
        Broken(
            file: "xxe-doctype.xml", code: .hostile, reported: "xxe-doctype.xml", line: 2, column: 19,
            message: "DOCTYPE"),
    ]

    @Test(arguments: broken)
    func committedRuleSetIsRefusedWithItsPosition(_ item: Broken) {
        #expect {
            _ = try RuleSetLoader.load(path: HostileInput.rules(item.file))
        } throws: { error in
            guard let error = error as? RedlineError else { return false }
            return error.code == item.code
                && error.position
                    == SourcePosition(file: HostileInput.rules(item.reported), line: item.line, column: item.column)
                && error.message.contains(item.message) && !error.description.contains(HostileInput.canary)
        }
    }

    /// A list large enough to pass the 16 MiB rule-file cap is refused by size, before parsing.
    @Test func hugeListOverTheFileCapIsRefused() throws {
        let entry = "<entry>Surveillance Vendor</entry>\n"
        let count = RuleSetLoader.maxFileBytes / entry.utf8.count + 1
        let head =
            Self.header
            + "<list id=\"huge\" kind=\"party\" source=\"test\" effective=\"2020-01-01\"><title>Huge</title>\n"
        let path = try TemporaryFolder.generate(
            "huge-list.xml", head: head, fill: entry, count: count, tail: "</list>\n</ruleset>\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try RuleSetLoader.load(path: path)
        } throws: { error in
            guard let error = error as? RedlineError else { return false }
            return error.code == .tooLarge && error.position.file == path
                && error.message.contains("more than the limit of 16777216 bytes")
        }
    }

    /// Rule sets and waiver files have fixed caps: their errors never suggest a record flag.
    @Test func fixedCapsNeverSuggestAFlag() throws {
        let entries = String(repeating: "<entry>V</entry>", count: RuleSetLoader.maxFileElements + 1)
        let list =
            Self.header
            + "<list id=\"many\" kind=\"party\" source=\"test\" effective=\"2020-01-01\"><title>M</title>\(entries)"
            + "</list>\n</ruleset>\n"
        let attributes = (0..<300).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let waivers =
            "<waivers xmlns=\"urn:redline:waivers:1\" formatVersion=\"1\" \(attributes)></waivers>"
        let cases: [(String, () throws -> Void)] = [
            ("rules.xml", { _ = try RuleSetLoader.load(path: try Fixtures.temporaryFile(list, name: "rules.xml")) }),
            (
                "waivers.xml",
                {
                    _ = try WaiversLoader.parse(
                        bytes: Array(waivers.utf8), path: "waivers.xml", ruleSet: Fixtures.defaultRuleSet)
                }
            ),
        ]
        for (name, load) in cases {
            #expect {
                try load()
            } throws: { error in
                guard let error = error as? RedlineError, let suggestion = error.suggestion else { return false }
                let ok = !suggestion.contains("--max-") && suggestion.contains("fixed")
                if !ok { Issue.record("\(name): \(error) (\(suggestion))") }
                return ok
            }
        }
        // A record's error still names its flag.
        let record = "<r " + attributes + "/>"
        #expect {
            _ = try XMLDocument(bytes: Array(record.utf8), path: "r.xml")
        } throws: { error in
            (error as? RedlineError)?.suggestion?.contains("--max-attributes") == true
        }
    }

    /// 100,000 entries under the cap load, and lookups in the list work.
    @Test func hugeListUnderTheFileCapLoads() throws {
        var text =
            Self.header
            + "<list id=\"huge\" kind=\"party\" source=\"test\" effective=\"2020-01-01\"><title>Huge</title>\n"
        for index in 0..<100_000 { text += "<entry>Vendor \(index)</entry>\n" }
        text +=
            "</list>\n" + Self.rule(id: "HUGE-001", assert: "not(rl:in-list('huge', r:exporter/r:name))")
            + "\n</ruleset>\n"
        let path = try TemporaryFolder.file(text, name: "huge-list.xml")
        let ruleSet = try RuleSetLoader.load(path: path)
        #expect(ruleSet.lists["huge"]?.entries.count == 100_000)
        let record = Fixtures.record(exporter: "Vendor 99999")
        let report = Engine(ruleSet: ruleSet).check(
            bytes: Array(record.utf8), path: "r.xml", options: EvaluationOptions(asOf: LocalDate("2022-01-01")!))
        #expect(report.results.map(\.outcome) == [.fail])
    }

    /// A huge phrase list searched for every element and attribute of a large record used to run
    /// for minutes past both limits (libxml2 counted the call as one operation, and the deadline is
    /// checked between rules): list searches now count against the operation limit, so the rule
    /// is an `error` (the suite's time limit guards against the old hang).
    @Test func hugeListSearchedEverywhereHitsTheOperationLimit() throws {
        var text =
            Self.header
            + "<list id=\"huge\" kind=\"phrase\" source=\"test\" effective=\"2020-01-01\"><title>Huge</title>\n"
        for index in 0..<100_000 { text += "<entry>phrase number \(index)</entry>\n" }
        text +=
            "</list>\n" + Self.rule(id: "HUGE-002", assert: "not(rl:contains-any('huge', //* | //@*))")
            + "\n</ruleset>\n"
        let path = try TemporaryFolder.file(text, name: "huge-phrases.xml")
        let ruleSet = try RuleSetLoader.load(path: path)
        let report = Engine(ruleSet: ruleSet).check(
            bytes: Array(SampleRecord.large(items: 200).utf8), path: "large.xml",
            options: EvaluationOptions(asOf: LocalDate("2022-01-01")!))
        #expect(report.status == .evaluated)
        #expect(report.results.map(\.outcome) == [.error])
        #expect(
            report.results.first?.reason?.hasSuffix("exceeded the limit of 1000000 operations on this record") == true)
    }

    /// An XPath that walks every node's axes on a large record hits the operation limit: that rule
    /// is an `error`, the other rule is evaluated, and the record gets the policy's on-error verdict.
    @Test func explodingXPathIsAnErrorForItsRuleOnly() throws {
        let ruleSet = try RuleSetLoader.load(path: HostileInput.rules("xpath-explodes.xml"))
        let record = SampleRecord.large(items: 2_000)
        let report = Engine(ruleSet: ruleSet).check(
            bytes: Array(record.utf8), path: "large.xml", options: EvaluationOptions(asOf: LocalDate("2022-01-01")!))
        #expect(report.status == .evaluated)
        #expect(report.results.map(\.outcome) == [.pass, .error])
        let reason = try #require(report.results.last?.reason)
        #expect(reason.hasSuffix("exceeded the limit of 1000000 operations on this record"), "\(reason)")
        let finding = try #require(report.findings.first)
        #expect(finding.ruleID == "HOST-002" && finding.kind == .error && finding.location.file == "large.xml")
        #expect(report.verdict == "refuse")
    }

    /// The same rule passes on a small record: the error above comes from the limit.
    @Test func explodingXPathPassesOnASmallRecord() throws {
        let ruleSet = try RuleSetLoader.load(path: HostileInput.rules("xpath-explodes.xml"))
        let report = Engine(ruleSet: ruleSet).check(
            bytes: Array(SampleRecord.large(items: 3).utf8), path: "small.xml",
            options: EvaluationOptions(asOf: LocalDate("2022-01-01")!))
        #expect(report.results.map(\.outcome) == [.pass, .pass])
    }

    // MARK: - <extends>

    static func child(extends href: String, id: String = "child") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ruleset xmlns="urn:redline:rules:1" formatVersion="1" id="\(id)" version="1"><title>Child</title>
        <extends href="\(href)"/>
        </ruleset>

        """
    }

    static let base = header + rule(id: "BASE-001", assert: "true()") + "\n</ruleset>\n"

    /// An `<extends>` href that is absolute, a URL or climbs out with `..` is refused before
    /// anything is read or fetched: nothing from /etc/passwd appears, the listener sees nothing.
    @Test func extendsOutsideTheFolderIsRefusedBeforeReading() throws {
        let listener = try LoopbackListener()
        let folder = try TemporaryFolder.make("redline-hostile").path
        try Self.base.write(toFile: folder + "/base.xml", atomically: false, encoding: .utf8)
        for href in [
            "/etc/passwd", "file:///etc/passwd", "http://127.0.0.1:\(listener.port)/base.xml", "../base.xml",
            "sub/../../base.xml",
            "sub/../base.xml",
        ] {
            let path = folder + "/child.xml"
            try Self.child(extends: href).write(toFile: path, atomically: false, encoding: .utf8)
            #expect {
                _ = try RuleSetLoader.load(path: path)
            } throws: { error in
                guard let error = error as? RedlineError else { return false }
                return error.code == .invalidRules && error.position == SourcePosition(file: path, line: 3, column: 1)
                    && error.message
                        == "<extends href=\"\(href)\"> must be a relative path inside the rule set's folder"
                    && !error.description.contains("root:x:0:0")
            }
        }
        #expect(!listener.connectionAttempted)
    }

    /// The same holds for `<include>`: absolute, URL and `..` hrefs are refused before any read.
    @Test func includeOutsideTheFolderIsRefusedBeforeReading() throws {
        let listener = try LoopbackListener()
        let folder = try TemporaryFolder.make("redline-hostile").path
        for href in ["/etc/passwd", "file:///etc/passwd", "http://127.0.0.1:\(listener.port)/part.xml", "../part.xml"] {
            let path = folder + "/main.xml"
            try (Self.header + "<include href=\"\(href)\"/>\n</ruleset>\n").write(
                toFile: path, atomically: false, encoding: .utf8)
            #expect {
                _ = try RuleSetLoader.load(path: path)
            } throws: { error in
                guard let error = error as? RedlineError else { return false }
                return error.code == .invalidRules && error.position.file == path
                    && error.message == "include '\(href)' must be a relative path inside the rule set's folder"
                    && !error.description.contains("root:x:0:0")
            }
        }
        #expect(!listener.connectionAttempted)
    }

    /// A rule set that extends itself is a cycle, like two that extend each other.
    @Test func extendingItselfIsACycle() throws {
        let path = try TemporaryFolder.file(Self.child(extends: "self.xml"), name: "self.xml")
        #expect {
            _ = try RuleSetLoader.load(path: path)
        } throws: { error in
            guard let error = error as? RedlineError else { return false }
            return error.code == .invalidRules
                && error.message == "rule sets extend each other in a cycle: \(path) → \(path)"
                && error.position.file == path && error.position.line == 3
        }
    }

    /// An extended file is read like a record: a FIFO is refused without blocking, a file over the
    /// 16 MiB rule-file cap from its size, before it is read.
    @Test func extendedFilesAreRegularFilesUnderTheCap() throws {
        let folder = try TemporaryFolder.make("redline-hostile").path
        #expect(mkfifo(folder + "/pipe.xml", 0o644) == 0)
        let big = try TemporaryFolder.generate(
            "big.xml", head: Self.header, fill: "<!-- padding -->\n", count: RuleSetLoader.maxFileBytes / 17 + 1,
            tail: "</ruleset>\n")
        let bigSize = try FileManager.default.attributesOfItem(atPath: big)[.size] as? Int ?? 0
        let bigFolder = (big as NSString).deletingLastPathComponent
        for (path, message) in [
            (
                folder + "/child.xml",
                "the extended rule set 'pipe.xml' cannot be read: is not a regular file (FIFO, socket or device)"
            ),
            (
                bigFolder + "/child.xml",
                "the extended rule set 'big.xml' cannot be read: file is \(bigSize) bytes, more than the limit of "
                    + "16777216 bytes"
            ),
        ] {
            let href = path.hasPrefix(folder) ? "pipe.xml" : "big.xml"
            try Self.child(extends: href).write(toFile: path, atomically: false, encoding: .utf8)
            #expect {
                _ = try RuleSetLoader.load(path: path)
            } throws: { error in
                guard let error = error as? RedlineError else { return false }
                return error.code == .invalidRules && error.message == message && error.position.file == path
            }
        }
    }

    /// An href is relative to the file that contains it: a chain can go down into subfolders
    /// (main.xml → sub/middle.xml → sub/base.xml), never up; the files read are listed.
    @Test func extendsIsResolvedRelativeToTheExtendingFile() throws {
        let folder = try TemporaryFolder.make("redline-hostile").path
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try Self.child(extends: "sub/middle.xml", id: "main").write(
            toFile: folder + "/main.xml", atomically: false, encoding: .utf8)
        try Self.child(extends: "base.xml", id: "middle").write(
            toFile: folder + "/sub/middle.xml", atomically: false, encoding: .utf8)
        try Self.base.write(toFile: folder + "/sub/base.xml", atomically: false, encoding: .utf8)
        let ruleSet = try RuleSetLoader.load(path: folder + "/main.xml")
        #expect(ruleSet.rules.map(\.id) == ["BASE-001"])
        #expect(
            Set(ruleSet.files) == [folder + "/main.xml", folder + "/sub/middle.xml", folder + "/sub/base.xml"],
            "\(ruleSet.files)")
    }

    // MARK: - Helpers

    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ruleset xmlns="urn:redline:rules:1" formatVersion="1" id="hostile" version="1"><title>Hostile</title>
        <letter id="AN19" file="000_d3d654b5c922fcf3.txt">Access Now 2019</letter>
        <policy><application on-error="refuse"><verdict name="refuse" severity="critical"/><verdict name="approve"/></application>
        <licence on-error="revoke"><verdict name="revoke" severity="critical"/><verdict name="maintain"/></licence></policy>

        """

    static func rule(id: String, assert: String) -> String {
        """
        <rule id="\(id)" category="test" severity="major" weight="1">
          <title>t</title><implements>AN19-5</implements>
          <cite letter="AN19">assessment of the potential human rights impacts of exports</cite>
          <assert>\(assert)</assert>
          <message>m</message><remedy>r</remedy>
        </rule>
        """
    }
}
