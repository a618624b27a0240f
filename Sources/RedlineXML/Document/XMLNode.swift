import CLibXML2

/// A handle on one node of an ``XMLDocument`` (an element, attribute, text…), as an XPath
/// evaluation returns it. Valid while its document lives; the libxml2 pointer never leaves
/// this module.
package struct XMLNode: Hashable {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    /// The element or attribute the node stands for in messages: itself, or a text's (or other
    /// node's) parent element.
    private var placed: xmlNodePtr? {
        let type = pointer.pointee.type
        return type == XML_ELEMENT_NODE || type == XML_ATTRIBUTE_NODE ? pointer : pointer.pointee.parent
    }

    /// The 1-based source line of the node's element (an attribute or text has its element's
    /// line); nil for a node outside any element.
    package var line: Int? {
        guard let placed else { return nil }
        let element = placed.pointee.type == XML_ATTRIBUTE_NODE ? placed.pointee.parent : placed
        return element.map { Int(xmlGetLineNo($0)) }
    }

    /// The stable path of the node's element or attribute (``XMLElement/path``); nil for a
    /// node outside any element.
    package var path: String? {
        placed.map(XMLElement.path(of:))
    }

    /// The XPath string value of the node.
    package var stringValue: String {
        String(xmlOwned: xmlXPathCastNodeToString(pointer)) ?? ""
    }

    /// The provenance of the element the node belongs to (an attribute or text counts for its
    /// element): its `provenance` attribute, `self-declared` without one (or for other nodes).
    package var provenance: String {
        RedlineFunctions.provenance(of: pointer) ?? "self-declared"
    }
}
