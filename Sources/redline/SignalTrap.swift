import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Catches SIGINT and SIGTERM with dispatch sources: the handler only records the signal, the
/// audit polls it between chunks, stops scheduling work and cleans up.
final class SignalTrap: @unchecked Sendable {
    private let received = Atomic<Int32>(0)
    // Created and cancelled on the main thread only; handlers touch `received` alone.
    private var sources: [any DispatchSourceSignal] = []

    init(signals: [Int32] = [SIGINT, SIGTERM]) {
        let queue = DispatchQueue(label: "redline.signals")
        for number in signals {
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                _ = self.received.compareExchange(expected: 0, desired: number, ordering: .relaxed)
            }
            // Registration is asynchronous: wait for it, so no signal is ignored in between.
            let registered = DispatchSemaphore(value: 0)
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            registered.wait()
            sources.append(source)
        }
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
