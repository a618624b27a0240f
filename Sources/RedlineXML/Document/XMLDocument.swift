import CLibXML2

/// A parsed XML document: the single, hardened entry point from bytes to a libxml2 tree.
///
/// Parsing never touches the network or the file system: no DTD loading, no entity
/// substitution, no XInclude, any DOCTYPE is rejected, an external-entity loader refuses
/// everything, the size, encoding, element count and attributes per element are checked before parsing
/// (``InputScanner``) and the depth after. Line numbers are kept
/// (`XML_PARSE_BIG_LINES`). A document is confined to one thread at a time.
public final class XMLDocument {
    package let pointer: xmlDocPtr
    /// The path the document was read from (for messages).
    public let path: String
    /// Whether the document frees its tree (not a tree a streaming parse is still building).
    var owned = true
    /// Each element's position in document order (``documentOrder(of:)``), once asked for.
    private var elementOrder: [xmlNodePtr: Int]?

    /// Parses `bytes`; `path` names the input in errors.
    /// - Throws: ``RedlineError`` with code `tooLarge`, `malformed` or `hostile` and the line and column.
    public init(bytes: [UInt8], path: String, limits: XMLLimits = .default) throws(RedlineError) {
        self.path = path
        let deadline = try XMLDocument.admit(bytes, path: path, limits: limits)
        guard let context = xmlNewParserCtxt() else {
            throw RedlineError(
                .malformed, "cannot create an XML parser (out of memory)", at: SourcePosition(file: path))
        }
        defer { xmlFreeParserCtxt(context) }
        var state = redline_parse_state()
        let options = Int32(
            bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
        let document: xmlDocPtr? = withUnsafeMutablePointer(to: &state) { state in
            redline_install_parse_hooks(context, state)
            defer { context.pointee._private = nil }
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), path, nil, options)
                }
            }
        }
        if state.doctype != 0 {
            if let document { xmlFreeDoc(document) }
            throw RedlineError(
                .hostile,
                "document has a DOCTYPE declaration, which redline refuses (DTDs and entities are never processed)",
                at: SourcePosition(file: path, line: Int(state.doctypeLine), column: Int(state.doctypeColumn)),
                suggestion:
                    "remove the <!DOCTYPE …> declaration; records and rule sets are validated against redline's XSDs "
                    + "instead"
            )
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            if let limit = XMLDocument.internalLimitError(state, path: path) { throw limit }
            throw XMLDocument.parseError(context: context, state: state, bytes: bytes, path: path)
        }
        if deadline.hasPassed {
            xmlFreeDoc(document)
            throw XMLDocument.parsingTookTooLong(path: path, limits: limits, at: SourcePosition(file: path))
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

    /// The checks before any parse: the size, an empty file, and the scan (``InputScanner``).
    /// Parsing (the scan, libxml2's parse and the depth check) is the first phase of a record's
    /// time limit: a document that takes longer is an error that says so, not a rule problem.
    /// - Returns: the parse's deadline.
    static func admit(_ bytes: [UInt8], path: String, limits: XMLLimits) throws(RedlineError) -> Deadline {
        XMLLibrary.ensureInitialized()
        guard bytes.count <= limits.maxBytes else {
            throw RedlineError(
                .tooLarge, "document is \(bytes.count) bytes, more than the limit of \(limits.maxBytes) bytes",
                at: SourcePosition(file: path),
                suggestion: "split the document, or " + limits.raising("--max-bytes"))
        }
        guard !bytes.isEmpty else {
            throw RedlineError(
                .malformed, "document is empty", at: SourcePosition(file: path, line: 1, column: 1),
                suggestion: "the file must contain one XML document")
        }
        let deadline = Deadline(seconds: limits.maxSecondsPerRecord)
        try InputScanner.check(bytes, path: path, limits: limits, deadline: deadline)
        return deadline
    }

    deinit {
        if owned { xmlFreeDoc(pointer) }
    }

    /// A view of a tree that someone else frees (``stream(bytes:path:limits:root:child:)``).
    init(borrowing pointer: xmlDocPtr, path: String) {
        self.pointer = pointer
        self.path = path
        owned = false
    }

    /// The root element.
    public var root: XMLElement? {
        guard let node = xmlDocGetRootElement(pointer) else { return nil }
        return XMLElement(node: node, document: self)
    }

    /// The 0-based position of `element` among the document's elements in document order (the
    /// index of its start tag in a ``StartTagIndex`` of the same bytes); nil for an element of
    /// another document. The table is built on the first call, in one walk.
    package func documentOrder(of element: XMLElement) -> Int? {
        if elementOrder == nil {
            var order: [xmlNodePtr: Int] = [:]
            var stack: [xmlNodePtr] = []
            if let root = xmlDocGetRootElement(pointer) { stack.append(root) }
            while let node = stack.popLast() {
                order[node] = order.count
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let current = child {
                    if current.pointee.type == XML_ELEMENT_NODE { children.append(current) }
                    child = current.pointee.next
                }
                stack.append(contentsOf: children.reversed())
            }
            elementOrder = order
        }
        return elementOrder?[element.node]
    }

    /// The root element as a node handle, for XPath evaluation and locations.
    package var rootNode: XMLNode? {
        xmlDocGetRootElement(pointer).map(XMLNode.init)
    }

    static func maxDepth(of root: xmlNodePtr?) -> Int {
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

    /// The error for a document whose parsing passed the record's time limit (`position` is where
    /// the pre-parse scan stopped, or the file alone when libxml2's parse itself finished late).
    package static func parsingTookTooLong(path: String, limits: XMLLimits, at position: SourcePosition) -> RedlineError
    {
        RedlineError(
            .timeLimit,
            "parsing took longer than the limit of \(limits.maxSecondsPerRecord) s per record (no rule was run)",
            at: position,
            suggestion:
                "parsing this document takes longer than the limit allows: split it, or keep --max-bytes near its "
                + "default of 4 MiB; "
                + "raise --max-seconds-per-record only for trusted input")
    }

    /// libxml2's own limits (without `XML_PARSE_HUGE`, which redline never sets), recognised from
    /// the parse's first error: each is reported as `too-large` with the limit, instead of the
    /// follow-on error libxml2 leaves in `lastError` (for an over-long attribute value, "Extra
    /// content at the end of the document").
    private static let internalLimits: [(libxml2: String, what: String, limit: String)] = [
        ("AttValue length too long", "an attribute value", "10000000 bytes"),
        ("huge text node", "a text node", "10000000 bytes"),
        ("CData section too big", "a CDATA section", "10000000 bytes"),
        ("Comment too big", "a comment", "10000000 bytes"),
        ("too big found", "a processing instruction", "10000000 bytes"),
        ("Name too long", "a name", "50000 characters"),
        ("NCName too long", "a name", "50000 characters"),
        ("Huge input lookup", "a construct", "10000000 bytes"),
    ]

    static func internalLimitError(_ state: redline_parse_state, path: String) -> RedlineError? {
        guard state.errorCode != 0 else { return nil }
        let message = withUnsafeBytes(of: state.errorMessage) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }.trimmingWhitespace().replacingSpacesRuns()
        guard let limit = internalLimits.first(where: { message.contains($0.libxml2) }) else { return nil }
        return RedlineError(
            .tooLarge,
            "\(limit.what) is longer than libxml2's limit of \(limit.limit) (libxml2: \(message))",
            at: SourcePosition(file: path, line: Int(state.errorLine), column: Int(state.errorColumn)),
            suggestion:
                "shorten it: libxml2 refuses this whatever --max-bytes says (redline never enables XML_PARSE_HUGE); "
                + "licence records hold identifiers, dates and short statements, and long evidence belongs in a "
                + "referenced document"
        )
    }

    static func parseError(
        context: xmlParserCtxtPtr, state: redline_parse_state, bytes: [UInt8], path: String
    ) -> RedlineError {
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
        // The first error says what went wrong; libxml2's last one is often a follow-on ("Extra
        // content at the end of the document" after an unquoted attribute value).
        if state.errorCode != 0, !hostileCodes.contains(code), !hostileCodes.contains(Int32(state.errorCode)),
            let first = WellFormednessMessage(XMLDocument.firstError(state), bytes: bytes)
        {
            return RedlineError(
                .malformed, "not well-formed XML: \(first.message)",
                at: SourcePosition(file: path, line: first.line, column: first.column), suggestion: first.suggestion)
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

    /// The first error of a parse, as ``redline_first_error`` kept it.
    private static func firstError(_ state: redline_parse_state) -> WellFormednessMessage.Details {
        func text<T>(_ tuple: T) -> String {
            withUnsafeBytes(of: tuple) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return WellFormednessMessage.Details(
            code: Int32(state.errorCode), string1: text(state.errorString1), string2: text(state.errorString2),
            number: Int(state.errorNumber), line: Int(state.errorLine), column: Int(state.errorColumn))
    }
}

extension StringProtocol {
    /// Collapses runs of whitespace into single spaces.
    package func replacingSpacesRuns() -> String {
        var text = String(self)
        // ASCII only: the same result, byte by byte over the contiguous UTF-8 (rule messages are
        // rendered for every finding).
        let ascii: String? = text.withUTF8 { bytes in
            var isASCII = true
            for byte in bytes where byte >= 0x80 {
                isASCII = false
                break
            }
            guard isASCII else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { output in
                var count = 0
                var pendingSpace = false
                for byte in bytes {
                    if UInt8.isASCIIWhitespace(byte) {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace {
                            output[count] = 0x20
                            count += 1
                        }
                        pendingSpace = false
                        output[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
        if let ascii { return ascii }
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
