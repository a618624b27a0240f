/// A JSON value with ordered object keys, rendered by ``JSONWriter`` (2-space indentation), so
/// streaming reporters can write one piece of a document at a time at a given depth.
enum JSONValue {
    case string(String)
    /// A number already formatted as JSON.
    case number(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// An object without the keys whose value is `nil`.
    static func object(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// The value's text in the SARIF style, indented as if it started at `depth` levels.
    func rendered(depth: Int = 0) -> String {
        var out = ""
        write(into: &out, depth: depth, with: JSONWriter(style: .sarif))
        return out
    }

    private func write(into out: inout String, depth: Int, with writer: JSONWriter) {
        switch self {
        case .string(let text): writer.quote(text, into: &out)
        case .number(let text): out += text
        case .int(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .array(let items):
            writer.array(items, depth: depth, into: &out) { item, depth, out in
                item.write(into: &out, depth: depth, with: writer)
            }
        case .object(let pairs):
            writer.object(pairs, depth: depth, into: &out) { value, depth, out in
                value.write(into: &out, depth: depth, with: writer)
            }
        }
    }
}
