import Synchronization

/// Maps a character offset in an expression written as element content (trimmed, with
/// entity references such as `&lt;` decoded) back to its line and column in the raw file, so
/// that errors inside `a &lt;= b` or multi-line conditions point at the right character.
enum ExpressionOffsets {
    private static let cache = Mutex<[String: [Substring]]>([:])

    /// The raw lines of a rule file: from disk, else embedded; cached.
    static func lines(of file: String) -> [Substring] {
        if let cached = cache.withLock({ $0[file] }) { return cached }
        var text: String?
        if let bytes = try? FileInput.read(file, limit: RuleSetLoader.maxFileBytes) {
            text = String(decoding: bytes, as: UTF8.self)
        } else {
            text = BuiltIn.file(file)
        }
        let lines = (text ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        cache.withLock { $0[file] = lines }
        return lines
    }

    /// The position of the character `offset` characters into an expression's text.
    static func position(of expression: XPathExpression, offset: Int) -> SourcePosition {
        position(in: lines(of: expression.position.file), contentStart: expression.position, offset: offset)
    }

    /// The position of the character `offset` characters into the trimmed, decoded content of
    /// an element whose content starts at `start`. When `start` is not just after a `>` (an
    /// attribute value), or the file is unknown, the offset is added to the column.
    static func position(in lines: [Substring], contentStart start: SourcePosition, offset: Int) -> SourcePosition {
        var fallback = start
        if fallback.column > 0 { fallback.column += offset }
        guard start.line >= 1, start.line <= lines.count, start.column >= 2 else { return fallback }
        var text = Array(lines[start.line - 1])
        guard start.column - 2 < text.count, text[start.column - 2] == ">" else { return fallback }
        var line = start.line
        var index = start.column - 1
        func current() -> Character? {
            if index < text.count { return text[index] }
            return line < lines.count ? "\n" : nil
        }
        func advance() {
            if index < text.count {
                index += 1
            } else if line < lines.count {
                line += 1
                text = Array(lines[line - 1])
                index = 0
            }
        }
        while let character = current(), character.isWhitespace { advance() }
        var remaining = offset
        while remaining > 0, let character = current() {
            if character == "&" {
                while let next = current(), next != ";" { advance() }
            }
            advance()
            remaining -= 1
        }
        return SourcePosition(file: start.file, line: line, column: index + 1)
    }
}
