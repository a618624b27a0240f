/// One attribute a licence-record element may carry, as the record schema declares it.
public struct RecordSchemaAttribute: Sendable, Hashable {
    /// The attribute's name.
    public var name: String
    /// Whether the schema requires it (`use="required"`).
    public var isRequired: Bool
    /// The value the schema assumes when it is absent, if any.
    public var defaultValue: String?
    /// The only value the schema allows (`fixed`), if any.
    public var fixedValue: String?
    /// The schema's documentation of it, whitespace collapsed.
    public var documentation: String?
    /// The value it holds.
    public var value: RecordSchemaValue
    /// The attribute group it comes from (`evidence`), nil when declared on the element itself.
    public var group: String?
}
