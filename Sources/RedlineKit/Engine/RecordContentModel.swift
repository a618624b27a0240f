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
        self.init(tree: RecordSchemaElement(schema: text))
    }

    /// The model of a schema's element tree (``RecordSchemaElement``): each element's children
    /// and attributes, by name; an element that occurs in several places gets the children of
    /// all, in first-seen order, and the attributes every place requires.
    public init(tree: RecordSchemaElement?) {
        var elements: [String: Content] = [:]
        for element in tree?.allElements ?? [] {
            let content = Content(
                children: element.children.map {
                    Child(name: $0.name, required: $0.isRequired, repeatable: $0.isRepeatable)
                },
                attributes: element.attributes.map(\.name),
                requiredAttributes: element.attributes.filter(\.isRequired).map(\.name))
            elements[element.name] = Self.merge(elements[element.name], content)
        }
        self.elements = elements
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

    /// Two declarations of one name: the children of both, in first-seen order.
    private static func merge(_ earlier: Content?, _ later: Content) -> Content {
        guard var merged = earlier else { return later }
        for child in later.children where !merged.children.contains(where: { $0.name == child.name }) {
            merged.children.append(child)
        }
        for name in later.attributes where !merged.attributes.contains(name) { merged.attributes.append(name) }
        merged.requiredAttributes = merged.requiredAttributes.filter { later.requiredAttributes.contains($0) }
        return merged
    }
}
