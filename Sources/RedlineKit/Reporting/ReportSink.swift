/// Where a reporter writes. RedlineKit never does I/O itself: the CLI provides sinks over files
/// and standard output; tests use ``MemorySink``.
public protocol ReportSink: AnyObject {
    /// Appends text.
    func write(_ text: String) throws
}

/// A sink that can be read back: reporters that must put totals before the body (SARIF artifacts,
/// the Markdown summary) spill the body here while streaming and copy it out when finishing.
public protocol SpillSink: ReportSink {
    /// Writes everything written so far into `sink`, then forgets it.
    func replay(into sink: any ReportSink) throws
}

/// An in-memory sink (for tests and small outputs).
public final class MemorySink: SpillSink {
    /// Everything written.
    public private(set) var text = ""

    /// Creates an empty sink.
    public init() {}

    public func write(_ text: String) throws { self.text += text }

    public func replay(into sink: any ReportSink) throws {
        try sink.write(text)
        text = ""
    }
}
