/// `rl:months-between(from, to)`: whole calendar months between two dates.
enum MonthsBetweenFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "months-between", parameters: ["from", "to"], result: .number,
        summary: "whole calendar months between two dates",
        examples: [
            RedlineFunctionExample("rl:months-between('2019-03-01', '2021-03-01')", "24"),
            RedlineFunctionExample("rl:months-between('2021-03-01', 'someday')", "NaN"),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        guard let from = try arguments.date(0), let to = try arguments.date(1) else { return .number(.nan) }
        return .number(Double(from.months(until: to)))
    }
}
