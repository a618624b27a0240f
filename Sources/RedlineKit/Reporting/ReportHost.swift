/// What a report format may ask of the program that runs it (the CLI owns files, standard
/// output and the environment; the library never does output itself).
public protocol ReportHost: AnyObject {
    /// A new, empty sink that can be read back: scratch space for a report that must write its
    /// totals before its body, on the file system of `file` (the temporary directory for nil).
    func spill(near file: String?) throws -> any SpillSink

    /// The sink of the CI job summary (GitHub's `$GITHUB_STEP_SUMMARY`) the first time it is
    /// asked for, when the environment has one; nil otherwise.
    func jobSummary() throws -> (any SpillSink)?
}
