/// Reports carry their error as `{code, message, file, line, column, suggestion}`.
extension RedlineError: Codable {
    private enum Keys: String, CodingKey { case code, message, file, line, column, suggestion }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        self.init(
            try container.decode(Code.self, forKey: .code), try container.decode(String.self, forKey: .message),
            at: SourcePosition(
                file: try container.decode(String.self, forKey: .file),
                line: try container.decode(Int.self, forKey: .line),
                column: try container.decode(Int.self, forKey: .column)),
            suggestion: try container.decodeIfPresent(String.self, forKey: .suggestion))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(position.file, forKey: .file)
        try container.encode(position.line, forKey: .line)
        try container.encode(position.column, forKey: .column)
        try container.encodeIfPresent(suggestion, forKey: .suggestion)
    }
}
