/// Reads the subset of TOML (toml.io, v1.0) that redline's configuration file uses: comments,
/// `key = value` lines with bare or quoted keys, basic and literal strings, integers, booleans
/// and arrays (which may span lines). Tables, dotted keys, dates, floats and multi-line strings
/// are not part of the configuration and are errors that say so, with line and column.
public struct ConfigParser {
    private let bytes: [UInt8]
    private let file: String
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    /// Parses `text`, read from `file` (for positions).
    public static func parse(_ text: String, file: String) throws(RedlineError) -> [ConfigEntry] {
        var parser = ConfigParser(bytes: Array(text.utf8), file: file)
        return try parser.entries()
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private var position: SourcePosition { SourcePosition(file: file, line: line, column: offset - lineStart + 1) }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func error(_ message: String, fix: String, at position: SourcePosition? = nil) -> RedlineError {
        RedlineError(.usage, message, at: position ?? self.position, suggestion: fix)
    }

    private mutating func entries() throws(RedlineError) -> [ConfigEntry] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        var result: [ConfigEntry] = []
        while true {
            skipBlank(newlines: true)
            guard let byte = current else { return result }
            if byte == UInt8(ascii: "[") {
                throw error(
                    "tables ([…]) are not used in redline's configuration",
                    fix: "write every setting at the top level, e.g. fail-on = \"refuse\"")
            }
            let keyPosition = position
            let key = try self.key()
            skipBlank(newlines: false)
            if current == UInt8(ascii: ".") {
                throw error(
                    "dotted keys are not used in redline's configuration",
                    fix: "write every setting at the top level, e.g. fail-on = \"refuse\"")
            }
            guard current == UInt8(ascii: "=") else {
                throw error("expected = after the key '\(key)'", fix: "write the setting as \(key) = \"value\"")
            }
            offset += 1
            skipBlank(newlines: false)
            let value = try self.value(for: key)
            skipBlank(newlines: false)
            try endOfLine()
            result.append(ConfigEntry(key: key, position: keyPosition, value: value))
        }
    }

    /// Skips spaces, tabs and comments (and line ends, when `newlines`).
    private mutating func skipBlank(newlines: Bool) {
        while let byte = current {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                offset += 1
            case UInt8(ascii: "#"):
                while let next = current, next != UInt8(ascii: "\n") { offset += 1 }
            case UInt8(ascii: "\r") where newlines, UInt8(ascii: "\n") where newlines:
                newline()
            default:
                return
            }
        }
    }

    private mutating func newline() {
        if current == UInt8(ascii: "\r") { offset += 1 }
        if current == UInt8(ascii: "\n") { offset += 1 }
        line += 1
        lineStart = offset
    }

    private mutating func endOfLine() throws(RedlineError) {
        guard let byte = current else { return }
        guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
            throw error(
                "unexpected text after the value", fix: "put one setting per line; start a comment with #")
        }
        newline()
    }

    private mutating func key() throws(RedlineError) -> String {
        if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
            guard case .string(let key) = try string().content else { return "" }
            return key
        }
        let start = offset
        while let byte = current, Self.isBareKey(byte) { offset += 1 }
        guard offset > start else {
            throw error(
                "expected a setting name (letters, digits, - and _)",
                fix: "write settings as name = value, e.g. profile = \"moratorium\"")
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private static func isBareKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    private mutating func value(for key: String) throws(RedlineError) -> ConfigValue {
        let start = position
        switch current {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return try string()
        case UInt8(ascii: "["):
            return try array(for: key)
        case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            throw error("the setting '\(key)' has no value", fix: "write a value after =, e.g. \(key) = \"…\"")
        default:
            let begin = offset
            while let byte = current,
                Self.isBareKey(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: ":")
            {
                offset += 1
            }
            let word = String(decoding: bytes[begin..<offset], as: UTF8.self)
            if word == "true" { return ConfigValue(content: .boolean(true), position: start) }
            if word == "false" { return ConfigValue(content: .boolean(false), position: start) }
            let digits = word.replacingOccurrences(of: "_", with: "")
            if let number = Int(digits.hasPrefix("+") ? String(digits.dropFirst()) : digits), !word.hasSuffix("_") {
                return ConfigValue(content: .integer(number), position: start)
            }
            throw error(
                word.isEmpty ? "expected a value" : "'\(word)' is not a value redline's configuration understands",
                fix: "quote text as \"…\" (e.g. \(key) = \"\(word.isEmpty ? "value" : word)\"); numbers and true/false "
                    + "are written bare",
                at: start)
        }
    }

    private mutating func string() throws(RedlineError) -> ConfigValue {
        let start = position
        let quote = bytes[offset]
        if bytes[offset...].starts(with: [quote, quote, quote]) {
            throw error(
                "multi-line strings are not used in redline's configuration", fix: "write the value on one line")
        }
        offset += 1
        var text: [UInt8] = []
        while true {
            guard let byte = current, byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else {
                throw error(
                    "the string that starts here is not closed",
                    fix: "end it with \(quote == UInt8(ascii: "\"") ? "\"" : "'") on the same line", at: start)
            }
            offset += 1
            if byte == quote { break }
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                try escape(into: &text)
            } else {
                text.append(byte)
            }
        }
        return ConfigValue(content: .string(String(decoding: text, as: UTF8.self)), position: start)
    }

    private mutating func escape(into text: inout [UInt8]) throws(RedlineError) {
        let escapePosition = SourcePosition(file: file, line: line, column: offset - lineStart)
        guard let byte = current else { return }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): text.append(byte)
        case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "r"): text.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = byte == UInt8(ascii: "u") ? 4 : 8
            let end = min(offset + count, bytes.count)
            let hex = String(decoding: bytes[offset..<end], as: UTF8.self)
            guard hex.count == count, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                throw error(
                    "\\\(Character(Unicode.Scalar(byte))) must be followed by \(count) hexadecimal digits of a character",
                    fix: "write e.g. \\u00E9 for é", at: escapePosition)
            }
            offset = end
            text.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw error(
                "\\\(Character(Unicode.Scalar(byte))) is not an escape TOML knows",
                fix: "write a backslash as \\\\, or use a literal string in single quotes: '…'", at: escapePosition)
        }
    }

    private mutating func array(for key: String) throws(RedlineError) -> ConfigValue {
        let start = position
        offset += 1
        var items: [ConfigValue] = []
        while true {
            skipBlank(newlines: true)
            guard let byte = current else {
                throw error("the array that starts here is not closed", fix: "end it with ]", at: start)
            }
            if byte == UInt8(ascii: "]") {
                offset += 1
                return ConfigValue(content: .array(items), position: start)
            }
            items.append(try value(for: key))
            skipBlank(newlines: true)
            if current == UInt8(ascii: ",") {
                offset += 1
            } else if current == nil {
                throw error("the array that starts here is not closed", fix: "end it with ]", at: start)
            } else if current != UInt8(ascii: "]") {
                throw error("expected , or ] in the array", fix: "separate the values with commas: [\"a\", \"b\"]")
            }
        }
    }
}
