/// A place in an input file: path plus 1-based line and column (0 when unknown).
public struct SourcePosition: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file's path as given by the user (or an embedded name such as `rules/redline-default.xml`).
    public var file: String
    /// 1-based line, or 0 when the line is unknown.
    public var line: Int
    /// 1-based column, or 0 when the column is unknown.
    public var column: Int

    /// Creates a position.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, leaving out what is unknown.
    public var description: String {
        var text = file
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        return text
    }
}
