import Foundation
import RedlineTestSupport
import Testing

@testable import RedlineKit

#if canImport(Glibc)
    import Glibc
#endif

/// What `redline audit` does with the paths it is given: walks, special files, loops, duplicates.
struct InputCollectorTests {
    /// A fresh temporary directory.
    static func folder() throws -> String {
        try TemporaryFolder.make("redline-audit").path
    }

    static func write(_ path: String, _ text: String = Fixtures.record()) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func collect(_ arguments: [String], in root: String) -> [AuditInput] {
        InputCollector(base: root, workingDirectory: root).collect(arguments)
    }

    @Test func walksDirectoriesForXMLFilesSortedAndDescendsIntoDirectoriesNamedLikeRecords() throws {
        let root = try Self.folder()
        try Self.write(root + "/records/b.xml")
        try Self.write(root + "/records/a.XML")
        try Self.write(root + "/records/sub/c.xml")
        try Self.write(root + "/records/odd.xml/inner.xml")
        try Self.write(root + "/records/readme.txt", "not a record")
        let inputs = Self.collect(["records"], in: root)
        #expect(
            inputs.map(\.path) == ["records/a.XML", "records/b.xml", "records/odd.xml/inner.xml", "records/sub/c.xml"])
        #expect(inputs.allSatisfy { $0.error == nil })
    }

    @Test func anExplicitDirectoryNamedLikeARecordIsAnError() throws {
        let root = try Self.folder()
        try Self.write(root + "/odd.xml/inner.xml")
        let inputs = Self.collect(["odd.xml"], in: root)
        #expect(inputs.count == 1)
        #expect(inputs.first?.error?.message.contains("directory named like a record") == true)
    }

    @Test func everyInputOnceWhateverTheSpelling() throws {
        let root = try Self.folder()
        try Self.write(root + "/r/a.xml")
        let inputs = Self.collect(["r", "r/a.xml", "./r//a.xml", root + "/r/a.xml", "r/../r/a.xml"], in: root)
        #expect(inputs.map(\.path) == ["r/a.xml"])
    }

    @Test func pathsOutsideTheBaseStayAbsolute() throws {
        let root = try Self.folder()
        let other = try Self.folder()
        try Self.write(other + "/x.xml")
        #expect(
            Self.collect([other + "/x.xml"], in: root).map(\.path) == [AuditPath.normalize(other + "/x.xml", in: "/")])
    }

    @Test func aFIFOIsReportedWithoutBeingOpened() throws {
        let root = try Self.folder()
        #expect(mkfifo(root + "/pipe.xml", 0o644) == 0)
        #expect(mkfifo(root + "/pipe-not-named-like-a-record", 0o644) == 0)
        let walked = Self.collect(["."], in: root)
        #expect(walked.map(\.path) == ["pipe.xml"])
        #expect(walked.first?.error?.message.contains("not a regular file") == true)
        let explicit = Self.collect(["pipe-not-named-like-a-record"], in: root)
        #expect(explicit.first?.error?.code == .unreadable)
        // Auditing it finishes (a FIFO opened for reading would block forever) with an error entry.
        let output = try AuditHarness.run(walked)
        #expect(output.outcome.summary.errors == 1)
    }

    @Test func symbolicLinkLoopsAreReported() throws {
        let root = try Self.folder()
        try Self.write(root + "/d/a.xml")
        #expect(symlink(root + "/d", root + "/d/loop") == 0)
        #expect(symlink("self.xml", root + "/d/self.xml") == 0)
        #expect(symlink("nowhere.xml", root + "/d/dangling.xml") == 0)
        let inputs = Self.collect(["d"], in: root)
        #expect(inputs.map(\.path) == ["d/a.xml", "d/dangling.xml", "d/loop", "d/self.xml"])
        #expect(inputs[0].error == nil)
        #expect(inputs[1].error?.message.contains("dangling symbolic link") == true)
        #expect(inputs[2].error?.message.contains("symbolic link loop") == true)
        #expect(inputs[3].error?.message.contains("symbolic link loop") == true)
        let output = try AuditHarness.run(inputs)
        #expect(output.outcome.summary.records == 4)
        #expect(output.outcome.summary.errors == 3)
    }

    @Test func aMissingPathIsAnErrorEntry() throws {
        let root = try Self.folder()
        let inputs = Self.collect(["missing.xml"], in: root)
        #expect(inputs.first?.error?.message.contains("No such file") == true)
    }

    // An unreadable file and an unreadable directory in one audit, as root too (capabilities
    // dropped in the child): AuditCommandTests.unreadableFileAndDirectoryAreReportedOnceInEveryReport.

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/mem"), "needs Linux /proc"))
    func aFileWhoseReadFailsIsAnErrorEntryEvenForRoot() throws {
        // Root reads through chmod 000, but not /proc/self/mem at offset 0 (read fails with EIO):
        // a regular file that stat accepts and read refuses.
        let inputs = Self.collect(["/proc/self/mem"], in: "/")
        #expect(inputs.map(\.path) == ["proc/self/mem"])
        #expect(inputs.first?.error == nil, "stat sees a regular file")
        let output = try AuditHarness.run(inputs)
        #expect(output.outcome.summary.errors == 1)
        #expect(output["text"].contains("proc/self/mem: ERROR unreadable: cannot read file:"))
    }

    @Test(.timeLimit(.minutes(5))) func tenThousandTinyFiles() throws {
        let root = try Self.folder()
        let record = Array(Fixtures.record().utf8)
        for index in 0..<10_000 {
            let folder = root + "/batch/\(index / 1000)"
            if index % 1000 == 0 {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            #expect(FileManager.default.createFile(atPath: folder + "/r\(index).xml", contents: Data(record)))
        }
        let inputs = Self.collect(["batch"], in: root)
        #expect(inputs.count == 10_000)
        #expect(Set(inputs.map(\.path)).count == 10_000)
        let counter = RecordCollector()
        let auditor = Auditor(
            engine: Engine(ruleSet: Fixtures.defaultRuleSet), options: EvaluationOptions(asOf: AuditHarness.asOf),
            jobs: 2)
        let outcome = try auditor.run(inputs, reporters: [counter])
        #expect(outcome.completed)
        #expect(outcome.summary.records == 10_000)
        #expect(outcome.summary.errors == 0)
        #expect(counter.records.map(\.path) == inputs.map(\.path), "reported once each, in path order")
    }

    @Test func stoppingBetweenChunksDoesNotFinishTheReports() throws {
        var polls = 0
        let output = try AuditHarness.run(
            chunkSize: 2,
            shouldStop: {
                polls += 1
                return polls > 2
            })
        #expect(!output.outcome.completed)
        #expect(output.outcome.processed == 4)
        #expect(!output["sarif"].contains("\"invocations\""), "an interrupted SARIF log is never closed")
        #expect(!output["junit"].contains("</testsuites>"))
    }
}
