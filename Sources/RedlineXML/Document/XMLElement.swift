import CLibXML2

/// A read-only view of one element of an ``XMLDocument``, valid while the document lives.
public struct XMLElement {
    let node: xmlNodePtr
    /// The document that owns the element (kept alive by this reference).
    public let document: XMLDocument

    init(node: xmlNodePtr, document: XMLDocument) {
        self.node = node
        self.document = document
    }

    /// The local name, without prefix.
    public var name: String { String(cString: node.pointee.name) }

    /// The namespace URI, if any.
    public var namespaceURI: String? {
        guard let ns = node.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// The 1-based source line.
    public var line: Int { Int(xmlGetLineNo(node)) }

    /// The source position (column unknown: libxml2 does not keep it for nodes).
    public var position: SourcePosition { SourcePosition(file: document.path, line: line) }

    /// The value of an attribute without namespace, or `nil`.
    public func attribute(_ name: String) -> String? {
        String(xmlOwned: xmlGetNoNsProp(node, name))
    }

    /// All attributes without namespace, in document order: (name, line).
    public var attributeNames: [String] {
        var names: [String] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            names.append(String(cString: current.pointee.name))
            attribute = current.pointee.next
        }
        return names
    }

    /// The concatenated text of the element and its descendants.
    public var text: String {
        String(xmlOwned: xmlNodeGetContent(node)) ?? ""
    }

    /// The child elements, in document order.
    public var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(node: current, document: document)) }
            child = current.pointee.next
        }
        return result
    }

    /// The child elements with a given local name.
    public func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The first child element with a given local name.
    public func child(named name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    /// Mixed content: text runs and child elements, in order.
    public var content: [Content] {
        var result: [Content] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let text = String(xmlOwned: xmlNodeGetContent(current)) { result.append(.text(text)) }
            case XML_ELEMENT_NODE:
                result.append(.element(XMLElement(node: current, document: document)))
            default:
                break
            }
            child = current.pointee.next
        }
        return result
    }

    /// One piece of mixed content.
    public enum Content {
        /// A run of character data.
        case text(String)
        /// A child element.
        case element(XMLElement)
    }

    /// The element serialised as XML (with the namespace declarations it needs).
    public func serialized() -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        xmlNodeDump(buffer, document.pointer, node, 0, 0)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// A stable path of local names with 1-based positions among same-named siblings,
    /// e.g. `/licenceRecord/dueDiligence/impactAssessment[2]`. Independent of line numbers.
    public var path: String { XMLElement.path(of: node) }

    static func path(of start: xmlNodePtr) -> String {
        var parts: [String] = []
        var current: xmlNodePtr? = start
        while let node = current, node.pointee.type == XML_ELEMENT_NODE || node.pointee.type == XML_ATTRIBUTE_NODE {
            let name = String(cString: node.pointee.name)
            if node.pointee.type == XML_ATTRIBUTE_NODE {
                parts.append("@" + name)
                current = node.pointee.parent
                continue
            }
            var index = 1
            var total = 0
            var sibling = node.pointee.parent?.pointee.children
            while let other = sibling {
                if other.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(other.pointee.name, node.pointee.name) != 0 {
                    total += 1
                    if other == node { index = total }
                }
                sibling = other.pointee.next
            }
            parts.append(total > 1 ? "\(name)[\(index)]" : name)
            current = node.pointee.parent
        }
        return "/" + parts.reversed().joined(separator: "/")
    }
}
