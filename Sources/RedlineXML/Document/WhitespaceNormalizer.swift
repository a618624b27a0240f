import CLibXML2

/// Collapses whitespace in a validated record the way XSD's `xs:token` does (trim, and turn
/// every run of spaces, tabs and line breaks into one space), in every attribute value and in
/// the text of every element without child elements.
///
/// The schema validates `stage=" application"` or `<country> AE </country>` as the token it
/// means, but XPath compares the raw text: without this step, padding a value with whitespace
/// would make a record schema-valid and let it slip past the rules that compare it (found by
/// fuzzing: a record whose `stage` ended in a line break got neither a verdict nor an error).
/// Free-text fields only lose redundant whitespace, which messages drop anyway. Element lines
/// are kept; only text nodes are replaced, and only when something changes.
package enum WhitespaceNormalizer {
    /// Normalizes `document` in place.
    package static func normalize(_ document: XMLDocument) {
        guard let root = xmlDocGetRootElement(document.pointer) else { return }
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            var attribute = node.pointee.properties
            while let current = attribute {
                if let text = current.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
                    let content = text.pointee.content, needsNormalizing(content)
                {
                    xmlNodeSetContent(text, normalized(content))
                }
                attribute = current.pointee.next
            }
            var hasElementChild = false
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    hasElementChild = true
                    stack.append(current)
                }
                child = current.pointee.next
            }
            if !hasElementChild, let first = node.pointee.children {
                normalizeLeaf(node, first: first)
            }
        }
    }

    /// A leaf's text, possibly split by comments or processing instructions, becomes one
    /// normalized text node.
    private static func normalizeLeaf(_ node: xmlNodePtr, first: xmlNodePtr) {
        if first.pointee.next == nil, first.pointee.type == XML_TEXT_NODE {
            if let content = first.pointee.content, needsNormalizing(content) {
                xmlNodeSetContent(first, normalized(content))  // a text node's content is stored as is
            }
            return
        }
        guard let raw = xmlNodeGetContent(node) else { return }
        defer { redline_xmlFree(raw) }
        let text = normalized(raw)
        xmlNodeSetContent(node, nil)  // frees the children
        xmlNodeAddContent(node, text)  // one new text node, stored as is (no entity parsing)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether the text has leading or trailing whitespace, a tab or line break, or two spaces.
    private static func needsNormalizing(_ content: UnsafePointer<xmlChar>) -> Bool {
        var index = 0
        var previousWasSpace = true  // a space at the start counts as leading whitespace
        while content[index] != 0 {
            let byte = content[index]
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { return true }
            if byte == 0x20 {
                if previousWasSpace { return true }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
            index += 1
        }
        return index > 0 && previousWasSpace
    }

    private static func normalized(_ content: UnsafePointer<xmlChar>) -> String {
        var bytes: [UInt8] = []
        var index = 0
        var pendingSpace = false
        while content[index] != 0 {
            let byte = content[index]
            if isSpace(byte) {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
