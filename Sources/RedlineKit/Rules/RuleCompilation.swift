/// What compiling one rule collects: its expressions as written and, in lint mode, every
/// problem of the rule (outside lint mode the first problem is thrown instead).
struct RuleCompilation {
    /// The rule's id (for messages).
    let id: String
    /// Where the rule starts.
    let position: SourcePosition
    /// Whether problems are collected (lint mode).
    let collects: Bool
    /// The problems found so far.
    var errors: [RedlineError] = []
    /// Whether the rule is unusable even when `errors` is empty (a problem the schema reported).
    var isBroken = false
    /// Every expression the rule writes, compiled or not, in document order.
    var written: [RuleSetLoader.ExpressionSource] = []

    /// Collects `error`, or throws it when not collecting.
    mutating func record(_ error: RedlineError) throws(RedlineError) {
        guard collects else { throw error }
        errors.append(error)
    }
}
