/// What is known about one of redline's XPath functions besides its implementation: its name
/// and parameters (whose count is its arity), what it returns, its documentation and its
/// examples. The only place a function's name and arity are written.
package struct RedlineFunctionDescriptor: Sendable {
    /// The type of value a function returns.
    package enum Result: String, Sendable {
        /// A boolean, a number or a string (never a node-set).
        case boolean, number, string
    }

    /// The kinds of reference list a function's first argument may name.
    package enum ListParameter: Sendable, Equatable {
        /// A list of any kind.
        case anyKind
        /// Only a list of this kind.
        case only(ReferenceList.Kind)
    }

    /// The local name (`in-list`); rules write it with a prefix bound to the functions' namespace.
    package let name: String
    /// The parameters' names, as the documentation shows them; their count is the arity.
    package let parameters: [String]
    /// The type of the value returned.
    package let result: Result
    /// Whether the first argument names a reference list (the loader checks a literal id).
    package let list: ListParameter?
    /// What the function returns, in the words of the documentation's table (Markdown).
    package let summary: String
    /// Expressions and the values they must give, run as tests through both evaluators.
    package let examples: [RedlineFunctionExample]

    /// The number of arguments the function takes.
    package var arity: Int { parameters.count }

    /// The name with the conventional prefix: `rl:in-list`.
    package var prefixedName: String { "\(RedlineFunctions.prefix):\(name)" }

    /// The call as the documentation shows it: `rl:in-list(list-id, values)`.
    package var signature: String { "\(prefixedName)(\(parameters.joined(separator: ", ")))" }

    init(
        name: String, parameters: [String], result: Result, list: ListParameter? = nil, summary: String,
        examples: [RedlineFunctionExample]
    ) {
        (self.name, self.parameters, self.result) = (name, parameters, result)
        (self.list, self.summary, self.examples) = (list, summary, examples)
    }
}
