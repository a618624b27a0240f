/// One generated input file.
public struct GeneratedRecord: Sendable, Hashable {
    /// What the generator intended the file to be.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A valid licence application.
        case application
        /// A valid issued licence.
        case licence
        /// Not well-formed XML (truncated).
        case malformed
        /// Well-formed but not valid against the record schema.
        case schemaInvalid = "schema-invalid"
        /// A document with a DOCTYPE declaration (refused as hostile).
        case hostile
        /// An empty file.
        case empty

        /// Whether the file is a valid record.
        public var isValid: Bool { self == .application || self == .licence }
    }

    /// The file name (`rec-000042.xml`).
    public var fileName: String
    /// The record id (also for broken files, as generated).
    public var recordID: String
    /// What the file is meant to be.
    public var kind: Kind
    /// The file's contents (UTF-8).
    public var text: String
}
