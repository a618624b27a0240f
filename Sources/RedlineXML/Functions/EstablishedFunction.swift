import CLibXML2

/// `rl:established(nodes, level)`: whether any node's claim is established at least as far as
/// `level` (alleged < corroborated < confirmed < adjudicated).
enum EstablishedFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "established", parameters: ["nodes", "level"], result: .boolean,
        summary: "true if any node's claim is established at least as far as the level (alleged, corroborated, "
            + "confirmed, adjudicated): its verification attribute, else court → adjudicated, forensic, regulator or "
            + "audit → confirmed, anything else → alleged",
        examples: [
            RedlineFunctionExample("rl:established(evidence, 'adjudicated')", "true"),
            RedlineFunctionExample("rl:established(evidence[2], 'alleged')", "true"),
            RedlineFunctionExample("rl:established(evidence[2], 'corroborated')", "false"),
            RedlineFunctionExample("rl:established(event[@type = 'misuse-report'], 'corroborated')", "true"),
            RedlineFunctionExample("rl:established(event[@type = 'misuse-report'], 'confirmed')", "false"),
            RedlineFunctionExample("rl:established(evidence, 'proven')", "false"),
        ])

    /// How far a claim can be established, in order.
    static let levels = ["alleged", "corroborated", "confirmed", "adjudicated"]

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        guard let wanted = levels.firstIndex(of: try arguments.string(1)) else { return .boolean(false) }
        return .boolean(
            try arguments.anyNode(0) { node in
                guard let level = RedlineFunctions.verification(of: node), let rank = levels.firstIndex(of: level)
                else { return false }
                return rank >= wanted
            })
    }
}
