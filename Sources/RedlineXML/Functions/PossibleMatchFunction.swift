/// `rl:possible-match(list-id, values)`: whether a value is a possible match, not a hit, for an
/// entry of a party list in force on the evaluation date.
enum PossibleMatchFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "possible-match", parameters: ["list-id", "values"], result: .boolean, list: .only(.party),
        summary: "true if any value is a possible match for a party-list entry in force on the evaluation date: a "
            + "fuzzy name score of at least 0.70, or a weak alias or former name, but not what `rl:in-list` finds "
            + "(docs/lists.md, \"Matching\")",
        examples: [
            RedlineFunctionExample("rl:possible-match('parties', 'NSO Grup Technologies')", "true"),
            RedlineFunctionExample(
                "rl:possible-match('parties', 'NSO Grup Technologies')", "false", asOf: "2021-11-03"),
            RedlineFunctionExample("rl:possible-match('parties', party)", "true"),
            RedlineFunctionExample("rl:possible-match('parties', 'NSO Group Ltd')", "false"),
            RedlineFunctionExample("rl:possible-match('parties', 'Positive Technologies')", "false"),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        let list = try arguments.list(0)
        guard list.screener != nil else { return .boolean(false) }
        let environment = arguments.environment
        return .boolean(
            try arguments.anyString(1) { (value: String) throws(RedlineFunctionFailure) -> Bool in
                let screening = environment.screening(of: value, in: list)
                try arguments.charge(screening.work)
                return screening.match?.tier == .possible
            })
    }
}
