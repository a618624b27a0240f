/// `rl:as-of()`: the evaluation date.
enum AsOfFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "as-of", parameters: [], result: .string,
        summary: "the evaluation date, `YYYY-MM-DD`",
        examples: [
            RedlineFunctionExample("rl:as-of()", "2021-11-04"),
            RedlineFunctionExample("rl:as-of()", "2020-02-29", asOf: "2020-02-29"),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        .string(arguments.environment.asOf.description)
    }
}
