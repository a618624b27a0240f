/// `rl:self-declared(nodes)`: whether any node is only declared by the exporter.
enum SelfDeclaredFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "self-declared", parameters: ["nodes"], result: .boolean,
        summary: "true if any node is self-declared (`provenance` absent or `self-declared`)",
        examples: [
            RedlineFunctionExample("rl:self-declared(evidence)", "true"),
            RedlineFunctionExample("rl:self-declared(evidence[1])", "false"),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        .boolean(try arguments.anyProvenance(0, independent: false))
    }
}
