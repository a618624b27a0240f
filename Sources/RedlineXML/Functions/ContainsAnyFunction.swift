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
        return .boolean(try arguments.anyString(1) { phrases.match($0, on: asOf) != nil })
    }
}
