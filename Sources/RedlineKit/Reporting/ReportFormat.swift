/// One report format: its name, where it may go and how to make its reporters, for `redline
/// check --format` and `redline audit --report` alike. The formats are listed once, in
/// ``ReportFormat/all``; adding a format is adding a descriptor there.
public struct ReportFormat: Sendable, Hashable, CustomStringConvertible {
    /// Which command a report is made for.
    public enum Command: Sendable {
        /// `redline check`: every record with its citations and remedies, no waivers.
        case check
        /// `redline audit`: a batch for CI, with waivers and totals.
        case audit
    }

    /// Where a report may go.
    public enum Destination: Sendable {
        /// Standard output only.
        case standardOutput
        /// A file only.
        case file
        /// Standard output or a file.
        case standardOutputOrFile
    }

    /// Makes the reporters of one requested report.
    public typealias Factory = @Sendable (ReportOutput) throws -> [any AuditReporter]

    /// The name, as in `--report NAME[=FILE]`.
    public let name: String
    /// Where it may go.
    public let destination: Destination
    /// Whether, on standard output, it must be the only report there (one JSON or Markdown document).
    public let isWholeDocument: Bool
    private let audit: Factory
    private let check: Factory?

    /// A format; `check` is nil when `redline check` does not offer it.
    public init(
        name: String, destination: Destination, isWholeDocument: Bool = false, audit: @escaping Factory,
        check: Factory? = nil
    ) {
        self.name = name
        self.destination = destination
        self.isWholeDocument = isWholeDocument
        self.audit = audit
        self.check = check
    }

    /// Whether it can only be written to a file.
    public var needsFile: Bool { destination == .file }
    /// Whether it may be written to standard output.
    public var allowsStandardOutput: Bool { destination != .file }
    /// Whether it may be written to a file.
    public var takesFile: Bool { destination != .standardOutput }

    /// How it is requested: `text`, `json[=FILE]`, `sarif=FILE`.
    public var usage: String {
        switch destination {
        case .standardOutput: name
        case .file: name + "=FILE"
        case .standardOutputOrFile: name + "[=FILE]"
        }
    }

    /// Whether `command` offers the format.
    public func isOffered(by command: Command) -> Bool {
        switch command {
        case .check: check != nil
        case .audit: true
        }
    }

    /// The reporters that write the format for `command` to `output` (none when the command
    /// does not offer it).
    public func reporters(for command: Command, to output: ReportOutput) throws -> [any AuditReporter] {
        switch command {
        case .check: try check?(output) ?? []
        case .audit: try audit(output)
        }
    }

    /// The name.
    public var description: String { name }

    /// Formats are the same when their names are: a name is registered once.
    public static func == (a: ReportFormat, b: ReportFormat) -> Bool { a.name == b.name }

    /// Hashes the name.
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
