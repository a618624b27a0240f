/// The value one part of a condition had on a record: a node-set (with each node's place and
/// text), a boolean, a number or a string. What `redline explain` and `rules test` show.
public enum ConditionValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A node of a node-set.
    public struct Node: Sendable, Hashable, Codable {
        /// The stable element path (`/licenceRecord/parties/party[2]`, `…/@role`).
        public var path: String
        /// The 1-based source line.
        public var line: Int
        /// The node's string value, shortened.
        public var value: String
    }

    /// A node-set.
    case nodes([Node])
    /// A boolean.
    case boolean(Bool)
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// The part could not be evaluated.
    case error(String)

    /// The value converted to a boolean by XPath's rules (an error is false).
    public var truth: Bool {
        switch self {
        case .nodes(let nodes): return !nodes.isEmpty
        case .boolean(let value): return value
        case .number(let value): return value != 0 && !value.isNaN
        case .string(let value): return !value.isEmpty
        case .error: return false
        }
    }

    /// The most nodes a value description lists.
    static let shownNodes = 3

    /// A short description: `true`, `'AE'`, `3`, `no nodes`, `2 nodes: path (line 12) 'text', …`.
    public var description: String {
        switch self {
        case .nodes(let nodes):
            if nodes.isEmpty { return "no nodes" }
            var parts = nodes.prefix(ConditionValue.shownNodes).map { node in
                "\(node.path) (line \(node.line))" + (node.value.isEmpty ? "" : " '\(node.value)'")
            }
            if nodes.count > ConditionValue.shownNodes { parts.append("…") }
            return "\(nodes.count) node\(nodes.count == 1 ? "" : "s"): " + parts.joined(separator: ", ")
        case .boolean(let value): return value ? "true" : "false"
        case .number(let value):
            if value.isNaN { return "NaN" }
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return String(value)
        case .string(let value): return "'\(value)'"
        case .error(let message): return "error: \(message)"
        }
    }
}
