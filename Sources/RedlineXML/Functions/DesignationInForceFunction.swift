import CLibXML2

/// `rl:designation-in-force(events)`: whether any designation event is still in force at the
/// evaluation date: not past its `until`, and not ended by a later `delisting` event beside it
/// about the same subject (and the same list, when both name one).
enum DesignationInForceFunction: RedlineFunction {
    static let descriptor = RedlineFunctionDescriptor(
        name: "designation-in-force", parameters: ["events"], result: .boolean,
        summary: "true if any designation event has not ended by the evaluation date: neither its until date nor a "
            + "delisting event of the same subject (and list) on or after its date has passed",
        examples: [
            RedlineFunctionExample("rl:designation-in-force(event[@type = 'designation'])", "true"),
            RedlineFunctionExample("rl:designation-in-force(event[@type = 'designation'][1])", "false"),
            RedlineFunctionExample("rl:designation-in-force(event[@type = 'designation'][2])", "false"),
            RedlineFunctionExample("rl:designation-in-force(event[@type = 'designation'][3])", "true"),
            RedlineFunctionExample(
                "rl:designation-in-force(event[@type = 'designation'][1])", "true", asOf: "2020-06-01"),
        ])

    static func evaluate(_ arguments: some RedlineFunctionArguments) throws(RedlineFunctionFailure) -> XPathValue {
        let asOf = arguments.environment.asOf
        return .boolean(try arguments.anyNode(0) { node in Self.isInForce(node, asOf: asOf) })
    }

    /// Whether one designation element is in force at `asOf`.
    static func isInForce(_ node: xmlNodePtr, asOf: LocalDate) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE else { return false }
        if let until = RedlineFunctions.attribute("until", of: node).flatMap({ LocalDate($0) }), until <= asOf {
            return false
        }
        let designated = RedlineFunctions.attribute("date", of: node).flatMap { LocalDate($0) }
        if let designated, asOf < designated { return false }
        let subjects = Set(RedlineFunctions.childTexts("subject", of: node).map(NameNormalizer.normalize))
        let list = RedlineFunctions.childTexts("list", of: node).first.map(NameNormalizer.normalize)
        var sibling = node.pointee.parent?.pointee.children
        while let current = sibling {
            sibling = current.pointee.next
            guard current != node, current.pointee.type == XML_ELEMENT_NODE,
                RedlineFunctions.attribute("type", of: current) == "delisting",
                let date = RedlineFunctions.attribute("date", of: current).flatMap({ LocalDate($0) }), date <= asOf,
                designated.map({ $0 <= date }) ?? true
            else { continue }
            let delisted = RedlineFunctions.childTexts("subject", of: current).map(NameNormalizer.normalize)
            guard delisted.contains(where: subjects.contains) else { continue }
            let delistedList = RedlineFunctions.childTexts("list", of: current).first.map(NameNormalizer.normalize)
            if let list, let delistedList, list != delistedList { continue }
            return false
        }
        return true
    }
}
