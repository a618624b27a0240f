import Foundation
import RedlineTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `redline check` on the hostile corpus, as a process: exit status 2 (record) or 3 (rule set),
/// never a crash or a signal; the message names the file with line and column; nothing from the
/// canary file or /etc/passwd reaches stdout or stderr; nothing reaches the network. The runs on
/// hostile inputs are measured (`CLIRunner.runMeasured`): the child's peak RSS and wall time stay
/// under ``HostileBounds`` (docs/security.md, "Tested bounds"); every test has a time limit.
@Suite(.timeLimit(.minutes(10)))
struct HostileCLITests {
    static let records = "Tests/Fixtures/hostile/records"
    static let rules = "Tests/Fixtures/hostile/rules"
    static let example = "examples/records/cy-marketing-licence.xml"
    static let canary = HostileInput.canary

    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        /// What stdout (records) or stderr (rule sets) must contain: `file:line[:col]: error: …`.
        let expected: String
        var testDescription: String { file }
    }

    static let recordCases: [Case] = [
        Case(file: "xxe-file.xml", expected: ":2:25: error: document has a DOCTYPE declaration"),
        Case(file: "xxe-http.xml", expected: ":2:25: error: document has a DOCTYPE declaration"),
        Case(file: "xxe-parameter-entity.xml", expected: ":2:25: error: document has a DOCTYPE declaration"),
        Case(file: "xxe-external-dtd.xml", expected: ":2:64: error: document has a DOCTYPE declaration"),
        Case(file: "billion-laughs.xml", expected: ":2:16: error: document has a DOCTYPE declaration"),
        Case(file: "quadratic-blowup.xml", expected: ":2:13: error: document has a DOCTYPE declaration"),
        Case(
            file: "xinclude.xml", expected: ":4: error: [schema] <name> holds text only, not elements such as <include>"
        ),
        Case(file: "invalid-utf8.xml", expected: ":3:22: error: not well-formed XML: Input is not proper UTF-8"),
        Case(file: "overlong-utf8.xml", expected: ":3:20: error: not well-formed XML: Input is not proper UTF-8"),
        Case(file: "nul-byte.xml", expected: ":3:20: error: file contains a NUL character"),
        Case(file: "bom-mismatch.xml", expected: ":1:1: error: file starts with a UTF-16 byte-order mark"),
        Case(
            file: "bom-utf8-declared-latin1.xml",
            expected: ":1:1: error: file starts with a UTF-8 byte-order mark but declares encoding 'ISO-8859-1'"),
        Case(file: "encoding-utf7.xml", expected: ":1:1: error: encoding 'UTF-7' is not supported"),
        Case(
            file: "truncated.xml",
            expected: ":3:94: error: not well-formed XML: the file ends before <authority> (opened on line 3) is closed"
        ),
        Case(file: "empty.xml", expected: ":1:1: error: document is empty"),
        Case(file: "binary.xml", expected: ":3:1: error: file contains a NUL character"),
        Case(
            file: "schema-invalid-everywhere.xml",
            expected: ":7: error: [schema] '2019-13-45' in <submitted> is not a date in the calendar"),
    ]

    @Test(arguments: recordCases)
    func hostileRecordExitsTwoNamingTheFile(_ item: Case) throws {
        let path = "\(Self.records)/\(item.file)"
        let measured = try CLIRunner.runMeasured(["check", path, "--as-of", "2022-01-01"])
        Self.expectBounded(measured, item.file, peakRSS: HostileBounds.refusedPeakRSS)
        let result = measured.result
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.contains(path + item.expected), "\(result.stdout)")
        #expect(result.stderr.isEmpty)
        expectNothingLeaked(result)
    }

    static let ruleSetCases: [Case] = [
        Case(
            file: "invalid-dates.xml",
            expected: "invalid-dates.xml:6:1: error: rule file does not match the rule language"),
        Case(
            file: "recursive-a.xml",
            expected: "recursive-b.xml:3:1: error: '\(rules)/recursive-a.xml' is included more than once"),
        Case(
            file: "unknown-prefix.xml", expected: "unknown-prefix.xml:9:11: error: namespace prefix 'x' is not declared"
        ),
        Case(
            file: "unknown-function-prefix.xml",
            expected: "unknown-function-prefix.xml:10:11: error: unknown function 'ext:lookup'"),
        Case(file: "xxe-doctype.xml", expected: "xxe-doctype.xml:2:19: error: document has a DOCTYPE declaration"),
    ]

    @Test(arguments: ruleSetCases)
    func hostileRuleSetExitsThreeNamingTheFile(_ item: Case) throws {
        let result = try CLIRunner.run(["check", Self.example, "--rules", "\(Self.rules)/\(item.file)"])
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("\(Self.rules)/\(item.expected)"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        expectNothingLeaked(result)
    }

    @Test func explodingXPathIsAnErrorOutcomeAndTheRecordIsStillReported() throws {
        let path = try TemporaryFolder.file(SampleRecord.large(items: 2_000), name: "large.xml")
        let result = try CLIRunner.run([
            "check", path, "--rules", "\(Self.rules)/xpath-explodes.xml", "--as-of", "2022-01-01",
        ])
        #expect(result.status == 1, "the on-error verdict is not clean: \(result.stderr)")
        #expect(result.stdout.hasPrefix("\(path): REFUSE  score 50/100"))
        #expect(result.stdout.contains("rules: 1 pass, 0 fail, 0 not applicable, 1 error"))
        #expect(result.stdout.contains("\(path):2: error: [HOST-002] rule could not be evaluated: XPath "))
        #expect(result.stdout.contains("exceeded the limit of 1000000 operations on this record"))
    }

    static let hugeHead =
        "<licenceRecord xmlns=\"urn:redline:licence-record:1\" formatVersion=\"1\" id=\"H\" stage=\"application\""

    /// A 100 MB text node and a 100 MB attribute value: refused from `stat`, before reading, so
    /// the process stays far below the file's size.
    @Test(arguments: [
        ("text-100mb.xml", hugeHead + "><exporter><name>", "</name></exporter></licenceRecord>"),
        ("attribute-100mb.xml", hugeHead + " note=\"", "\"/>"),
    ])
    func hundredMegabyteRecordIsRefusedBySize(_ name: String, _ head: String, _ tail: String) throws {
        let count = 100 * 1024 * 1024
        let path = try TemporaryFolder.generate(name, head: head, fill: "x", count: count, tail: tail)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let measured = try CLIRunner.runMeasured(["check", path])
        Self.expectBounded(measured, name, peakRSS: HostileBounds.refusedPeakRSS)
        let size = head.utf8.count + count + tail.utf8.count
        #expect(measured.result.status == 2)
        #expect(
            measured.result.stdout.contains(
                "\(path): error: file is \(size) bytes, more than the limit of 4194304 bytes"),
            "\(measured.result.stdout)")
    }

    /// With the size cap raised, a 100 MB text node is read and scanned until the per-record time
    /// limit stops parsing: a `time-limit` error that names parsing (not the rules) and says how
    /// to fix it, in bounded time and memory.
    @Test func hundredMegabyteTextNodeUnderARaisedCapStopsAtTheTimeLimitWhileParsing() throws {
        let count = 100 * 1024 * 1024
        let path = try TemporaryFolder.generate(
            "text-100mb.xml", head: Self.hugeHead + "><exporter><name>", fill: "x", count: count,
            tail: "</name></exporter></licenceRecord>")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let measured = try CLIRunner.runMeasured(
            ["check", path, "--max-bytes", "200000000", "--max-seconds-per-record", "0.05", "--as-of", "2022-01-01"])
        Self.expectBounded(measured, "text-100mb.xml (--max-bytes 200000000)", peakRSS: HostileBounds.raisedCapPeakRSS)
        let stdout = measured.result.stdout
        #expect(measured.result.status == 2)
        #expect(stdout.contains("\(path): ERROR time-limit: cannot evaluate"), "\(stdout)")
        #expect(
            stdout.contains("error: parsing took longer than the limit of 0.05 s per record (no rule was run)"),
            "\(stdout)")
        #expect(stdout.contains("fix: parsing this document takes longer than the limit allows"), "\(stdout)")
        #expect(!stdout.contains("rule set's expressions"), "the suggestion is about the document, not the rules")
    }

    /// With the size cap raised, a 20 MB attribute value reaches libxml2, which refuses values
    /// over 10,000,000 bytes: reported as that limit where the value starts, not as libxml2's
    /// follow-on "Extra content at the end of the document".
    @Test func twentyMegabyteAttributeUnderARaisedCapNamesLibxml2sLimit() throws {
        let path = try TemporaryFolder.generate(
            "attribute-20mb.xml", head: Self.hugeHead + " note=\"", fill: "x", count: 20 * 1024 * 1024, tail: "\"/>")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let measured = try CLIRunner.runMeasured(
            ["check", path, "--max-bytes", "200000000", "--max-seconds-per-record", "600", "--as-of", "2022-01-01"])
        Self.expectBounded(
            measured, "attribute-20mb.xml (--max-bytes 200000000)", peakRSS: HostileBounds.raisedCapPeakRSS)
        let stdout = measured.result.stdout
        #expect(measured.result.status == 2)
        #expect(stdout.contains("\(path): ERROR too-large: cannot evaluate"), "\(stdout)")
        #expect(
            stdout.contains(
                "\(path):1:\(Self.hugeHead.utf8.count + 7): error: an attribute value is longer than libxml2's limit "
                    + "of 10000000 bytes"
            ),
            "\(stdout)")
        #expect(stdout.contains("whatever --max-bytes says"))
        #expect(!stdout.contains("Extra content"))
    }

    /// A schema-valid record just under both caps (3.9 MB, 6,000 elements, long text) is parsed,
    /// validated and evaluated by all 51 default rules within the record bound: the size and
    /// element caps bound memory.
    @Test func aRecordAtTheCapsIsEvaluatedInBoundedMemory() throws {
        let padding = String(repeating: "x", count: 1_900)
        let text = SampleRecord.large(items: 2_000)
            .replacingOccurrences(of: "</description>", with: " \(padding)</description>")
        #expect(text.utf8.count > 3_900_000 && text.utf8.count < 4_194_304)
        let path = try TemporaryFolder.file(text, name: "at-the-caps.xml")
        let measured = try CLIRunner.runMeasured(["check", path, "--as-of", "2022-01-01"])
        Self.expectBounded(measured, "at-the-caps.xml (3.9 MB, 6,000 elements)", peakRSS: HostileBounds.atCapsPeakRSS)
        #expect(measured.result.status == 1, "evaluated, not clean: \(measured.result.stdout.prefix(500))")
        #expect(
            measured.result.stdout.contains("rules: 17 pass, 1 fail, 33 not applicable, 0 error"),
            "\(measured.result.stdout.prefix(500))")
    }

    /// The measurement is the child's own: with this test process's resident set well above the
    /// bound (192 MiB touched here), a small run still measures under it. A child spawned
    /// directly would report this process's peak, which is what a full `swift test` showed
    /// before `runMeasured` forked from a small process.
    @Test func theMeasuredPeakIsTheChildsOwn() throws {
        let size = 192 * 1_048_576
        let ballast = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 4096)
        defer { ballast.deallocate() }
        for offset in stride(from: 0, to: size, by: 4096) { ballast[offset] = 1 }
        var own = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &own)
        #expect(own.ru_maxrss * 1024 > HostileBounds.refusedPeakRSS, "this process is above the bound")
        let measured = try CLIRunner.runMeasured(["check", "\(Self.records)/billion-laughs.xml"])
        Self.expectBounded(
            measured, "billion-laughs.xml (test process above the bound)", peakRSS: HostileBounds.refusedPeakRSS)
        #expect(measured.result.status == 2)
        #expect(ballast[size - 4096] == 1)
    }

    @Test func deepNestingIsRefused() throws {
        let deep = try TemporaryFolder.file(
            String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000), name: "deep.xml")
        let measured = try CLIRunner.runMeasured(["check", deep])
        Self.expectBounded(measured, "deep.xml", peakRSS: HostileBounds.refusedPeakRSS)
        #expect(measured.result.status == 2)
        #expect(measured.result.stdout.contains("\(deep):1:772: error: elements are nested too deeply"))
    }

    @Test func manyAttributesAreRefused() throws {
        var wideText = "<licenceRecord xmlns=\"urn:redline:licence-record:1\""
        for index in 0..<100_000 { wideText += " a\(index)=\"1\"" }
        let wide = try TemporaryFolder.file(wideText + "/>", name: "wide.xml")
        let measured = try CLIRunner.runMeasured(["check", wide])
        Self.expectBounded(measured, "wide.xml", peakRSS: HostileBounds.refusedPeakRSS)
        #expect(measured.result.status == 2)
        #expect(measured.result.stdout.contains("\(wide):1:1: error: element has more than 256 attributes"))
    }

    /// `redline audit` of 10,000 tiny records (one valid record, copied): every one is evaluated
    /// and reported once, and memory stays flat (the bound is far below what keeping every
    /// record's tree would take).
    @Test func tenThousandTinyFilesAreAuditedInBoundedMemory() throws {
        let record = try Data(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(Self.clean))
        let folder = try TemporaryFolder.make("redline-hostile-batch").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for index in 0..<10_000 {
            let sub = folder + "/records/\(index / 1000)"
            if index % 1000 == 0 {
                try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
            }
            #expect(FileManager.default.createFile(atPath: sub + "/r\(index).xml", contents: record))
        }
        let report = folder + "/report.json"
        let measured = try CLIRunner.runMeasured([
            "audit", folder + "/records", "--as-of", "2024-04-01", "--jobs", "2", "--report", "json=\(report)",
            "--fail-on", "error",
        ])
        Self.expectBounded(
            measured, "audit of 10,000 tiny files", peakRSS: HostileBounds.batchPeakRSS,
            wallSeconds: HostileBounds.batchWallSeconds)
        #expect(measured.result.status == 0, "\(measured.result.stderr)")
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        let records = try #require(json?["records"] as? [[String: Any]])
        let files = records.compactMap { $0["file"] as? String }
        #expect(records.count == 10_000)
        #expect(Set(files).count == 10_000, "every file reported once")
        #expect(records.allSatisfy { $0["verdict"] as? String == "approve" }, "every record evaluated")
    }

    @Test func limitsAreConfigurable() throws {
        var text =
            "<licenceRecord xmlns=\"urn:redline:licence-record:1\" formatVersion=\"1\" id=\"W-1\" stage=\"application\""
        for index in 0..<10 { text += " a\(index)=\"1\"" }  // 14 attributes with the four above
        let path = try TemporaryFolder.file(text + "/>", name: "ten.xml")
        let refused = try CLIRunner.run(["check", path, "--max-attributes", "12"])
        #expect(refused.stdout.contains("\(path):1:1: error: element has more than 12 attributes"))
        let allowed = try CLIRunner.run([
            "check", path, "--max-attributes", "14", "--max-depth", "2", "--max-bytes", "1000",
        ])
        #expect(allowed.status == 2)
        #expect(
            allowed.stdout.contains("\(path): INVALID record W-1"), "parsed, then schema-invalid: \(allowed.stdout)")
        let tooDeep = try CLIRunner.run(["check", Self.example, "--max-depth", "2"])
        let tooMany = try CLIRunner.run(["check", Self.example, "--max-elements", "5"])
        #expect(tooMany.status == 2)
        #expect(
            tooMany.stdout.contains("\(Self.example):9:5: error: document has more than 5 elements"),
            "\(tooMany.stdout)")
        #expect(tooDeep.stdout.contains("\(Self.example): error: elements are nested 5 deep, more than the limit of 2"))
    }

    /// A deadline of one nanosecond has passed when parsing ends: the error says parsing took
    /// the time, and its fix is about the document, not the rule set.
    @Test func timeLimitMakesTheRecordAnError() throws {
        let result = try CLIRunner.run([
            "check", Self.example, "--as-of", "2022-01-01", "--max-seconds-per-record", "0.000000001",
        ])
        #expect(result.status == 2)
        #expect(result.stdout.contains("\(Self.example): ERROR time-limit: cannot evaluate"))
        #expect(
            result.stdout.contains(
                "\(Self.example): error: parsing took longer than the limit of 1e-09 s per record (no rule was run)"),
            "\(result.stdout)")
        #expect(result.stdout.contains("raise --max-seconds-per-record only for trusted input"))
        let json = try CLIRunner.run(["check", Self.example, "--format", "json", "--max-seconds-per-record", "1e-9"])
        #expect(json.stdout.contains("\"code\" : \"time-limit\""))
    }

    @Test(arguments: [
        ["--max-seconds-per-record", "0"], ["--max-seconds-per-record", "nan"], ["--max-attributes", "0"],
        ["--max-depth", "0"],
        ["--max-elements", "0"],
    ])
    func invalidLimitIsAUsageError(_ flags: [String]) throws {
        let result = try CLIRunner.run(["check", Self.example] + flags)
        #expect(result.status == 64)
        #expect(result.stderr.contains(flags[0]))
    }

    /// Every input of a mixed batch is reported, in order; the hostile ones do not stop the others.
    @Test func everyInputOfAMixedBatchIsReported() throws {
        let files = [
            Self.example, "\(Self.records)/billion-laughs.xml", "\(Self.records)/empty.xml",
            "examples/records/bg-2019-nso-group-licence.xml",
            "\(Self.records)/binary.xml",
        ]
        let result = try CLIRunner.run(["check", "--as-of", "2022-01-01", "--jobs", "2"] + files)
        #expect(result.status == 2)
        let headers = result.stdout.split(separator: "\n").filter { line in
            files.contains { line.hasPrefix("\($0): ") && !line.contains(": error:") }
        }
        #expect(headers.map { String($0.prefix { $0 != ":" }) } == files)
        #expect(result.stdout.contains("examples/records/bg-2019-nso-group-licence.xml: REVOKE"))
    }

    @Test func nothingReachesTheNetwork() throws {
        let listener = try LoopbackListener()
        let url = "http://127.0.0.1:\(listener.port)"
        let root =
            "<licenceRecord xmlns=\"urn:redline:licence-record:1\" formatVersion=\"1\" id=\"N-1\" stage=\"application\""
        let records = [
            try TemporaryFolder.file(
                "<!DOCTYPE licenceRecord [<!ENTITY e SYSTEM \"\(url)/e\">]>\n" + "\(root)>&e;</licenceRecord>",
                name: "entity.xml"),
            try TemporaryFolder.file(
                "<!DOCTYPE licenceRecord [<!ENTITY % p SYSTEM \"\(url)/p.dtd\"> %p;]>\n\(root)/>", name: "pe.xml"),
            try TemporaryFolder.file(
                "<!DOCTYPE licenceRecord SYSTEM \"\(url)/r.dtd\">\n\(root)/>", name: "dtd.xml"),
            try TemporaryFolder.file(
                "\(root) xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"\(url)/x\"/></licenceRecord>",
                name: "xi.xml"),
        ]
        let result = try CLIRunner.run(["check"] + records)
        #expect(result.status == 2)
        for path in records { #expect(result.stdout.contains(path)) }
        #expect(!listener.connectionAttempted)
    }

    // MARK: - Helpers

    static let clean = "examples/records/approve-lawful-interception.xml"

    /// The child ended by exiting (no signal), under `peakRSS` bytes at its peak and within
    /// `wallSeconds`; prints the measurement so the numbers of a run can be read from its log.
    static func expectBounded(
        _ measured: CLIRunner.Measured, _ name: String, peakRSS: Int,
        wallSeconds: Double = HostileBounds.singleWallSeconds
    ) {
        print("[hostile-bounds] \(name): \(measured.summary)")
        #expect(measured.signal == nil, "\(name): killed by signal \(measured.signal ?? 0)")
        #expect(measured.peakRSS > 0, "\(name): rusage was filled in")
        #expect(
            measured.peakRSS < peakRSS,
            "\(name): peak RSS \(measured.peakRSSMiB) MiB, bound \(Double(peakRSS) / 1_048_576) MiB")
        #expect(measured.wallSeconds < wallSeconds, "\(name): wall \(measured.wallSeconds) s, bound \(wallSeconds) s")
    }

    private func expectNothingLeaked(_ result: CLIRunner.Result) {
        for text in [result.stdout, result.stderr] {
            #expect(!text.contains(Self.canary))
            #expect(!text.contains("root:x:0:0"))
        }
    }
}
