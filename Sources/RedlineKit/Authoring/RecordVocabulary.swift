/// The element and attribute names the licence-record schema declares, and the absolute paths
/// at which each element can occur, read from the embedded XSD. Used by the linter to warn
/// about conditions that can never be true and to suggest paths instead of `//`.
public struct RecordVocabulary: Sendable {
    /// Every declared element name.
    public let elements: Set<String>
    /// Every declared attribute name.
    public let attributes: Set<String>
    /// The paths from the root (`licenceRecord/parties/party`) at which each element occurs.
    public let paths: [String: [String]]
    /// The values an attribute can take, for attributes whose every declaration is an enumeration.
    public let attributeValues: [String: Set<String>]
    /// The values an element can hold, for elements whose every declaration is an enumeration.
    public let elementValues: [String: Set<String>]

    /// The vocabulary of the embedded licence-record schema.
    public static let record: RecordVocabulary = RecordVocabulary(schema: BuiltIn.file(BuiltIn.recordSchemaPath) ?? "")

    /// Reads a schema's text; an unreadable schema gives an empty vocabulary.
    public init(schema text: String) {
        guard let document = try? XMLDocument(bytes: Array(text.utf8), path: "schema"), let root = document.root else {
            elements = []
            attributes = []
            paths = [:]
            attributeValues = [:]
            elementValues = [:]
            return
        }
        var elementNames: Set<String> = []
        var attributeNames: Set<String> = []
        var globals: [String: XMLElement] = [:]
        var types: [String: XMLElement] = [:]
        func walk(_ element: XMLElement) {
            if let name = element.attribute("name") {
                if element.name == "element" { elementNames.insert(name) }
                if element.name == "attribute" { attributeNames.insert(name) }
            }
            element.children.forEach(walk)
        }
        walk(root)
        for child in root.children {
            guard let name = child.attribute("name") else { continue }
            if child.name == "element" { globals[name] = child }
            if child.name == "complexType" { types[name] = child }
        }
        func local(_ qname: String) -> String { String(qname.split(separator: ":").last ?? "") }
        /// The element declarations directly inside a content model (not inside nested elements).
        func declarations(in node: XMLElement, seenTypes: Set<String>) -> [XMLElement] {
            var result: [XMLElement] = []
            for child in node.children {
                switch child.name {
                case "element": result.append(child)
                case "extension", "restriction":
                    if let base = child.attribute("base").map(local), let type = types[base], !seenTypes.contains(base)
                    {
                        result += declarations(in: type, seenTypes: seenTypes.union([base]))
                    }
                    result += declarations(in: child, seenTypes: seenTypes)
                default: result += declarations(in: child, seenTypes: seenTypes)
                }
            }
            return result
        }
        func content(of declaration: XMLElement) -> [XMLElement] {
            let target = declaration.attribute("ref").map(local).flatMap { globals[$0] } ?? declaration
            if let type = target.attribute("type").map(local), let named = types[type] {
                return declarations(in: named, seenTypes: [type])
            }
            return declarations(in: target, seenTypes: [])
        }
        var found: [String: [String]] = [:]
        func visit(_ declaration: XMLElement, path: String, depth: Int) {
            guard depth < 12 else { return }
            let name = declaration.attribute("name") ?? declaration.attribute("ref").map(local) ?? ""
            let here = path.isEmpty ? name : path + "/" + name
            found[name, default: []].append(here)
            for child in content(of: declaration) { visit(child, path: here, depth: depth + 1) }
        }
        if let record = globals["licenceRecord"] { visit(record, path: "", depth: 0) }
        elements = elementNames
        attributes = attributeNames
        paths = found.mapValues { Array(Set($0)).sorted() }
        var simpleTypes: [String: XMLElement] = [:]
        for child in root.children where child.name == "simpleType" {
            if let name = child.attribute("name") { simpleTypes[name] = child }
        }
        /// The enumerated values of a type definition, or nil when it allows any value.
        func enumeration(of node: XMLElement, depth: Int = 0) -> Set<String>? {
            guard depth < 8 else { return nil }
            if let type = node.attribute("type").map(local) ?? node.attribute("base").map(local) {
                if let named = simpleTypes[type] { return enumeration(of: named, depth: depth + 1) }
                if let named = types[type] { return enumeration(of: named, depth: depth + 1) }
                if node.name == "restriction" || node.name == "extension" || node.name == "element"
                    || node.name == "attribute"
                {
                    let values = node.children(named: "enumeration").compactMap { $0.attribute("value") }
                    return values.isEmpty ? nil : Set(values)
                }
                return nil
            }
            for child in node.children
            where ["simpleType", "restriction", "simpleContent", "extension", "complexType"].contains(child.name) {
                if let values = enumeration(of: child, depth: depth + 1) { return values }
            }
            return nil
        }
        func collect(_ kind: String) -> [String: Set<String>] {
            var open: Set<String> = []
            var values: [String: Set<String>] = [:]
            func visit(_ node: XMLElement) {
                if node.name == kind, let name = node.attribute("name") {
                    if let allowed = enumeration(of: node) {
                        values[name, default: []].formUnion(allowed)
                    } else {
                        open.insert(name)
                    }
                }
                node.children.forEach(visit)
            }
            visit(root)
            return values.filter { !open.contains($0.key) }
        }
        attributeValues = collect("attribute")
        elementValues = collect("element")
    }
}
