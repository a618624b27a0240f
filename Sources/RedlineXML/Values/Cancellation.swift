import Synchronization

/// A request to stop, made once from any thread (a signal's handler) and seen by every
/// evaluation in progress: a ``Deadline`` that carries it has passed as soon as it is made, so
/// a rule stops where it reads the clock (every 4,096 operations) instead of running to its end.
public final class Cancellation: Sendable, Hashable {
    private let flag = Atomic<Bool>(false)

    /// A request not yet made.
    public init() {}

    /// Makes the request; evaluations see it the next time they check their deadline.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether the request was made.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    public static func == (a: Cancellation, b: Cancellation) -> Bool { a === b }

    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
