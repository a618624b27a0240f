import Foundation
import RedlineTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `redline` binary as a process and captures its output and exit code.
enum CLIRunner {
    static var repositoryRoot: URL { Repository.root }

    /// The `redline` executable next to the test bundle (same build folder).
    static var binary: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("redline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/redline")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `redline arguments…` in `directory` (default: the repository root) with `environment` added.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil, executable: URL? = nil,
        in directory: URL? = nil
    ) throws
        -> Result
    {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension CLIRunner {
    /// A run of `redline` with what it cost: the child's own peak resident set size (from
    /// `wait4`'s `rusage`, so other processes the tests start in parallel do not count) and
    /// the wall time from spawning it to reaping it.
    struct Measured {
        var result: Result
        /// Peak RSS of the child, in bytes (`ru_maxrss` is in kilobytes on Linux).
        var peakRSS: Int
        var wallSeconds: Double
        /// The signal that ended the child, if one did.
        var signal: Int32?

        var peakRSSMiB: Double { Double(peakRSS) / 1_048_576 }
        var summary: String { String(format: "peak RSS %.1f MiB, wall %.2f s", peakRSSMiB, wallSeconds) }
    }

    /// Runs `prefix + [redline] + arguments` (the prefix is an optional wrapper such as
    /// `setpriv …`) in the repository root, with standard input from /dev/null and the output
    /// in temporary files (no pipe to drain while it runs), and measures it.
    ///
    /// Why not simply `wait4` on a spawned child: `ru_maxrss` is kept across `execve`, and a
    /// child spawned by this (large, multi-threaded) test process starts from this process's
    /// memory (posix_spawn shares it until the exec, fork copies it), so every child reported
    /// the test process's own peak (150 MB in a full run) rather than its own. Only a `fork`
    /// starts a fresh `ru_maxrss`, and it must be a fork of a small process: `setsid --fork`
    /// (util-linux) forks `sh`, which writes its pid and execs redline; `setsid` exits at once,
    /// the orphan is re-parented to this process (a child subreaper, `PR_SET_CHILD_SUBREAPER`),
    /// and `wait4` on it gives redline's own peak plus at most the 1–2 MB of `setsid` and `sh`.
    static func runMeasured(_ arguments: [String], prefix: [String] = [], environment: [String: String] = [:]) throws
        -> Measured
    {
        guard becomeSubreaper else { throw POSIXError(.ENOSYS) }
        let folder = try TemporaryFolder.make("redline-measured")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("stdout").path
        let errPath = folder.appendingPathComponent("stderr").path
        let pidPath = folder.appendingPathComponent("pid").path

        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        let script = "echo $$ > \"$0\" && cd \"$1\" && shift && exec \"$@\""
        let argv =
            ["/usr/bin/setsid", "--fork", "/bin/sh", "-c", script, pidPath, repositoryRoot.path] + prefix + [
                binary.path
            ] + arguments
        let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let cEnvironment: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in cArguments { free(pointer) }
            for pointer in cEnvironment { free(pointer) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let start = ContinuousClock.now
        var setsidPID: pid_t = 0
        let spawned = posix_spawn(&setsidPID, argv[0], &actions, nil, cArguments, cEnvironment)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        try reap(setsidPID, &status, &usage)
        guard status == 0 else { throw POSIXError(.ECHILD) }
        // setsid has exited, so its child is ours now; wait for the pid it writes.
        var pid: pid_t = 0
        while pid == 0 {
            let text = (try? String(contentsOfFile: pidPath, encoding: .utf8)) ?? ""
            if text.hasSuffix("\n"), let value = pid_t(text.dropLast()) {
                pid = value
            } else {
                guard ContinuousClock.now - start < .seconds(60) else { throw POSIXError(.ETIMEDOUT) }
                usleep(1_000)
            }
        }
        try reap(pid, &status, &usage)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let signal = status & 0x7F
        let result = Result(
            status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
        return Measured(
            result: result, peakRSS: usage.ru_maxrss * 1024, wallSeconds: seconds, signal: signal == 0 ? nil : signal)
    }

    private static func reap(_ pid: pid_t, _ status: inout Int32, _ usage: inout rusage) throws {
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECHILD) }
        }
    }

    /// Makes this process a child subreaper (Linux `prctl(PR_SET_CHILD_SUBREAPER, 1)`), once.
    /// `prctl` is variadic, which Swift cannot call, so it is called through a fixed signature.
    private static let becomeSubreaper: Bool = {
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "prctl") else { return false }
        let prSetChildSubreaper: Int32 = 36
        return unsafeBitCast(symbol, to: Prctl.self)(prSetChildSubreaper, 1, 0, 0, 0) == 0
    }()
}

/// The bounds the hostile process tests hold `redline` to (docs/security.md, "Tested bounds").
/// They guard against blow-ups (reading a 100 MB file that should be refused from `stat`,
/// expanding entities, quadratic parsing), not against slowness: generous enough for a debug
/// build on a loaded 2-core machine.
enum HostileBounds {
    /// An input refused before it is read or before libxml2 builds a tree: well under the 100 MB
    /// of the largest such input, so reading it whole would fail the test. A debug `redline`
    /// peaks at about 29 MiB on a small record.
    static let refusedPeakRSS = 96 * 1_048_576
    /// A record just under the default size and element caps, parsed, validated and evaluated
    /// (41 MiB measured; libxml2's tree is a few times the input at most).
    static let atCapsPeakRSS = 128 * 1_048_576
    /// A 100 MB record read and parsed under a raised --max-bytes (the file, the scan, at most
    /// libxml2's tree of it, until the time limit stops it).
    static let raisedCapPeakRSS = 1_024 * 1_048_576
    /// An audit of 10,000 tiny records: memory must not grow with the number of records.
    static let batchPeakRSS = 256 * 1_048_576
    /// Wall time of one hostile single-input run.
    static let singleWallSeconds = 60.0
    /// Wall time of the 10,000-record audit.
    static let batchWallSeconds = 300.0
}
