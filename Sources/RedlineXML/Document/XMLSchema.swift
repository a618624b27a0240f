import CLibXML2
import Foundation

/// A compiled W3C XML Schema, shared by all threads; each validation uses its own context.
public final class XMLSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr
    /// The name the schema was loaded under.
    public let name: String

    /// One schema violation, with the line of the offending node and what libxml2 says about it:
    /// its error code and the names and values it concerns, for a message in the reader's terms.
    public struct Violation: Sendable, Hashable {
        /// 1-based line.
        public var line: Int
        /// libxml2's message, trimmed, without namespace URIs.
        public var message: String
        /// The stable element path of the offending node, when known.
        public var path: String?
        /// libxml2's error code (`xmlParserErrors`, e.g. 1871 `XML_SCHEMAV_ELEMENT_CONTENT`); 0 when none.
        public var code: Int = 0
        /// The local name of the offending element.
        public var element: String?
        /// The local name of its parent element.
        public var parent: String?
        /// The attribute the violation is about, when it is about one.
        public var attribute: String?
        /// The offending value (libxml2's first string), when there is one.
        public var value: String?
        /// The local names of the elements libxml2 expected instead (`Expected is ( … )`).
        public var expected: [String] = []
        /// The values an enumeration allows, when the value is not one of them.
        public var allowedValues: [String] = []
        /// The local names of the element's earlier sibling elements, in order.
        public var precedingSiblings: [String] = []
        /// The local names of the element's child elements, in order.
        public var children: [String] = []
        /// The element's own text (not its children's), whitespace collapsed, at most 60 characters.
        public var text: String = ""
        /// Whether libxml2 reports child elements missing at the end of the element (rather than
        /// an element that is not expected where it stands).
        public var missingChildren: Bool = false
    }

    /// Compiles a schema from its text. Schemas are trusted, embedded input (libxml2.md §2.3).
    public init(text: String, name: String) throws(RedlineError) {
        XMLLibrary.ensureInitialized()
        self.name = name
        let bytes = Array(text.utf8)
        // The parser context keeps the buffer pointer: parse inside the closure (libxml2.md P8).
        let schema: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let parser = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                xmlSchemaSetParserStructuredErrors(parser, { _, _ in }, nil)
                return xmlSchemaParse(parser)
            }
        }
        guard let schema else {
            throw RedlineError(.invalidRules, "schema \(name) does not compile", at: SourcePosition(file: name))
        }
        pointer = schema
    }

    deinit {
        xmlSchemaFree(pointer)
    }

    /// Validates a document; returns the violations (empty when valid): at most
    /// ``maxListedViolations`` of them, then one that counts the rest.
    public func validate(_ document: XMLDocument) -> [Violation] {
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            return [Violation(line: 0, message: "cannot create a schema validator (out of memory)")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = ViolationCollector()
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        xmlSchemaSetValidStructuredErrors(
            context,
            { data, error in
                guard let data, let error else { return }
                let collector = Unmanaged<ViolationCollector>.fromOpaque(data).takeUnretainedValue()
                // Past the cap only count: each path costs a walk over the node's siblings, so
                // listing 100,000 violations among as many siblings would take minutes.
                guard collector.violations.count < XMLSchema.maxListedViolations else {
                    if collector.omitted == 0 { collector.firstOmittedLine = Int(error.pointee.line) }
                    collector.omitted += 1
                    return
                }
                let message = error.pointee.message.map { String(cString: $0) } ?? "schema violation"
                var violation = Violation(line: Int(error.pointee.line), message: XMLSchema.clean(message))
                violation.code = Int(error.pointee.code)
                violation.value = error.pointee.str1.map { String(cString: $0) }
                XMLSchema.readDetails(of: message, into: &violation)
                if let raw = error.pointee.node {
                    let node = raw.assumingMemoryBound(to: xmlNode.self)
                    if node.pointee.type == XML_ELEMENT_NODE || node.pointee.type == XML_ATTRIBUTE_NODE {
                        if violation.line == 0 { violation.line = Int(xmlGetLineNo(node)) }
                        violation.path = XMLElement.path(of: node)
                        XMLSchema.readNeighbours(of: node, into: &violation)
                    }
                }
                collector.violations.append(violation)
            }, unmanaged.toOpaque())
        let status = xmlSchemaValidateDoc(context, document.pointer)
        if collector.omitted > 0 {
            collector.violations.append(
                Violation(
                    line: collector.firstOmittedLine,
                    message:
                        "\(collector.omitted) more schema violations are not listed (only the first "
                        + "\(XMLSchema.maxListedViolations) are)"
                ))
        }
        if status != 0 && collector.violations.isEmpty {
            collector.violations.append(Violation(line: 0, message: "document is not valid (libxml2 status \(status))"))
        }
        return collector.violations
    }

    /// Shortens libxml2's messages: `Element '{urn:…}name'` becomes `Element 'name'`.
    static func clean(_ message: String) -> String {
        var text = message.trimmingWhitespace().replacingSpacesRuns()
        while let open = text.range(of: "'{"), let close = text[open.upperBound...].firstIndex(of: "}") {
            text.replaceSubrange(open.lowerBound...close, with: "'")
        }
        return text
    }

    /// The names and values only libxml2's text holds: the attribute (`attribute 'x'`), the
    /// expected elements (`Expected is ( … )`), an enumeration's values (`{'a', 'b'}`).
    static func readDetails(of message: String, into violation: inout Violation) {
        func quoted(after marker: String, in text: Substring) -> Substring? {
            guard let start = text.range(of: marker) else { return nil }
            return text[start.upperBound...].prefix { $0 != "'" }
        }
        let text = Substring(message)
        violation.attribute = quoted(after: "attribute '", in: text).map(String.init)
        violation.missingChildren = message.contains("Missing child element")
        if let start = text.range(of: "Expected is "), let open = text[start.upperBound...].firstIndex(of: "("),
            let close = text[open...].firstIndex(of: ")")
        {
            violation.expected = text[text.index(after: open)..<close].split(separator: ",").map { name in
                let trimmed = name.trimmingWhitespace()
                return String(trimmed.split(separator: "}").last ?? trimmed)
            }
        }
        if violation.kind == .enumeration, let open = text.range(of: "set {"),
            let close = text[open.upperBound...].firstIndex(of: "}")
        {
            violation.allowedValues = text[open.upperBound..<close].split(separator: ",").map {
                String($0.trimmingWhitespace().dropFirst().dropLast())
            }
        }
    }

    /// The element's name, its parent's, its earlier siblings', its children's and its own text.
    static func readNeighbours(of node: xmlNodePtr, into violation: inout Violation) {
        let element = node.pointee.type == XML_ATTRIBUTE_NODE ? node.pointee.parent : node
        guard let element else { return }
        violation.element = String(cString: element.pointee.name)
        if let parent = element.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE {
            violation.parent = String(cString: parent.pointee.name)
            var sibling = parent.pointee.children
            while let current = sibling, current != element {
                if current.pointee.type == XML_ELEMENT_NODE {
                    violation.precedingSiblings.append(String(cString: current.pointee.name))
                }
                sibling = current.pointee.next
            }
        }
        var text = ""
        var child = element.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                violation.children.append(String(cString: current.pointee.name))
            } else if current.pointee.type == XML_TEXT_NODE, text.count < 60, let content = current.pointee.content {
                text += String(cString: content) + " "
            }
            child = current.pointee.next
        }
        violation.text = String(text.replacingSpacesRuns().trimmingWhitespace().prefix(60))
    }

    /// The most violations listed for one document; the rest are counted in one last violation.
    public static let maxListedViolations = 100

    private final class ViolationCollector {
        var violations: [Violation] = []
        var omitted = 0
        var firstOmittedLine = 0
    }
}
