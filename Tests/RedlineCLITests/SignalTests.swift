import Foundation
import RedlineTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// An audit stops within a second of SIGINT or SIGTERM, whatever it is doing (issue 13, item 9).
/// Before, signals were seen only between 256-record chunks, never during the last one: SIGTERM
/// 3 s into a one-chunk audit let it run 53 s more and exit 1, and with a slow rule set it was
/// still running 60 s later, so a CI cancel ended in SIGKILL.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct SignalTests {
    /// A rule that translates the whole document for every element: tens of seconds per 1 MB
    /// record once the operation limit is raised out of its way.
    static let slowRule =
        "count(//*[translate(string(/), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') = 'x']) = 0"

    /// Starts `redline arguments`, sends `signal` after `delay` seconds, and returns the exit
    /// status, standard error and the seconds from the signal to the exit.
    static func interrupt(_ arguments: [String], with signal: Int32, after delay: Double) throws
        -> (status: Int32, stderr: String, seconds: Double)
    {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        usleep(UInt32(delay * 1_000_000))
        let clock = ContinuousClock()
        let sent = clock.now
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let elapsed = clock.now - sent
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (process.terminationStatus, stderr, seconds)
    }

    /// Four 1 MB records in one chunk, two jobs, each record tens of seconds of rule work: the
    /// signal stops the records in progress where they read the clock, and the audit exits with
    /// 128 + the signal's number, well within a second.
    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsTheRecordsInProgress(_ signal: Int32) throws {
        let folder = try TemporaryFolder.make("redline-signals")
        let record = try SampleRecord.padded(bytes: 1_000_000)
        for index in 0..<4 { try Data(record.utf8).write(to: folder.appendingPathComponent("r\(index).xml")) }
        let rules = try TemporaryFolder.file(HostileInput.ruleSet(assert: Self.slowRule), name: "slow.xml")
        let out = try TemporaryFolder.make("redline-signals-out")
        let result = try Self.interrupt(
            [
                "audit", folder.path, "--rules", rules, "--as-of", "2022-01-01", "--jobs", "2",
                "--max-xpath-ops", "1000000000000", "--max-seconds-per-record", "1000",
                "--report", "json=\(out.path)/r.json",
            ], with: signal, after: 1.5)
        #expect(result.status == 128 + signal, "\(result.stderr)")
        #expect(result.stderr.contains("interrupted by \(signal == SIGINT ? "SIGINT" : "SIGTERM") after 0 of 4"))
        #expect(!result.stderr.contains("still busy"), "the audit itself stopped, not the watchdog")
        #expect(result.seconds < 1, "exited \(result.seconds) s after the signal")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
        print("[signals] slow rules, \(signal): exit \(result.status) after \(result.seconds) s")
    }

    /// A record whose parse takes minutes (300,000 attributes on one element, every limit raised
    /// for it): libxml2 never reads the clock, so the watchdog ends the process one second after
    /// the signal, with the signal's status and a line that says so.
    @Test func theWatchdogEndsAnAuditThatCannotStop() throws {
        let folder = try TemporaryFolder.make("redline-signals-parse")
        var text = "<licenceRecord xmlns=\"urn:redline:licence-record:1\" formatVersion=\"1\" id=\"A-1\" "
        text += "stage=\"application\"><exporter><name"
        for index in 0..<300_000 { text += " a\(index)=\"1\"" }
        text += ">X</name></exporter></licenceRecord>"
        try Data(text.utf8).write(to: folder.appendingPathComponent("attributes.xml"))
        let result = try Self.interrupt(
            [
                "audit", folder.path, "--as-of", "2022-01-01", "--max-attributes", "1000000", "--max-bytes", "67108864",
                "--max-seconds-per-record", "100000",
            ], with: SIGTERM, after: 1)
        #expect(result.status == 128 + SIGTERM, "\(result.stderr)")
        #expect(result.stderr.contains("interrupted by SIGTERM; still busy 1.0 s later"), "\(result.stderr)")
        #expect(result.seconds >= 0.9 && result.seconds < 2, "exited \(result.seconds) s after the signal")
        print("[signals] parse in libxml2: exit \(result.status) after \(result.seconds) s")
    }
}
