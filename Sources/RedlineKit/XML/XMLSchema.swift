import CLibXML2
import Foundation

/// A compiled W3C XML Schema, shared by all threads; each validation uses its own context.
public final class XMLSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr
    /// The name the schema was loaded under.
    public let name: String

    /// One schema violation, with the line of the offending node.
    public struct Violation: Sendable, Hashable {
        /// 1-based line.
        public var line: Int
        /// libxml2's message, trimmed.
        public var message: String
        /// The stable element path of the offending node, when known.
        public var path: String?
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

    /// Validates a document; returns every violation (empty when valid).
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
                let message = error.pointee.message.map { String(cString: $0) } ?? "schema violation"
                var line = Int(error.pointee.line)
                var path: String?
                if let raw = error.pointee.node {
                    let node = raw.assumingMemoryBound(to: xmlNode.self)
                    if node.pointee.type == XML_ELEMENT_NODE || node.pointee.type == XML_ATTRIBUTE_NODE {
                        if line == 0 { line = Int(xmlGetLineNo(node)) }
                        path = XMLElement.path(of: node)
                    }
                }
                collector.violations.append(
                    Violation(line: line, message: XMLSchema.clean(message), path: path))
            }, unmanaged.toOpaque())
        let status = xmlSchemaValidateDoc(context, document.pointer)
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

    private final class ViolationCollector {
        var violations: [Violation] = []
    }
}
