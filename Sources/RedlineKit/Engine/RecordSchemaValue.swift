/// What text a licence-record element or attribute may hold, as its schema type says: the XSD
/// built-in type it derives from, and the enumeration, pattern or list it is restricted to.
public struct RecordSchemaValue: Sendable, Hashable {
    /// The named schema type (`countryCode`, `nonEmpty`, `xs:date`), nil for an anonymous type.
    public var typeName: String?
    /// The XSD built-in type the value derives from, without its prefix (`date`, `boolean`, `token`).
    public var builtIn: String
    /// The allowed values, in schema order; empty when the type is not an enumeration.
    public var enumeration: [String]
    /// The pattern the value must match, if any.
    public var pattern: String?
    /// Whether the value is a whitespace-separated list of tokens.
    public var isList: Bool

    /// A value of the built-in type `builtIn`, restricted as given.
    public init(
        typeName: String? = nil, builtIn: String, enumeration: [String] = [], pattern: String? = nil,
        isList: Bool = false
    ) {
        self.typeName = typeName
        self.builtIn = builtIn
        self.enumeration = enumeration
        self.pattern = pattern
        self.isList = isList
    }
}
