import Synchronization

/// The lines of one source file, split once when the file is read: maps a character offset
/// inside an expression back to its line and column in the raw file, so that errors inside
/// `a &lt;= b` or multi-line conditions point at the right character.
///
/// Made by the rule-set loader from the bytes it parsed (the file on disk or the embedded copy,
/// whichever was loaded) and carried by every expression compiled from that file.
///
/// The lines are split the first time they are asked for (a message that places a character):
/// loading a rule set that has no error never pays for it.
package final class LineTable: Sendable, Hashable {
    private let text: String
    private let split = Mutex<[Substring]?>(nil)

    package init(text: String) {
        self.text = text
    }

    package convenience init(bytes: [UInt8]) {
        self.init(text: String(decoding: bytes, as: UTF8.self))
    }

    /// The file's lines, without their line breaks.
    package var lines: [Substring] {
        split.withLock { lines in
            if let lines { return lines }
            let made = text.split(separator: "\n", omittingEmptySubsequences: false)
            lines = made
            return made
        }
    }

    /// The 1-based line `number`, or nil outside the file.
    package subscript(line number: Int) -> Substring? {
        let lines = self.lines
        return number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// The position of the character `offset` characters into the trimmed, decoded content of
    /// an element whose content starts at `start`. When `start` is not just after a `>` (an
    /// attribute value), the offset is added to the column.
    package func position(contentStart start: SourcePosition, offset: Int) -> SourcePosition {
        let fallback = LineTable.position(nil, contentStart: start, offset: offset)
        let lines = self.lines
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
