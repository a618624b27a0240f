/// `rl:in-list(list-id, values)`: whether a value is on a reference list on the evaluation date
/// (for a party list, a hit of its screener: docs/lists.md, "Matching").
enum InListFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "in-list", parameters: ["list-id", "values"], result: .boolean, list: .anyKind,
        summary: "true if any value (a string, or each node's string value) matches an entry of the list "
            + "in force on the evaluation date; for a party list, a hit: the normalised name equals a strong name "
            + "of the entry (docs/lists.md, \"Matching\")",
        examples: [
            RedlineFunctionExample("rl:in-list('parties', 'nso group ltd')", "true"),
            RedlineFunctionExample("rl:in-list('parties', 'NSO Group Ltd.')", "false", asOf: "2021-11-03"),
            RedlineFunctionExample("rl:in-list('parties', party)", "false"),
            RedlineFunctionExample("rl:in-list('countries', country)", "true"),
            RedlineFunctionExample("rl:in-list('countries', 'fr')", "false"),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        let environment = arguments.environment
        let list = try arguments.list(0)
        if list.screener != nil {
            // A party list's hits are its screener's: an equal name of a strong name.
            return .boolean(
                try arguments.anyString(1) { (value: String) throws(RedlineFunctionFailure) -> Bool in
                    let screening = environment.screening(of: value, in: list)
                    try arguments.charge(screening.work)
                    return screening.match?.tier == .hit
                })
        }
        // Every other list is searched entry by entry: one operation per entry and value.
        try arguments.charge(arguments.valueCount(1) * list.entries.count)
        guard !list.entries.isEmpty else { return .boolean(false) }
        return .boolean(
            try arguments.anyString(1) { value in
                list.match(key: environment.key(for: value, in: list), on: environment.asOf) != nil
            })
    }
}
