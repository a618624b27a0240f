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
}
