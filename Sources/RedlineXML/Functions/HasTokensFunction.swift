/// `rl:has-tokens(value, tokens)`: whether a space-separated value lists every token.
enum HasTokensFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "has-tokens", parameters: ["value", "tokens"], result: .boolean,
        summary: "true if the space-separated value contains every token, e.g. "
            + "`rl:has-tokens(@scope, 'operations end-use')`",
        examples: [
            RedlineFunctionExample("rl:has-tokens(scope, 'end-use operations')", "true"),
            RedlineFunctionExample("rl:has-tokens(scope, 'supply-chain')", "false"),
            RedlineFunctionExample("rl:has-tokens(scope, '')", "false"),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        let wanted = RedlineFunctions.tokens(try arguments.string(1))
        guard !wanted.isEmpty else { return .boolean(false) }
        let present = Set(try arguments.strings(0).flatMap(RedlineFunctions.tokens))
        return .boolean(wanted.allSatisfy { present.contains($0) })
    }
}
