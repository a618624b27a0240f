import CLibXML2

extension XMLDocument {
    /// Removes every element whose `date` attribute (no namespace) is later than `asOf`: it does
    /// not exist yet. A descendant of a removed element goes with it.
    ///
    /// A walk over the element tree (the same elements as `//*[@date]`, outermost first) instead
    /// of an XPath evaluation: this runs once per record, before every rule.
    package func removeElements(datedAfter asOf: LocalDate) {
        var doomed: [xmlNodePtr] = []
        var stack: [xmlNodePtr] = []
        if let root = xmlDocGetRootElement(pointer) { stack.append(root) }
        while let node = stack.popLast() {
            if XMLDocument.isDated(node, after: asOf) {
                doomed.append(node)  // its descendants go with it: do not look inside
                continue
            }
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { stack.append(current) }
                child = current.pointee.next
            }
        }
        for node in doomed {
            xmlUnlinkNode(node)
            xmlFreeNode(node)
        }
    }

    /// Whether the element has a `date` attribute without namespace that is a date after `asOf`.
    private static func isDated(_ node: xmlNodePtr, after asOf: LocalDate) -> Bool {
        var attribute = node.pointee.properties
        while let current = attribute {
            if current.pointee.ns == nil, xmlStrEqual(current.pointee.name, "date") != 0 {
                guard let raw = String(xmlOwned: xmlGetNoNsProp(node, "date")), let date = LocalDate(raw) else {
                    return false
                }
                return asOf < date
            }
            attribute = current.pointee.next
        }
        return false
    }
}
