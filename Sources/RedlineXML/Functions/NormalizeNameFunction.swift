/// `rl:normalize-name(text)`: the key party names are compared by (see ``NameNormalizer``).
enum NormalizeNameFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "normalize-name", parameters: ["text"], result: .string,
        summary: "the party-name comparison key",
        examples: [RedlineFunctionExample("rl:normalize-name('  Cirrus Bulgaria E.O.O.D. ')", "cirrus bulgaria")])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        .string(NameNormalizer.normalize(try arguments.string(0)))
    }
}
