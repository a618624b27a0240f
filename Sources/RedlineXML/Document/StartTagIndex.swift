/// Where each start tag of an XML text begins (line and column of its `<`), in document order,
/// found in one pass over the bytes: the k-th element of the parsed document has the k-th
/// position. libxml2 keeps only the line where a start tag ends, and searching each element's
/// line for its name was quadratic when elements share a line and wrong when several do.
///
/// Comments, CDATA sections, processing instructions and end tags are skipped. Columns count
/// characters (UTF-8 continuation bytes do not count), 1-based.
package struct StartTagIndex: Sendable {
    /// The start of each start tag, in document order.
    package let positions: [(line: Int, column: Int)]
    /// Where each element's content begins: just after its start tag's `>`.
    package let contentStarts: [(line: Int, column: Int)]

    package init(bytes: [UInt8]) {
        var positions: [(line: Int, column: Int)] = []
        var contentStarts: [(line: Int, column: Int)] = []
        var line = 1
        var column = 1
        var index = 0
        let count = bytes.count
        /// Moves past one byte, keeping line and column.
        func advance() {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        func starts(with literal: StaticString) -> Bool {
            let length = literal.utf8CodeUnitCount
            guard index + length <= count else { return false }
            return literal.withUTF8Buffer { utf8 in
                var offset = 0
                while offset < length, bytes[index + offset] == utf8[offset] { offset += 1 }
                return offset == length
            }
        }
        /// Moves past the next occurrence of `terminator` (or to the end).
        func skip(past terminator: StaticString) {
            let first = terminator.withUTF8Buffer { $0[0] }
            while index < count, bytes[index] != first || !starts(with: terminator) { advance() }
            for _ in 0..<terminator.utf8CodeUnitCount where index < count { advance() }
        }
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                advance()
                continue
            }
            if starts(with: "<!--") {
                skip(past: "-->")
            } else if starts(with: "<![CDATA[") {
                skip(past: "]]>")
            } else if starts(with: "<?") {
                skip(past: "?>")
            } else if starts(with: "<!") || starts(with: "</") {
                skip(past: ">")
            } else {
                positions.append((line, column))
                // To the tag's `>`, past quoted attribute values (which may hold `>`).
                var quote: UInt8?
                while index < count {
                    let byte = bytes[index]
                    advance()
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                }
                contentStarts.append((line, column))
            }
        }
        self.positions = positions
        self.contentStarts = contentStarts
    }
}
