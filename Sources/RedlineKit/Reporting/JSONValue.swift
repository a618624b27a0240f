/// A JSON value with ordered object keys, rendered deterministically (2-space indentation), so
/// streaming reporters can write one piece of a document at a time at a given depth.
enum JSONValue {
    case string(String)
    /// A number already formatted as JSON.
    case number(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// An object without the keys whose value is `nil`.
    static func object(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// The value's text, indented as if it started at `depth` levels.
    func rendered(depth: Int = 0) -> String {
        var out = ""
        write(into: &out, depth: depth)
        return out
    }

    private func write(into out: inout String, depth: Int) {
        switch self {
        case .string(let text): out += JSONValue.quote(text)
        case .number(let text): out += text
        case .int(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += JSONValue.indent(depth + 1)
                item.write(into: &out, depth: depth + 1)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += JSONValue.indent(depth) + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in pairs.enumerated() {
                out += JSONValue.indent(depth + 1) + JSONValue.quote(key) + ": "
                value.write(into: &out, depth: depth + 1)
                out += index == pairs.count - 1 ? "\n" : ",\n"
            }
            out += JSONValue.indent(depth) + "}"
        }
    }

    /// Two spaces per level.
    static func indent(_ depth: Int) -> String { String(repeating: "  ", count: depth) }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
