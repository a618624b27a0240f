/// A point in time on the monotonic clock after which a record's evaluation stops.
///
/// Checked between steps (before schema validation and before each rule), never inside one:
/// a single XPath evaluation is bounded by the operation limit instead. Results do not depend
/// on the clock unless the deadline passes.
package struct Deadline {
    private let instant: ContinuousClock.Instant?
    /// A request to stop that ends the deadline early.
    private let cancellation: Cancellation?

    /// A deadline `seconds` from now; none when `seconds` is infinite or NaN.
    package init(seconds: Double, cancellation: Cancellation? = nil) {
        self.cancellation = cancellation
        guard seconds.isFinite else {
            instant = nil
            return
        }
        // Far beyond any record's evaluation; also keeps Duration's range safe.
        let bounded = min(max(seconds, 0), 1_000_000_000)
        instant = ContinuousClock.now.advanced(by: .seconds(bounded))
    }

    /// Whether the deadline has passed (always true for a deadline of zero seconds).
    package var hasPassed: Bool {
        if let cancellation, cancellation.isCancelled { return true }
        guard let instant else { return false }
        return ContinuousClock.now >= instant
    }
}
