/// `rl:days(date)`: a date as a day number, so that dates compare as numbers.
enum DaysFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "days", parameters: ["date"], result: .number,
        summary: "days since 1970-01-01 (NaN if not a date), so dates compare: `rl:days(a) < rl:days(b)`",
        examples: [
            RedlineFunctionExample("rl:days('1970-01-02')", "1"),
            RedlineFunctionExample("rl:days('not a date')", "NaN"),
            RedlineFunctionExample("rl:days(evidence[1]/@date) > rl:days(evidence[2]/@date)", "true"),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        .number(try arguments.date(0).map { Double($0.daysSinceEpoch) } ?? .nan)
    }
}
