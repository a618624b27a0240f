import CLibXML2

extension XMLDocument {
    /// Parses `bytes` as ``init(bytes:path:limits:)`` does (the same scan, options and hooks:
    /// no DTD, no entity, no network), but in chunks, handing `child` each element child of the
    /// root as soon as it is complete and freeing it before the parse goes on: a large list file
    /// never has more than one chunk's worth of its tree in memory. `root` sees the root element
    /// (without its children) first. The elements are valid only inside the calls.
    /// - Throws: ``RedlineError`` as ``init(bytes:path:limits:)``, or what a handler throws.
    package static func stream(
        bytes: [UInt8], path: String, limits: XMLLimits, chunkSize: Int = 1 << 18,
        root: (XMLElement) throws(RedlineError) -> Void, child: (XMLElement) throws(RedlineError) -> Void
    ) throws(RedlineError) {
        let deadline = try XMLDocument.admit(bytes, path: path, limits: limits)
        guard let context = xmlCreatePushParserCtxt(nil, nil, nil, 0, path) else {
            throw RedlineError(
                .malformed, "cannot create an XML parser (out of memory)", at: SourcePosition(file: path))
        }
        defer {
            if let tree = context.pointee.myDoc { xmlFreeDoc(tree) }
            context.pointee.myDoc = nil
            xmlFreeParserCtxt(context)
        }
        let options = Int32(
            bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
        xmlCtxtUseOptions(context, options)
        var state = redline_parse_state()
        var sawRoot = false
        var view: XMLDocument?
        try withUnsafeMutablePointer(to: &state) {
            (state: UnsafeMutablePointer<redline_parse_state>) throws(RedlineError) in
            redline_install_parse_hooks(context, state)
            defer { context.pointee._private = nil }
            var offset = 0
            while true {
                let count = min(chunkSize, bytes.count - offset)
                let last = offset + count == bytes.count
                let status = bytes.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { chars in
                        xmlParseChunk(context, chars.baseAddress.map { $0 + offset }, Int32(count), last ? 1 : 0)
                    }
                }
                offset += count
                if state.pointee.doctype != 0 {
                    throw RedlineError(
                        .hostile,
                        "document has a DOCTYPE declaration, which redline refuses (DTDs and entities are never "
                            + "processed)",
                        at: SourcePosition(
                            file: path, line: Int(state.pointee.doctypeLine), column: Int(state.pointee.doctypeColumn)),
                        suggestion: "remove the <!DOCTYPE …> declaration")
                }
                if status != 0 || context.pointee.wellFormed == 0 {
                    if let limit = XMLDocument.internalLimitError(state.pointee, path: path) { throw limit }
                    throw XMLDocument.parseError(context: context, state: state.pointee, bytes: bytes, path: path)
                }
                if deadline.hasPassed {
                    throw XMLDocument.parsingTookTooLong(path: path, limits: limits, at: SourcePosition(file: path))
                }
                if let tree = context.pointee.myDoc, let top = xmlDocGetRootElement(tree) {
                    let document = view ?? XMLDocument(borrowing: tree, path: path)
                    view = document
                    if !sawRoot {
                        sawRoot = true
                        try root(XMLElement(node: top, document: document))
                    }
                    // The child of the root the parser is still inside, if any: every child before
                    // it is complete.
                    var open: xmlNodePtr? = last ? nil : context.pointee.node
                    while let node = open, node != top, node.pointee.parent != top {
                        open = node.pointee.parent
                    }
                    if open == top { open = nil }
                    var next = top.pointee.children
                    while let node = next, node != open {
                        next = node.pointee.next
                        if node.pointee.type == XML_ELEMENT_NODE {
                            if XMLDocument.maxDepth(of: node) + 1 > limits.maxDepth {
                                throw RedlineError(
                                    .hostile, "elements are nested more than \(limits.maxDepth) deep",
                                    at: SourcePosition(file: path, line: Int(xmlGetLineNo(node))),
                                    suggestion: "flatten the document")
                            }
                            try child(XMLElement(node: node, document: document))
                        }
                        xmlUnlinkNode(node)
                        xmlFreeNode(node)
                    }
                }
                if last { break }
            }
        }
        guard sawRoot else {
            throw RedlineError(
                .malformed, "document has no root element", at: SourcePosition(file: path, line: 1, column: 1),
                suggestion: "the file must contain one XML document")
        }
    }
}
