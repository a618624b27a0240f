import RedlineKit

/// A report host that keeps everything in memory: spills are ``MemorySink``s and there is no
/// job summary unless one is given.
public final class MemoryHost: ReportHost {
    /// The job summary handed out once, if any.
    public private(set) var summary: MemorySink?
    private var summaryGiven = false

    /// A host; with `jobSummary`, a Markdown report also writes a job summary there.
    public init(jobSummary: MemorySink? = nil) {
        summary = jobSummary
    }

    /// A new memory sink.
    public func spill(near file: String?) throws -> any SpillSink { MemorySink() }

    /// The job summary the first time, then nil.
    public func jobSummary() throws -> (any SpillSink)? {
        guard !summaryGiven else { return nil }
        summaryGiven = true
        return summary
    }
}
