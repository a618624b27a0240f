/// One of redline's own XPath functions (namespace ``RedlineFunctions/namespace``, prefix `rl`):
/// a descriptor that names, documents and exemplifies it, and its one implementation on Swift
/// values, which both evaluators call (libxml2 through the callback ``RedlineFunctions`` registers,
/// the native evaluator directly).
///
/// To add a function, write a type conforming to this protocol in a file of its own, with
/// examples, and list it in ``RedlineFunctions/all``: the loader's checks, the linter, both
/// evaluators, the documentation table and the tests take everything else from the descriptor.
protocol RedlineFunction: SendableMetatype {
    /// The function's name, parameters, documentation and examples.
    static var descriptor: RedlineFunctionDescriptor { get }

    /// The function's value for `arguments` (as many as the descriptor's arity; the evaluators
    /// check the count before calling).
    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue

    /// ``evaluate(_:)`` for the native evaluator's arguments; functions keep the default
    /// implementation. Being a requirement, each function's witness is its ``evaluate(_:)``
    /// specialised for ``NativeFunctionArguments``: the hot path makes one dynamic call per
    /// function call, and none for the arguments.
    static func evaluateNatively(_ arguments: NativeFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue
}

extension RedlineFunction {
    /// ``evaluate(_:)``, specialised for the native evaluator's arguments.
    static func evaluateNatively(_ arguments: NativeFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        try evaluate(arguments)
    }
}
