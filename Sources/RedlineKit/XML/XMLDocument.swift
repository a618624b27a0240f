import CLibXML2

/// A parsed XML document: the single, hardened entry point from bytes to a libxml2 tree.
///
/// Parsing never touches the network or the file system: no DTD loading, no entity
/// substitution, no XInclude, any DOCTYPE is rejected, an external-entity loader refuses
/// everything, the size, encoding, element count and attributes per element are checked before parsing
/// (``InputScanner``) and the depth after. Line numbers are kept
/// (`XML_PARSE_BIG_LINES`). A document is confined to one thread at a time.
public final class XMLDocument {
    let pointer: xmlDocPtr
    /// The path the document was read from (for messages).
    public let path: String

    /// Parses `bytes`; `path` names the input in errors.
    /// - Throws: ``RedlineError`` with code `tooLarge`, `malformed` or `hostile` and the line and column.
    public init(bytes: [UInt8], path: String, limits: XMLLimits = .default) throws(RedlineError) {
        XMLLibrary.ensureInitialized()
        self.path = path
        guard bytes.count <= limits.maxBytes else {
            throw RedlineError(
                .tooLarge, "document is \(bytes.count) bytes, more than the limit of \(limits.maxBytes) bytes",
                at: SourcePosition(file: path),
                suggestion: "split the document, or raise the limit with --max-bytes if the input is trusted")
        }
        guard !bytes.isEmpty else {
            throw RedlineError(
                .malformed, "document is empty", at: SourcePosition(file: path, line: 1, column: 1),
                suggestion: "the file must contain one XML document")
        }
        try InputScanner.check(bytes, path: path, limits: limits)
        guard let context = xmlNewParserCtxt() else {
            throw RedlineError(.malformed, "cannot create an XML parser (out of memory)", at: SourcePosition(file: path))
        }
        defer { xmlFreeParserCtxt(context) }
        var doctype: [Int32] = [0, 0, 0]
        let options = Int32(
            bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
        let document: xmlDocPtr? = doctype.withUnsafeMutableBufferPointer { flag in
            redline_install_doctype_stop(context, flag.baseAddress)
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), path, nil, options)
                }
            }
        }
        if doctype[0] != 0 {
            if let document { xmlFreeDoc(document) }
            throw RedlineError(
                .hostile, "document has a DOCTYPE declaration, which redline refuses (DTDs and entities are never processed)",
                at: SourcePosition(file: path, line: Int(doctype[1]), column: Int(doctype[2])),
                suggestion: "remove the <!DOCTYPE …> declaration; records and rule sets are validated against redline's XSDs instead")
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            throw XMLDocument.parseError(context: context, path: path)
        }
        let depth = XMLDocument.maxDepth(of: xmlDocGetRootElement(document))
        if depth > limits.maxDepth {
            // Freed here, before `pointer` is set: a throwing init with every property set runs deinit.
            xmlFreeDoc(document)
            throw RedlineError(
                .hostile, "elements are nested \(depth) deep, more than the limit of \(limits.maxDepth)",
                at: SourcePosition(file: path),
                suggestion: "flatten the document; licence records need far less nesting")
        }
        pointer = document
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The root element.
    public var root: XMLElement? {
        guard let node = xmlDocGetRootElement(pointer) else { return nil }
        return XMLElement(node: node, document: self)
    }

    private static func maxDepth(of root: xmlNodePtr?) -> Int {
        var deepest = 0
        var stack: [(xmlNodePtr, Int)] = []
        if let root { stack.append((root, 1)) }
        while let (node, depth) = stack.popLast() {
            deepest = max(deepest, depth)
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { stack.append((current, depth + 1)) }
                child = current.pointee.next
            }
        }
        return deepest
    }

    private static func parseError(context: xmlParserCtxtPtr, path: String) -> RedlineError {
        let error = context.pointee.lastError
        let line = Int(error.line)
        let column = Int(error.int2)
        let raw = error.message.map { String(cString: $0) } ?? "not well-formed XML"
        let message = raw.trimmingWhitespace().replacingSpacesRuns()
        let code = Int32(error.code)
        let hostileCodes: Set<Int32> = [
            Int32(XML_ERR_ENTITY_LOOP.rawValue), Int32(XML_ERR_ENTITY_NOT_FINISHED.rawValue),
            Int32(XML_ERR_UNDECLARED_ENTITY.rawValue), Int32(XML_WAR_UNDECLARED_ENTITY.rawValue),
            Int32(XML_ERR_INTERNAL_ERROR.rawValue),
        ]
        if message.contains("Excessive depth") {
            return RedlineError(
                .hostile, "elements are nested too deeply (libxml2 stops at 256 levels)",
                at: SourcePosition(file: path, line: line, column: column),
                suggestion: "flatten the document; licence records need far less nesting")
        }
        let suggestion: String
        if code == Int32(XML_ERR_INVALID_CHAR.rawValue) || code == Int32(XML_ERR_INVALID_ENCODING.rawValue)
            || message.contains("UTF-8") || message.contains("encoding")
        {
            suggestion = "save the file as UTF-8 (or declare its real encoding) and remove control characters"
        } else if code == Int32(XML_ERR_DOCUMENT_EMPTY.rawValue) || code == Int32(XML_ERR_DOCUMENT_END.rawValue) {
            suggestion = "the file must contain exactly one XML document; check for truncation or trailing content"
        } else {
            suggestion = "correct the XML at this position; every element must be closed and attributes quoted"
        }
        return RedlineError(
            hostileCodes.contains(code) ? .hostile : .malformed,
            "not well-formed XML: \(message)",
            at: SourcePosition(file: path, line: line, column: column),
            suggestion: suggestion)
    }
}

extension StringProtocol {
    /// Collapses runs of whitespace into single spaces.
    func replacingSpacesRuns() -> String {
        let bytes = self.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) {
            // ASCII only: the same result, byte by byte (rule messages are rendered for every finding).
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if UInt8.isASCIIWhitespace(byte) {
                    pendingSpace = !output.isEmpty
                } else {
                    if pendingSpace { output.append(0x20) }
                    pendingSpace = false
                    output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        var result = ""
        var lastWasSpace = false
        for character in self {
            if character.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        return result.trimmingWhitespace().description
    }
}
