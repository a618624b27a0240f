import Dispatch
import Synchronization

/// The one parallel map of redline: `transform` of `0..<count` on up to `jobs` threads, the
/// results in index order whatever the threads did, so output never depends on `--jobs`.
///
/// Workers take the next index from a shared counter (no fixed split: a slow record does not
/// hold back the others). When a transform throws, the remaining indices are still mapped
/// and the first error thrown is rethrown.
func parallelMap<T: Sendable, E: Error>(
    _ count: Int, jobs: Int, _ transform: @Sendable (Int) throws(E) -> T
) throws(E) -> [T] {
    let slots = Mutex([T?](repeating: nil, count: count))
    let failure = Mutex<E?>(nil)
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
        while true {
            let index = next.add(1, ordering: .relaxed).oldValue
            guard index < count else { break }
            do throws(E) {
                let value = try transform(index)
                slots.withLock { $0[index] = value }
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    return slots.withLock { $0.map { $0! } }
}
