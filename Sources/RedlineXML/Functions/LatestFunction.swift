/// `rl:latest(nodes)`: the latest date among node values.
enum LatestFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "latest", parameters: ["nodes"], result: .string,
        summary: "the latest date among the nodes' values (empty if none)",
        examples: [
            RedlineFunctionExample("rl:latest(evidence/@date)", "2021-11-04"),
            RedlineFunctionExample("rl:latest(nothing)", ""),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        .string(try arguments.strings(0).compactMap { LocalDate($0) }.max()?.description ?? "")
    }
}
