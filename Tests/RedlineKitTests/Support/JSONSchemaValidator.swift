import Foundation

/// A focused JSON Schema (draft-04) validator for the subset the SARIF 2.1.0 schema uses:
/// `$ref` (local `#/definitions/…`), `type`, `properties`, `additionalProperties`, `required`,
/// `items`, `minItems`, `uniqueItems`, `minimum`, `maximum`, `pattern`, `enum`, `anyOf`, `oneOf`.
/// `format`, `default`, `description` and `title` are annotations (GitHub's upload-sarif also
/// only warns on `format`). An unknown keyword is an error, so the subset cannot silently shrink.
struct JSONSchemaValidator {
    let root: JSONNode

    static let known: Set<String> = [
        "$ref", "type", "properties", "additionalProperties", "required", "items", "minItems", "uniqueItems", "minimum",
        "maximum", "pattern", "enum", "anyOf", "oneOf", "format", "default", "description", "title", "$schema", "id",
        "definitions",
    ]

    init(schema: JSONNode) { root = schema }

    /// Every violation, as `json-path: message`.
    func validate(_ instance: JSONNode) -> [String] {
        var errors: [String] = []
        check(instance, against: root, at: "$", errors: &errors)
        return errors
    }

    private func resolve(_ reference: String) -> JSONNode? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: JSONNode? = root
        for part in reference.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    private func typeMatches(_ instance: JSONNode, _ type: String) -> Bool {
        switch (type, instance) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null):
            return true
        case ("number", .number): return true
        case ("integer", .number(_, let isInteger)): return isInteger
        default: return false
        }
    }

    private func check(_ instance: JSONNode, against schema: JSONNode, at path: String, errors: inout [String]) {
        guard case .object(let keywords) = schema else { return }
        for key in keywords.keys where !Self.known.contains(key) {
            errors.append("\(path): schema keyword '\(key)' not supported")
        }
        if let reference = keywords["$ref"]?.string {
            guard let target = resolve(reference) else {
                errors.append("\(path): unresolvable $ref \(reference)")
                return
            }
            check(instance, against: target, at: path, errors: &errors)
        }
        if let type = keywords["type"] {
            let types = type.array?.compactMap(\.string) ?? [type.string ?? ""]
            if !types.contains(where: { typeMatches(instance, $0) }) {
                errors.append("\(path): expected \(types.joined(separator: " or "))")
                return
            }
        }
        if let values = keywords["enum"]?.array, !values.contains(instance) {
            errors.append("\(path): value not in enum")
        }
        if let options = keywords["anyOf"]?.array {
            let matching = options.filter { option in
                var scratch: [String] = []
                check(instance, against: option, at: path, errors: &scratch)
                return scratch.isEmpty
            }
            if matching.isEmpty { errors.append("\(path): matches none of anyOf") }
        }
        if let options = keywords["oneOf"]?.array {
            let matching = options.filter { option in
                var scratch: [String] = []
                check(instance, against: option, at: path, errors: &scratch)
                return scratch.isEmpty
            }
            if matching.count != 1 { errors.append("\(path): matches \(matching.count) of oneOf, expected 1") }
        }
        switch instance {
        case .object(let members):
            for name in keywords["required"]?.array?.compactMap(\.string) ?? [] where members[name] == nil {
                errors.append("\(path): required property '\(name)' missing")
            }
            let properties: [String: JSONNode]
            if case .object(let declared)? = keywords["properties"] { properties = declared } else { properties = [:] }
            for (name, value) in members.sorted(by: { $0.key < $1.key }) {
                if let property = properties[name] {
                    check(value, against: property, at: "\(path).\(name)", errors: &errors)
                } else if let additional = keywords["additionalProperties"] {
                    if additional == .bool(false) {
                        errors.append("\(path): property '\(name)' not allowed")
                    } else {
                        check(value, against: additional, at: "\(path).\(name)", errors: &errors)
                    }
                }
            }
        case .array(let items):
            if let minimum = keywords["minItems"]?.int, items.count < minimum {
                errors.append("\(path): fewer than \(minimum) items")
            }
            if keywords["uniqueItems"] == .bool(true) {
                for (index, item) in items.enumerated() where items[..<index].contains(item) {
                    errors.append("\(path)[\(index)]: duplicate item")
                }
            }
            if let itemSchema = keywords["items"] {
                for (index, item) in items.enumerated() {
                    check(item, against: itemSchema, at: "\(path)[\(index)]", errors: &errors)
                }
            }
        case .number(let value, _):
            if case .number(let minimum, _)? = keywords["minimum"], value < minimum {
                errors.append("\(path): below minimum \(minimum)")
            }
            if case .number(let maximum, _)? = keywords["maximum"], value > maximum {
                errors.append("\(path): above maximum \(maximum)")
            }
        case .string(let text):
            if let pattern = keywords["pattern"]?.string {
                let regex = try? NSRegularExpression(pattern: pattern)
                let range = NSRange(text.startIndex..., in: text)
                if regex?.firstMatch(in: text, range: range) == nil {
                    errors.append("\(path): does not match pattern \(pattern)")
                }
            }
        default:
            break
        }
    }
}
