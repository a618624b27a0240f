/// Where a rule-set loader's problems go: the first one is thrown (loading for evaluation), or
/// every one is collected and loading goes on (`redline rules lint`), so that every independent
/// problem is reported in one run.
struct LoadDiagnostics {
    /// Whether problems are collected instead of thrown.
    let collects: Bool
    /// The problems collected so far, in the order found (always empty when not collecting).
    private(set) var problems: [RedlineError] = []

    /// A sink that throws the first problem.
    static let throwing = LoadDiagnostics(collects: false)
    /// A sink that collects every problem.
    static let collecting = LoadDiagnostics(collects: true)

    /// Collects `error`, or throws it when not collecting.
    mutating func report(_ error: RedlineError) throws(RedlineError) {
        guard collects else { throw error }
        problems.append(error)
    }
}
