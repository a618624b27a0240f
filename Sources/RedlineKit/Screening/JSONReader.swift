/// A JSON value as ``JSONReader`` reads it: objects keep their first value of each key.
enum JSONInputValue: Equatable {
    case null
    case bool(Bool)
    /// A number, as written.
    case number(String)
    case string(String)
    case array([JSONInputValue])
    case object([String: JSONInputValue])

    /// The value of `key`, for an object.
    subscript(key: String) -> JSONInputValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The text of a string.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The elements of an array.
    var array: [JSONInputValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// A string, or a number or boolean as written, as a CSV cell would hold it.
    var text: String? {
        switch self {
        case .string(let text), .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }

    /// What the value is, for a message ("an object", "a string"…).
    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A strict JSON (RFC 8259) reader over UTF-8 bytes that builds no tree larger than one value
/// at a time when asked to: ``forEachElement(ofArray:_:)`` hands over the elements of a top-level
/// object's array one by one, so a 30 MB list file costs its bytes and its entries, not a
/// document tree. Every error names the line and column where the text stops being JSON.
struct JSONReader {
    private let bytes: [UInt8]
    private let path: String
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Arrays and objects nest at most this deep (a list file needs 4).
    static let maxDepth = 64

    /// A reader of `bytes`, whose first line is line `line` of `path`.
    init(_ bytes: [UInt8], path: String, line: Int = 1) {
        self.bytes = bytes
        self.path = path
        self.line = line
        // A byte-order mark is not JSON, but editors write it.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The whole text as one value; nothing but whitespace may follow it.
    mutating func document() throws(RedlineError) -> JSONInputValue {
        let value = try value(depth: 0)
        try end()
        return value
    }

    /// Reads a top-level object, calling `body` with each element of the array under `key` (its
    /// index and its line), and skipping (but checking) every other member. Returns whether the
    /// key was there. Throws ``RedlineError`` at the place the text stops being JSON, and
    /// `notAnArray(kind, line)` is what `body`'s caller says when the key holds something else.
    mutating func forEachElement(
        ofArray key: String, notAnArray: (String, Int) -> RedlineError,
        _ body: (JSONInputValue, Int, Int) throws(RedlineError) -> Void
    ) throws(RedlineError) -> Bool {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else {
            let found = try value(depth: 0)
            throw notAnArray("the top level is \(found.kind), not an object", 1)
        }
        index += 1
        var found = false
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                let name = try string()
                try expect(UInt8(ascii: ":"), "':' after a member name")
                skipWhitespace()
                if name == key, !found {
                    found = true
                    try elements(notAnArray: notAnArray, body)
                } else {
                    _ = try value(depth: 1)
                }
                skipWhitespace()
                if peek() == UInt8(ascii: "}") {
                    index += 1
                    break
                }
                try expect(UInt8(ascii: ","), "',' or '}' after a member")
            }
        }
        try end()
        return found
    }

    /// The elements of the array that starts here, one at a time.
    private mutating func elements(
        notAnArray: (String, Int) -> RedlineError, _ body: (JSONInputValue, Int, Int) throws(RedlineError) -> Void
    ) throws(RedlineError) {
        let start = line
        guard peek() == UInt8(ascii: "[") else {
            let other = try value(depth: 1)
            throw notAnArray(other.kind, start)
        }
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        var position = 0
        while true {
            skipWhitespace()
            let elementLine = line
            let element = try value(depth: 2)
            try body(element, position, elementLine)
            position += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                index += 1
                return
            }
            try expect(UInt8(ascii: ","), "',' or ']' after an array element")
        }
    }

    // MARK: - Values

    private mutating func value(depth: Int) throws(RedlineError) -> JSONInputValue {
        skipWhitespace()
        guard let byte = peek() else { throw problem("the text ends where a value should be") }
        switch byte {
        case UInt8(ascii: "{"):
            guard depth < Self.maxDepth else { throw problem("values nest more than \(Self.maxDepth) deep") }
            index += 1
            var members: [String: JSONInputValue] = [:]
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                let key = try string()
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "':' after a member name")
                let member = try value(depth: depth + 1)
                if members[key] == nil { members[key] = member }
                skipWhitespace()
                if peek() == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                }
                try expect(UInt8(ascii: ","), "',' or '}' after a member")
            }
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw problem("values nest more than \(Self.maxDepth) deep") }
            index += 1
            var items: [JSONInputValue] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                if peek() == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                try expect(UInt8(ascii: ","), "',' or ']' after an array element")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        default:
            throw problem("unexpected \(describe(byte)) where a value should be")
        }
    }

    private mutating func string() throws(RedlineError) -> String {
        guard peek() == UInt8(ascii: "\"") else {
            throw problem(peek() == nil ? "the text ends where a string should be" : "expected a string")
        }
        index += 1
        let start = index
        // The common case: no escape, then one UTF-8 validation of the run.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"),
            bytes[index] >= 0x20
        {
            index += 1
        }
        var scalars: [UInt8] = Array(bytes[start..<index])
        while true {
            guard index < bytes.count else { throw problem("the text ends inside a string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                break
            }
            if byte < 0x20 {
                throw problem("a control character (\(describe(byte))) inside a string: escape it")
            }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { throw problem("the text ends inside a string") }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escaped)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                            throw problem("a \\u escape of a high surrogate without its low surrogate")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else {
                            throw problem("a \\u escape of a high surrogate without its low surrogate")
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(code) {
                        throw problem("a \\u escape of a lone low surrogate")
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw problem("an invalid \\u escape") }
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    index -= 1
                    throw problem("an invalid escape \\\(describe(escaped)) inside a string")
                }
                continue
            }
            scalars.append(byte)
            index += 1
        }
        guard let text = String(validating: scalars, as: UTF8.self) else {
            throw problem("a string that is not valid UTF-8")
        }
        return text
    }

    private mutating func hex4() throws(RedlineError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw problem("the text ends inside a \\u escape") }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw problem("a \\u escape needs four hexadecimal digits")
            }
            code = code << 4 | UInt32(digit)
            index += 1
        }
        return code
    }

    private mutating func number() throws(RedlineError) -> String {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - from
        }
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw problem("a number needs a digit")
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw problem("a number needs a digit after its '.'") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw problem("a number needs a digit in its exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func literal(_ word: StaticString) throws(RedlineError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes[index...].starts(with: expected) else { throw problem("expected \(word)") }
        index += expected.count
    }

    // MARK: - Bytes

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            case 0x20, 0x09, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(RedlineError) {
        skipWhitespace()
        guard peek() == byte else {
            throw problem(peek().map { "expected \(what), found \(describe($0))" } ?? "the text ends: expected \(what)")
        }
        index += 1
    }

    private mutating func end() throws(RedlineError) {
        skipWhitespace()
        if let byte = peek() { throw problem("\(describe(byte)) after the end of the JSON value") }
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    /// The error at the current place: line, and column in characters.
    private func problem(_ message: String) -> RedlineError {
        let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
        return RedlineError(
            .malformed, "not valid JSON: \(message)", at: SourcePosition(file: path, line: line, column: column),
            suggestion: "the file may be truncated: download it again, or check that it is the JSON file")
    }
}
