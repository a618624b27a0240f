/// `rl:days-since(date)`: how many days before the evaluation date a date is.
enum DaysSinceFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "days-since", parameters: ["date"], result: .number,
        summary: "days from the date to the evaluation date",
        examples: [
            RedlineFunctionExample("rl:days-since('2021-11-01')", "3"),
            RedlineFunctionExample("rl:days-since('not a date')", "NaN"),
            RedlineFunctionExample("rl:days-since(evidence/@date)", "0"),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        let asOf = arguments.environment.asOf
        return .number(try arguments.date(0).map { Double(asOf.daysSinceEpoch - $0.daysSinceEpoch) } ?? .nan)
    }
}
