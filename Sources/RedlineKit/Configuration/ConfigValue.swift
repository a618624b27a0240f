/// One value of a configuration file, with where it was written.
public struct ConfigValue: Sendable, Hashable {
    /// What a value can be: the part of TOML redline's configuration uses.
    public enum Content: Sendable, Hashable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case array([ConfigValue])
    }

    /// The value.
    public var content: Content
    /// Where the value starts.
    public var position: SourcePosition

    /// The TOML name of the value's type, for messages.
    public var typeName: String {
        switch content {
        case .string: "a string"
        case .integer: "an integer"
        case .boolean: "a boolean"
        case .array: "an array"
        }
    }
}

/// One `key = value` line of a configuration file.
public struct ConfigEntry: Sendable, Hashable {
    /// The key as written (unquoted).
    public var key: String
    /// Where the key starts.
    public var position: SourcePosition
    /// The value.
    public var value: ConfigValue
}
