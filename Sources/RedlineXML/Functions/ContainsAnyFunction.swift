/// `rl:contains-any(list-id, text)`: whether a text contains a phrase of a list as whole words.
enum ContainsAnyFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "contains-any", parameters: ["list-id", "text"], result: .boolean, list: .only(.phrase),
        summary: "true if the text contains a phrase of a `phrase` list, as whole words, after normalisation",
        examples: [
            RedlineFunctionExample("rl:contains-any('phrases', statement)", "true"),
            RedlineFunctionExample("rl:contains-any('phrases', 'national securityguard')", "false"),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        var phrases = try arguments.list(0, searchedFor: 1)
        phrases.kind = .phrase
        let asOf = arguments.environment.asOf
        // Each phrase is searched for in the whole text: the search costs the text's length once
        // per phrase (the text itself was charged once as it was read).
        let searches = phrases.entries.count
        return .boolean(
            try arguments.anyString(1) { text throws(RedlineFunctionFailure) in
                try arguments.charge(searches * EvaluationEnvironment.cost(ofText: text.utf8.count))
                return phrases.match(text, on: asOf) != nil
            })
    }
}
