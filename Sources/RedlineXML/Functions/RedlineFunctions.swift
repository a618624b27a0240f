import CLibXML2

/// redline's own XPath functions, in the namespace ``namespace`` (prefix `rl` in rule files):
/// the one table of them, and what their implementations share. Each function is a
/// ``RedlineFunction`` in a file of its own; docs/rule-language.md shows their descriptors'
/// table, and a test keeps it in step.
public enum RedlineFunctions {
    /// The functions' namespace URI.
    public static let namespace = "urn:redline:functions:1"

    /// The prefix rule files bind to ``namespace`` (the documentation's and the default rule set's).
    package static let prefix = "rl"

    /// Every function, in the documentation's order.
    static let all: [any RedlineFunction.Type] = [
        InListFunction.self, ContainsAnyFunction.self, AsOfFunction.self, DaysFunction.self, DaysSinceFunction.self,
        MonthsBetweenFunction.self, LatestFunction.self, IndependentFunction.self, SelfDeclaredFunction.self,
        HasTokensFunction.self, NormalizeNameFunction.self, SamePartyFunction.self, EstablishedFunction.self,
        DesignationInForceFunction.self, PossibleMatchFunction.self, ScreeningFunction.self,
    ]

    /// The functions by local name.
    static let named: [String: any RedlineFunction.Type] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.descriptor.name, $0) })

    /// Every function's descriptor, in the documentation's order.
    package static var descriptors: [RedlineFunctionDescriptor] { all.map { $0.descriptor } }

    /// The descriptor of the function with local name `name`, if there is one.
    package static func descriptor(named name: String) -> RedlineFunctionDescriptor? {
        named[name]?.descriptor
    }

    /// The documentation's table of the functions (Markdown), one row per descriptor.
    package static var markdownTable: String {
        var table = "| function | returns |\n|---|---|\n"
        for descriptor in descriptors { table += "| `\(descriptor.signature)` | \(descriptor.summary) |\n" }
        return table
    }

    /// Provenance values that count as independent evidence.
    public static let independentProvenances: Set<String> = ["forensic", "court", "regulator", "audit", "independent"]

    /// The provenance of the element a node belongs to (an attribute or text counts for its
    /// element): its `provenance` attribute, or `self-declared` without one; nil for other nodes.
    static func provenance(of node: xmlNodePtr) -> String? {
        var element = node
        if node.pointee.type == XML_ATTRIBUTE_NODE || node.pointee.type == XML_TEXT_NODE {
            guard let parent = node.pointee.parent else { return nil }
            element = parent
        }
        guard element.pointee.type == XML_ELEMENT_NODE else { return nil }
        guard let value = xmlGetNoNsProp(element, "provenance") else { return "self-declared" }
        defer { redline_xmlFree(value) }
        return String(cString: value).trimmingWhitespace().description
    }

    /// How far the claim of the element a node belongs to is established: its `verification`
    /// attribute, else the default of its provenance (court → adjudicated; forensic, regulator,
    /// audit → confirmed; anything else → alleged); nil for nodes that belong to no element.
    static func verification(of node: xmlNodePtr) -> String? {
        var element = node
        if node.pointee.type == XML_ATTRIBUTE_NODE || node.pointee.type == XML_TEXT_NODE {
            guard let parent = node.pointee.parent else { return nil }
            element = parent
        }
        guard element.pointee.type == XML_ELEMENT_NODE else { return nil }
        if let explicit = attribute("verification", of: element) { return explicit }
        switch provenance(of: element) {
        case "court": return "adjudicated"
        case "forensic", "regulator", "audit": return "confirmed"
        default: return "alleged"
        }
    }

    /// An element's attribute without a namespace, trimmed; nil when absent.
    static func attribute(_ name: String, of element: xmlNodePtr) -> String? {
        guard let value = xmlGetNoNsProp(element, name) else { return nil }
        defer { redline_xmlFree(value) }
        return String(cString: value).trimmingWhitespace().description
    }

    /// The trimmed text of each child element named `name` (any namespace), in order.
    static func childTexts(_ name: String, of element: xmlNodePtr) -> [String] {
        var texts: [String] = []
        var child = element.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name) == name,
                let content = xmlNodeGetContent(current)
            else { continue }
            defer { redline_xmlFree(content) }
            texts.append(String(cString: content).trimmingWhitespace().description)
        }
        return texts
    }

    /// The whitespace-separated tokens of a text (an ASCII fast path gives the same tokens).
    static func tokens(_ text: String) -> [Substring] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.split(whereSeparator: UInt8.isASCIIWhitespace).map { Substring($0) }
        }
        return text.split(whereSeparator: \.isWhitespace)
    }
}
