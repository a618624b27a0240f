/// Why a ``RedlineFunction`` gives no value. libxml2 reports it as an XPath error; the native
/// evaluator gives up and leaves the expression to libxml2, which reports it.
enum RedlineFunctionFailure: Error {
    /// A list id the rule set does not declare.
    case unknownList(String)
    /// An argument that must be a node-set is not.
    case invalidType
    /// The evaluation's operation limit is passed.
    case operationLimit
    /// The native evaluator gave up evaluating an argument.
    case gaveUp
    /// The record's deadline passed while the function ran.
    case timeLimit
}
