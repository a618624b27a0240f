/// `rl:in-list(list-id, values)`: whether a value is on a reference list on the evaluation date.
enum InListFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "in-list", parameters: ["list-id", "values"], result: .boolean, list: .anyKind,
        summary: "true if any value (a string, or each node's string value) matches an entry of the list "
            + "in force on the evaluation date",
        examples: [
            RedlineFunctionExample("rl:in-list('parties', party)", "true"),
            RedlineFunctionExample("rl:in-list('parties', party)", "false", asOf: "2021-11-03"),
            RedlineFunctionExample("rl:in-list('parties', 'nso group ltd')", "true"),
            RedlineFunctionExample("rl:in-list('countries', country)", "true"),
            RedlineFunctionExample("rl:in-list('countries', 'fr')", "false"),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        let list = try arguments.list(0, searchedFor: 1)
        guard !list.entries.isEmpty else { return .boolean(false) }
        let environment = arguments.environment
        return .boolean(
            try arguments.anyString(1) { value in
                list.match(key: environment.key(for: value, in: list), on: environment.asOf) != nil
            })
    }
}
