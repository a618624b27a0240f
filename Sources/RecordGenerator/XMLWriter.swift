/// A minimal, allocation-light XML text builder: indented elements, escaped text and attributes.
struct XMLWriter {
    private(set) var text = ""
    private var depth = 0

    init() {
        text.reserveCapacity(6_000)
    }

    static func escape(_ value: String) -> String {
        guard value.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return value }
        var result = ""
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    private static func attributes(_ pairs: [(String, String?)]) -> String {
        var result = ""
        for (name, value) in pairs {
            guard let value else { continue }
            result += " \(name)=\"\(escape(value))\""
        }
        return result
    }

    private mutating func indent() {
        text += String(repeating: "  ", count: depth)
    }

    mutating func raw(_ line: String) {
        text += line
        text += "\n"
    }

    mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        indent()
        text += "<\(name)\(XMLWriter.attributes(attributes))>\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        indent()
        text += "</\(name)>\n"
    }

    /// `<name attrs>text</name>`, or `<name attrs/>` when `value` is nil.
    mutating func leaf(_ name: String, _ value: String?, _ attributes: [(String, String?)] = []) {
        indent()
        if let value {
            text += "<\(name)\(XMLWriter.attributes(attributes))>\(XMLWriter.escape(value))</\(name)>\n"
        } else {
            text += "<\(name)\(XMLWriter.attributes(attributes))/>\n"
        }
    }
}
