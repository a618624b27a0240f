import ArgumentParser
import RedlineKit

/// redline's documented exit codes.
enum ExitStatus {
    /// Every verdict is the clean one.
    static let clean: Int32 = 0
    /// At least one verdict is not clean (refuse, approve-with-conditions, review, suspend, revoke…).
    static let notClean: Int32 = 1
    /// At least one input could not be evaluated: unreadable, too large, malformed, hostile, schema-invalid.
    static let inputError: Int32 = 2
    /// The rule set could not be loaded.
    static let badRules: Int32 = 3
    /// Bad command-line usage (ArgumentParser's validation exit code).
    static let usage: Int32 = 64

    /// The status for what a run's records mean at a fail level.
    static func of(_ outcome: AuditFailLevel.Outcome) -> Int32 {
        switch outcome {
        case .pass: clean
        case .policyFailed: notClean
        case .inputError: inputError
        }
    }

    /// The status for a set of reports: input errors outrank unclean verdicts.
    static func of(_ reports: [RecordReport]) -> Int32 {
        if reports.contains(where: { $0.status != .evaluated }) { return inputError }
        if reports.contains(where: { !$0.isClean }) { return notClean }
        return clean
    }
}
