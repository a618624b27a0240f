/// What the licence-record schema allows inside each element, read once from the embedded XSD:
/// the child elements in the order the content model lists them (sequences and choices
/// flattened, named types and `ref`s resolved), whether each is required and whether it may
/// repeat, and the element's attributes. Used to say a schema violation in an officer's terms
/// ("`<authority>` is missing (it comes after `<issuingState>`)").
public struct RecordContentModel: Sendable {
    /// One child element a content model allows.
    public struct Child: Sendable, Hashable {
        /// The element's local name.
        public var name: String
        /// Whether it must occur (`minOccurs` is not 0, and not one branch of a choice).
        public var required: Bool
        /// Whether it may occur more than once.
        public var repeatable: Bool
    }

    /// What one element may hold.
    public struct Content: Sendable, Hashable {
        /// Its child elements, in schema order.
        public var children: [Child] = []
        /// Its attributes' names, in schema order.
        public var attributes: [String] = []
        /// The attributes it must have.
        public var requiredAttributes: [String] = []
    }

    /// The content of each element, by local name (an element declared in several places
    /// gets the union of its declarations).
    public let elements: [String: Content]

    /// The model of the embedded licence-record schema, read on first use.
    public static let record = RecordContentModel(schema: BuiltIn.file(BuiltIn.recordSchemaPath) ?? "")

    /// Reads a schema's text; an unreadable schema gives an empty model.
    public init(schema text: String) {
        guard let document = try? XMLDocument(bytes: Array(text.utf8), path: "schema"), let root = document.root else {
            elements = [:]
            return
        }
        elements = Reader(root: root).read()
    }

    /// The content of `element`, or nil for an element the schema does not declare.
    public func content(of element: String) -> Content? {
        elements[element]
    }

    /// The child elements `element` allows, in order.
    public func childNames(of element: String) -> [String] {
        elements[element]?.children.map(\.name) ?? []
    }

    /// The child `name` of `element`, if allowed there.
    public func child(_ name: String, of element: String) -> Child? {
        elements[element]?.children.first { $0.name == name }
    }

    /// Walks the declarations from the schema's global elements down.
    private struct Reader {
        var globals: [String: XMLElement] = [:]
        var types: [String: XMLElement] = [:]
        var groups: [String: XMLElement] = [:]

        init(root: XMLElement) {
            for child in root.children {
                guard let name = child.attribute("name") else { continue }
                switch child.name {
                case "element": globals[name] = child
                case "complexType": types[name] = child
                case "attributeGroup": groups[name] = child
                default: break
                }
            }
        }

        func read() -> [String: Content] {
            var result: [String: Content] = [:]
            var pending = Array(globals.values)
            // A bound instead of a visited set: a named type may hold a declaration of its own type.
            var budget = 10_000
            while budget > 0, let declaration = pending.popLast() {
                budget -= 1
                guard let name = declaration.attribute("name") else { continue }
                var content = Content()
                var nested: [XMLElement] = []
                if let type = typeDefinition(of: declaration) {
                    collect(type, into: &content, nested: &nested, required: true, repeatable: false, depth: 0)
                }
                result[name] = merge(result[name], content)
                pending += nested
            }
            return result
        }

        static func local(_ qname: String) -> String { String(qname.split(separator: ":").last ?? "") }

        /// The complex type of a declaration: named, or inline.
        func typeDefinition(of declaration: XMLElement) -> XMLElement? {
            if let type = declaration.attribute("type").map(Self.local) { return types[type] }
            return declaration.children(named: "complexType").first
        }

        /// Adds a type's particles and attributes to `content`; local element declarations with a
        /// content of their own go to `nested`.
        func collect(
            _ node: XMLElement, into content: inout Content, nested: inout [XMLElement], required: Bool,
            repeatable: Bool, depth: Int
        ) {
            guard depth < 16 else { return }
            for child in node.children {
                let minimum = child.attribute("minOccurs") ?? "1"
                let maximum = child.attribute("maxOccurs") ?? "1"
                let isRequired = required && minimum != "0" && node.name != "choice"
                let isRepeatable = repeatable || maximum != "1"
                switch child.name {
                case "element":
                    let name = child.attribute("name") ?? child.attribute("ref").map(Self.local) ?? ""
                    if !content.children.contains(where: { $0.name == name }) {
                        content.children.append(Child(name: name, required: isRequired, repeatable: isRepeatable))
                    }
                    if child.attribute("name") != nil { nested.append(child) }
                case "sequence", "choice", "all":
                    collect(
                        child, into: &content, nested: &nested, required: isRequired, repeatable: isRepeatable,
                        depth: depth + 1)
                case "complexContent", "simpleContent", "complexType":
                    collect(
                        child, into: &content, nested: &nested, required: required, repeatable: repeatable,
                        depth: depth + 1)
                case "extension", "restriction":
                    if let base = child.attribute("base").map(Self.local), let type = types[base] {
                        collect(
                            type, into: &content, nested: &nested, required: required, repeatable: repeatable,
                            depth: depth + 1)
                    }
                    collect(
                        child, into: &content, nested: &nested, required: required, repeatable: repeatable,
                        depth: depth + 1)
                case "attribute":
                    guard let name = child.attribute("name") else { continue }
                    content.attributes.append(name)
                    if child.attribute("use") == "required" { content.requiredAttributes.append(name) }
                case "attributeGroup":
                    if let group = child.attribute("ref").map(Self.local).flatMap({ groups[$0] }) {
                        collect(
                            group, into: &content, nested: &nested, required: required, repeatable: repeatable,
                            depth: depth + 1)
                    }
                default: break
                }
            }
        }

        /// Two declarations of one name: the children of both, in first-seen order.
        func merge(_ earlier: Content?, _ later: Content) -> Content {
            guard var merged = earlier else { return later }
            for child in later.children where !merged.children.contains(where: { $0.name == child.name }) {
                merged.children.append(child)
            }
            for name in later.attributes where !merged.attributes.contains(name) { merged.attributes.append(name) }
            merged.requiredAttributes = merged.requiredAttributes.filter { later.requiredAttributes.contains($0) }
            return merged
        }
    }
}
