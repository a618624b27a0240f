/// Where one requested report goes and what its reporter may use.
public struct ReportOutput {
    /// The sink the report is written to.
    public var sink: any ReportSink
    /// The report file, nil for standard output.
    public var file: String?
    /// Whether ANSI colours may be used (standard output on a terminal).
    public var colour: Bool
    /// Scratch space and the job summary.
    public var host: any ReportHost

    /// Creates an output.
    public init(sink: any ReportSink, file: String?, colour: Bool, host: any ReportHost) {
        self.sink = sink
        self.file = file
        self.colour = colour
        self.host = host
    }
}
