/// `rl:screening(list-id, value)`: how a value matches a party list, for a finding's message.
enum ScreeningFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "screening", parameters: ["list-id", "value"], result: .string, list: .only(.party),
        summary: "how the value (a string, or the first node's string value) matches the list on the evaluation "
            + "date: the entry's matched name, id, list, programme, legal act, listing date and file version, the "
            + "score and the tier (`hit` or `possible match`); empty for no match",
        examples: [
            RedlineFunctionExample(
                "rl:screening('parties', 'NSO Grup Technologies')",
                "\"NSO Group\" of entry parties#1 — list parties (examples:0), listed from 2021-11-04; examples, "
                    + "score 0.82, possible match"),
            RedlineFunctionExample(
                "rl:screening('parties', party)",
                "\"NSO Group\" of entry parties#1 — list parties (examples:0), listed from 2021-11-04; examples, "
                    + "score 0.81, possible match"),
            RedlineFunctionExample(
                "rl:screening('parties', 'NSO Group Ltd.')",
                "\"NSO Group\" of entry parties#1 — list parties (examples:0), listed from 2021-11-04; examples, "
                    + "score 1.00, hit"),
            RedlineFunctionExample("rl:screening('parties', 'Lumivaara Networks Oy')", ""),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        let list = try arguments.list(0)
        let value = try arguments.string(1)
        let screening = arguments.environment.screening(of: value, in: list)
        try arguments.charge(screening.work)
        guard let found = screening.match else { return .string("") }
        return .string(
            "\(found.entry), score \(Self.score(found.score)), \(found.tier == .hit ? "hit" : "possible match")")
    }

    /// Two decimals, as every report shows a score (`0.90`).
    static func score(_ value: Double) -> String {
        let hundredths = Int((max(0, min(1, value)) * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
