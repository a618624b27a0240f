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

    /// The most violations listed for one document; the rest are counted in one last violation.
    public static let maxListedViolations = 100

    private final class ViolationCollector {
        var violations: [Violation] = []
        var omitted = 0
        var firstOmittedLine = 0
    }
}
