/// The lines of one source file, split once when the file is read: maps a character offset
/// inside an expression back to its line and column in the raw file, so that errors inside
/// `a &lt;= b` or multi-line conditions point at the right character.
///
/// Made by the rule-set loader from the bytes it parsed (the file on disk or the embedded copy,
/// whichever was loaded) and carried by every expression compiled from that file.
package final class LineTable: Sendable, Hashable {
    /// The file's lines, without their line breaks.
    package let lines: [Substring]

    package init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    package convenience init(bytes: [UInt8]) {
        self.init(text: String(decoding: bytes, as: UTF8.self))
    }

    /// The 1-based line `number`, or nil outside the file.
    package subscript(line number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// The position of the character `offset` characters into the trimmed, decoded content of
    /// an element whose content starts at `start`. When `start` is not just after a `>` (an
    /// attribute value), the offset is added to the column.
    package func position(contentStart start: SourcePosition, offset: Int) -> SourcePosition {
        let fallback = LineTable.position(nil, contentStart: start, offset: offset)
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

    package static func == (a: LineTable, b: LineTable) -> Bool { a === b }

    package func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

extension LineTable {
    /// The position `offset` characters into text that starts at `start`: through the table
    /// when there is one, else by adding the offset to the column.
    package static func position(_ table: LineTable?, contentStart start: SourcePosition, offset: Int) -> SourcePosition
    {
        if let table { return table.position(contentStart: start, offset: offset) }
        var moved = start
        if moved.column > 0 { moved.column += offset }
        return moved
    }
}
