/// The one writer of JSON text in redline: indentation, separators and string escaping for
/// every JSON document it writes, whatever builds the values (``PrettyJSONEncoder`` for
/// `Encodable` types, ``JSONValue`` for documents with ordered keys).
///
/// Two styles, each byte for byte what its readers have always received:
/// ``Style/encoder`` for the documented reports (`check`, `audit`, `explain` and `rules lint`
/// JSON) and ``Style/sarif`` for the SARIF log. Value type, no shared state.
struct JSONWriter: Sendable {
    /// How a document is laid out and which characters are escaped.
    struct Style: Sendable {
        /// Between a key and its value.
        var keySeparator: String
        /// Whether an empty array or object spans two lines (`[\n\n]`) instead of `[]`.
        var emptyContainersOnTwoLines: Bool
        /// Whether backspace and form feed are written `\b` and `\f` (else `\u0008`, `\u000c`).
        var shortEscapes: Bool
        /// Whether DEL (U+007F) is escaped.
        var escapesDelete: Bool

        /// As Foundation's `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys,
        /// .withoutEscapingSlashes]`: `"key" : value`, empty containers on two lines.
        static let encoder = Style(
            keySeparator: " : ", emptyContainersOnTwoLines: true, shortEscapes: true, escapesDelete: false)
        /// The SARIF log: `"key": value`, `[]` and `{}`, DEL escaped.
        static let sarif = Style(
            keySeparator: ": ", emptyContainersOnTwoLines: false, shortEscapes: false, escapesDelete: true)
    }

    /// The style.
    let style: Style

    /// Two spaces per level.
    static func indent(_ depth: Int) -> String { String(repeating: "  ", count: depth) }

    /// A number as `JSONEncoder` writes a `Double`: integral values without `.0`.
    static func number(_ value: Double) -> String {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// Appends a JSON string literal (slashes unescaped).
    func quote(_ text: String, into out: inout String) {
        out += "\""
        let escapesDelete = style.escapesDelete
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || ($0 == 0x7F && escapesDelete) }) {
            out += text
            return out += "\""
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}" where style.shortEscapes: out += "\\b"
            case "\u{0C}" where style.shortEscapes: out += "\\f"
            default:
                if scalar.value < 0x20 || (scalar.value == 0x7F && style.escapesDelete) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Appends an array whose items `write` appends, the array starting at `depth` levels.
    func array<Item>(_ items: [Item], depth: Int, into out: inout String, _ write: (Item, Int, inout String) -> Void) {
        container("[", "]", items, depth: depth, into: &out) { item, depth, out in write(item, depth, &out) }
    }

    /// Appends an object with `pairs` in the order given, whose values `write` appends.
    func object<Value>(
        _ pairs: [(key: String, value: Value)], depth: Int, into out: inout String,
        _ write: (Value, Int, inout String) -> Void
    ) {
        container("{", "}", pairs, depth: depth, into: &out) { pair, depth, out in
            quote(pair.key, into: &out)
            out += style.keySeparator
            write(pair.value, depth, &out)
        }
    }

    private func container<Item>(
        _ open: String, _ close: String, _ items: [Item], depth: Int, into out: inout String,
        _ write: (Item, Int, inout String) -> Void
    ) {
        guard !items.isEmpty else {
            out += style.emptyContainersOnTwoLines ? open + "\n\n" + Self.indent(depth) + close : open + close
            return
        }
        out += open + "\n"
        let inner = Self.indent(depth + 1)
        for (index, item) in items.enumerated() {
            out += inner
            write(item, depth + 1, &out)
            out += index == items.count - 1 ? "\n" : ",\n"
        }
        out += Self.indent(depth) + close
    }
}
