/// An escaping function for one kind of output (``OutputEscaping``).
protocol EscapingStyle {
    /// `text` (data) as it may appear in this kind of output.
    static func escape(_ text: String) -> String
}

/// Text for a terminal or a CI log: ``OutputEscaping/terminal(_:)``.
enum TerminalStyle: EscapingStyle {
    static func escape(_ text: String) -> String { OutputEscaping.terminal(text) }
}

/// Markdown text: ``OutputEscaping/markdown(_:)``; `\(code: value)` for inline code.
enum MarkdownStyle: EscapingStyle {
    static func escape(_ text: String) -> String { OutputEscaping.markdown(text) }
}

/// A report's text for one kind of output, built by string interpolation: the literal parts
/// are the report's own template; every interpolated value is data and is escaped for the
/// kind (`\(path)` in a ``TerminalText`` is ``OutputEscaping/terminal(_:)`` of the path).
/// Another ``EscapedText`` of the same kind is interpolated as it is, so parts compose. There
/// is no way to put a run-time `String` in unescaped: every human-readable reporter writes
/// only these, so no call site can forget to escape.
struct EscapedText<Style: EscapingStyle>: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// The text as written.
    private(set) var text: String

    /// An empty text.
    init() { text = "" }

    /// A literal of the template.
    init(stringLiteral literal: StaticString) { text = literal.description }

    init(stringInterpolation: StringInterpolation) { text = stringInterpolation.text }

    /// Builds the text: literals as they are, values escaped.
    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate(set) var text = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: StaticString) { text += literal.description }

        /// Data: escaped.
        mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            text += Style.escape(value.description)
        }

        /// Text of the same kind, already escaped.
        mutating func appendInterpolation(_ value: EscapedText) { text += value.text }
    }

    static func + (lhs: EscapedText, rhs: EscapedText) -> EscapedText {
        var out = lhs
        out.text += rhs.text
        return out
    }

    static func += (lhs: inout EscapedText, rhs: EscapedText) { lhs.text += rhs.text }

    /// Whether nothing was written.
    var isEmpty: Bool { text.isEmpty }

    /// The size in UTF-8 bytes.
    var byteCount: Int { text.utf8.count }
}

extension EscapedText.StringInterpolation where Style == MarkdownStyle {
    /// Data as inline code: ``OutputEscaping/markdownCode(_:)``.
    mutating func appendInterpolation(code value: some CustomStringConvertible) {
        text += OutputEscaping.markdownCode(value.description)
    }
}

extension Sequence {
    /// The texts with `separator` between them.
    func joined<Style>(separator: EscapedText<Style>) -> EscapedText<Style> where Element == EscapedText<Style> {
        var out = EscapedText<Style>()
        for (index, item) in enumerated() {
            if index > 0 { out += separator }
            out += item
        }
        return out
    }

    /// The texts one after the other.
    func joined<Style>() -> EscapedText<Style> where Element == EscapedText<Style> { joined(separator: "") }
}

/// Text for a terminal or a CI log (``OutputEscaping/terminal(_:)`` on every value).
typealias TerminalText = EscapedText<TerminalStyle>
/// Markdown (``OutputEscaping/markdown(_:)`` on every value, `\(code: value)` for inline code).
typealias MarkdownText = EscapedText<MarkdownStyle>

extension ReportSink {
    /// Appends escaped text.
    func write<Style>(_ text: EscapedText<Style>) throws { try write(text.text) }
}
