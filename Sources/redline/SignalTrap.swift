import Dispatch
import RedlineKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Catches SIGINT and SIGTERM with dispatch sources. The handler records the signal and makes
/// the cancellation request, which stops the records in progress at their next clock check (a
/// few milliseconds) and any record from starting; the audit sees it, cleans up and exits with
/// 128 + the signal's number. Should anything keep the audit from exiting (a parse or a schema
/// validation in libxml2, which never looks at the clock), a watchdog ends the process `grace`
/// seconds after the signal with the same status: a CI cancel never has to resort to SIGKILL.
/// Report files are unlinked until committed (`O_TMPFILE`), so the watchdog leaves none; named
/// temporary files (`--named-temporary-files`) are swept by the next run.
final class SignalTrap: @unchecked Sendable {
    private let received = Atomic<Int32>(0)
    // Created and cancelled on the main thread only; handlers touch `received` alone.
    private var sources: [any DispatchSourceSignal] = []

    init(signals: [Int32] = [SIGINT, SIGTERM], cancellation: Cancellation? = nil, grace: Double = 1) {
        let queue = DispatchQueue(label: "redline.signals")
        for number in signals {
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                guard self.received.compareExchange(expected: 0, desired: number, ordering: .relaxed).exchanged else {
                    return
                }
                cancellation?.cancel()
                queue.asyncAfter(deadline: .now() + grace) {
                    Self.giveUp(after: number, grace: grace)
                }
            }
            // Registration is asynchronous: wait for it, so no signal is ignored in between.
            let registered = DispatchSemaphore(value: 0)
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            registered.wait()
            sources.append(source)
        }
    }

    /// Ends the process that did not exit within `grace` seconds of `signal`: one line on
    /// standard error (written directly: another thread may hold any lock), then `_exit`.
    private static func giveUp(after signal: Int32, grace: Double) -> Never {
        let line =
            "redline audit: interrupted by \(name(of: signal)); still busy \(grace) s later (inside libxml2?): "
            + "exiting now without writing any report\n"
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
        _exit(exitStatus(for: signal))
    }

    /// The first signal received, or 0.
    var caught: Int32 { received.load(ordering: .relaxed) }

    /// Stops catching.
    func release() {
        for source in sources { source.cancel() }
    }

    /// The conventional exit status after a signal (128 + number: 130 SIGINT, 143 SIGTERM).
    static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }

    /// The signal's name.
    static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }
}
