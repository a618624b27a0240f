/// One input of an audit: a record file to evaluate, or a path that cannot be one (a FIFO, a
/// symlink loop, a directory named like a record…) and is reported as an error entry.
public struct AuditInput: Sendable, Hashable {
    /// The path shown in reports: relative to the audit's base directory when inside it.
    public var path: String
    /// The path to open (as reached from the command line or the directory walk).
    public var location: String
    /// Why this input cannot be evaluated, when that is known before reading it.
    public var error: RedlineError?
    /// The record's bytes when they were read already (standard input: `redline check -`).
    public var bytes: [UInt8]?

    /// Creates an input.
    public init(path: String, location: String, error: RedlineError? = nil) {
        self.path = path
        self.location = location
        self.error = error
    }

    /// An input whose bytes were read already (from standard input), named `path` in reports.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        location = path
        self.bytes = bytes
    }
}
