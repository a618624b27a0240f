/// One element of the licence-record format where it occurs in a record, read from the record
/// schema: whether it is required there, its documentation, its attributes, the text it holds
/// and the elements it contains, in schema order. The root is ``record``.
public struct RecordSchemaElement: Sendable {
    /// The element's name.
    public var name: String
    /// Its path from the root, names joined by `/` (`licenceRecord/exporter/name`).
    public var path: String
    /// Whether its parent must contain it (`minOccurs` is not 0).
    public var isRequired: Bool
    /// Whether it may occur more than once (`maxOccurs` above 1 or `unbounded`).
    public var isRepeatable: Bool
    /// The schema's documentation of it, whitespace collapsed.
    public var documentation: String?
    /// The text it holds; nil when it holds only elements, or nothing.
    public var value: RecordSchemaValue?
    /// The attributes it may carry, in schema order.
    public var attributes: [RecordSchemaAttribute]
    /// The elements it may contain, in schema order.
    public var children: [RecordSchemaElement]

    /// The element and every element below it, depth first in schema order.
    public var allElements: [RecordSchemaElement] { [self] + children.flatMap(\.allElements) }

    /// The element at `path` at or below this one.
    public func element(at path: String) -> RecordSchemaElement? {
        if path == self.path { return self }
        guard path.hasPrefix(self.path + "/") else { return nil }
        for child in children { if let found = child.element(at: path) { return found } }
        return nil
    }

    /// The root of the embedded licence-record schema (`licenceRecord`).
    public static let record: RecordSchemaElement = {
        // The embedded schema is part of the binary; the test suite reads it.
        guard let root = RecordSchemaReader.read(BuiltIn.file(BuiltIn.recordSchemaPath) ?? "") else {
            preconditionFailure("the embedded licence-record schema does not declare licenceRecord")
        }
        return root
    }()
}

extension RecordSchemaElement {
    /// The element tree of a licence-record schema's text, rooted at `licenceRecord`; nil when the
    /// text is not such a schema.
    public init?(schema text: String) {
        guard let root = RecordSchemaReader.read(text) else { return nil }
        self = root
    }
}
