/// `rl:independent(nodes)`: whether any node carries independent provenance.
enum IndependentFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "independent", parameters: ["nodes"], result: .boolean,
        summary: "true if any node has independent provenance (forensic, court, regulator, audit, independent)",
        examples: [
            RedlineFunctionExample("rl:independent(evidence)", "true"),
            RedlineFunctionExample("rl:independent(evidence[2])", "false"),
            RedlineFunctionExample("rl:independent(evidence[1]/@date)", "true"),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        .boolean(try arguments.anyProvenance(0, independent: true))
    }
}
