/// One requested report, `FORMAT[=FILE]`: a format and where it goes (standard output when
/// there is no file or the file is `-`).
public struct ReportRequest: Sendable, Hashable {
    /// The format.
    public var format: ReportFormat
    /// The file, if one was given.
    public var file: String?

    /// A request for `format` written to `file` (nil: standard output).
    public init(_ format: ReportFormat, file: String? = nil) {
        self.format = format
        self.file = file
    }

    /// Parses `FORMAT[=FILE]`; nil for an unknown format or an empty file name.
    public init?(_ argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard let format = ReportFormat.named(String(parts[0])) else { return nil }
        self.format = format
        if parts.count == 2 {
            guard !parts[1].isEmpty else { return nil }
            file = String(parts[1])
        }
    }

    /// Whether the report goes to standard output.
    public var toStandardOutput: Bool { file == nil || file == "-" }

    /// What is wrong with a set of requests, as a sentence for the user; nil when nothing is:
    /// a format that needs a file or takes none, a whole document sharing standard output, two
    /// reports in one file.
    public static func problem(with requests: [ReportRequest]) -> String? {
        for request in requests {
            let name = request.format.name
            if request.format.needsFile, request.toStandardOutput {
                return "--report \(name) needs a file: --report \(name)=FILE."
            }
            if !request.format.takesFile, !request.toStandardOutput {
                return "--report \(name) writes to standard output; it takes no file."
            }
        }
        let onStandardOutput = requests.filter(\.toStandardOutput)
        if onStandardOutput.count > 1, onStandardOutput.contains(where: \.format.isWholeDocument) {
            let documents = ReportFormat.all.filter(\.isWholeDocument).map(\.name)
            let named = documents.dropLast().joined(separator: ", ") + " or " + (documents.last ?? "")
            return "--report \(named) on standard output cannot be combined with another "
                + "report on standard output; give it a file (\(documents.first ?? "json")=FILE)."
        }
        let files = requests.compactMap { $0.toStandardOutput ? nil : $0.file }
        if Set(files).count != files.count { return "two --report options name the same file." }
        return nil
    }
}
