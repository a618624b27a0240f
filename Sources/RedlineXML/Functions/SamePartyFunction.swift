/// `rl:same-party(names, names)`: whether two sets of party names share a party.
enum SamePartyFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "same-party", parameters: ["names", "names"], result: .boolean,
        summary: "true if any name of the first set and any of the second normalise to the same key (aliases and "
            + "variants match)",
        examples: [
            RedlineFunctionExample("rl:same-party(party, 'CIRRUS BULGARIA LTD')", "true"),
            RedlineFunctionExample("rl:same-party(party, 'Candiru')", "false"),
            RedlineFunctionExample("rl:same-party(nothing, party)", "false"),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        let second = Set(try arguments.strings(1).map(NameNormalizer.normalize).filter { !$0.isEmpty })
        guard !second.isEmpty else { return .boolean(false) }
        return .boolean(try arguments.anyString(0) { second.contains(NameNormalizer.normalize($0)) })
    }
}
