import CLibXML2

/// libxml2's first well-formedness error in a reader's terms: what is wrong, named by the
/// document's own tags and values, where (the column of the offending character when it can be
/// known), and a fix for that error. Chosen by libxml2's error code (`xmlParserErrors`); the
/// names and numbers come from the error's own fields, and the bytes are looked at only to tell
/// a raw `&` from a `<`, to read an unquoted value, and to see what follows the root element.
struct WellFormednessMessage {
    /// What is wrong, without libxml2's wording.
    var message: String
    /// How to fix it.
    var suggestion: String
    /// 1-based line.
    var line: Int
    /// 1-based column, 0 when unknown.
    var column: Int

    /// One error's details, as libxml2 reports them.
    struct Details {
        /// The `xmlParserErrors` code.
        var code: Int32
        /// The error's first string (an element or attribute name), empty when none.
        var string1: String
        /// The error's second string, empty when none.
        var string2: String
        /// The error's number (for a tag error, the line where the element opened).
        var number: Int
        /// 1-based line.
        var line: Int
        /// 1-based column.
        var column: Int
    }

    /// The message for `error` in `bytes`, or nil for an error it does not translate.
    init?(_ error: Details, bytes: [UInt8]) {
        let text = SourceText(bytes: bytes)
        line = error.line
        column = error.column
        switch error.code {
        case Int32(XML_ERR_NAME_REQUIRED.rawValue), Int32(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue):
            guard let (found, at) = text.lastMarkup(before: error.line, column: error.column) else { return nil }
            column = at
            if found == "&" {
                message = "a '&' on its own is not allowed in text or attribute values"
                suggestion = "write & as &amp; (for example 'Smith &amp; Sons')"
            } else {
                message = "a '<' in text starts a tag, and no element name follows it"
                suggestion = "write < as &lt; in text (for example 'fewer than &lt; 5')"
            }
        case Int32(XML_ERR_LT_IN_ATTRIBUTE.rawValue):
            let attribute = text.attributeName(endingBefore: error.line, column: error.column)
            message = "a '<' in the value of attribute '\(attribute ?? "?")'"
            suggestion = "write < as &lt; inside attribute values"
        case Int32(XML_ERR_ATTRIBUTE_NOT_STARTED.rawValue):
            guard let attribute = text.attributeName(endingBefore: error.line, column: error.column) else {
                return nil
            }
            let value = text.unquotedValue(at: error.line, column: error.column)
            message = "the value of attribute '\(attribute)' is not in quotes"
            suggestion = "put the value in double quotes: \(attribute)=\"\(value.isEmpty ? "…" : value)\""
        case Int32(XML_ERR_ATTRIBUTE_WITHOUT_VALUE.rawValue):
            message = "attribute '\(error.string1)' has no value"
            suggestion = "give it a value in quotes (\(error.string1)=\"…\") or remove it"
        case Int32(XML_ERR_ATTRIBUTE_REDEFINED.rawValue):
            let element = text.openTagName(before: error.line, column: error.column)
            // libxml2 points at the end of the start tag: point at the second attribute instead.
            let second = text.column(of: " " + error.string1 + "=", on: error.line, before: error.column)
            column = second.map { $0 + 1 } ?? error.column
            let tag = element.map { "<\($0)>" } ?? "the same start tag"
            message = "attribute '\(error.string1)' appears twice in \(tag)"
            suggestion = "keep one \(error.string1)=\"…\" and remove the other"
        case Int32(XML_ERR_TAG_NAME_MISMATCH.rawValue):
            let (open, close, opened) = (error.string1, error.string2, error.number)
            column = text.column(of: "</" + close, on: error.line, before: error.column) ?? error.column
            if text.hasStartTag(named: close, before: opened) {
                message = "<\(open)> (opened on line \(opened)) is not closed: </\(close)> comes first"
                suggestion = "add </\(open)> before </\(close)> (or close <\(open)> where its content ends)"
            } else {
                message = "the end tag </\(close)> does not match the start tag <\(open)> on line \(opened)"
                suggestion = "spell the start and end tags the same: <\(open)>…</\(open)> or <\(close)>…</\(close)>"
            }
        case Int32(XML_ERR_TAG_NOT_FINISHED.rawValue):
            message = "the file ends before <\(error.string1)> (opened on line \(error.number)) is closed"
            suggestion = "add </\(error.string1)> at the end, or check whether the file was cut short"
        case Int32(XML_ERR_GT_REQUIRED.rawValue):
            message = "the start tag <\(error.string1)> on line \(error.number) does not end with '>'"
            suggestion = "end the start tag with > (or /> for an empty element) and quote every attribute value"
        case Int32(XML_ERR_LTSLASH_REQUIRED.rawValue):
            message = "an end tag is expected here"
            suggestion = "close the open element with </name>, using its name"
        case Int32(XML_ERR_DOCUMENT_END.rawValue):
            let root = text.firstElementName() ?? "root"
            if let second = text.elementName(at: error.line, column: error.column) {
                message = "a second root element <\(second)> after </\(root)>: a document has exactly one root"
                suggestion = "keep one <\(root)> per file: move the second one to a file of its own"
            } else {
                message = "content after the end of the root element </\(root)>"
                suggestion = "remove everything after </\(root)> (only comments may follow it)"
            }
        case Int32(XML_ERR_DOCUMENT_EMPTY.rawValue):
            if text.hasNonMarkupText {
                message = "text before the root element: the document must start with an element"
                suggestion = "remove the text before the first element (a record starts with <licenceRecord …>)"
            } else {
                message = "the document has no root element (only a declaration, comments or whitespace)"
                suggestion = "the file must hold one element, e.g. one <licenceRecord …> … </licenceRecord> record"
            }
        default:
            return nil
        }
    }
}

/// The lines of a document's bytes, for looking at what stands near an error.
private struct SourceText {
    let lines: [[UInt8]]
    let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    }

    /// The characters (not bytes) of a 1-based line.
    func characters(_ line: Int) -> [Character] {
        guard line >= 1, line <= lines.count else { return [] }
        return Array(String(decoding: lines[line - 1], as: UTF8.self))
    }

    /// The last `&` or `<` at or before the column (libxml2 reports the character after it), with its column.
    func lastMarkup(before line: Int, column: Int) -> (Character, Int)? {
        let characters = characters(line)
        var index = min(column - 1, characters.count) - 1
        while index >= 0 {
            if characters[index] == "&" || characters[index] == "<" { return (characters[index], index + 1) }
            index -= 1
        }
        return nil
    }

    /// The name of the attribute whose `=` stands just before the column (past an opening quote).
    func attributeName(endingBefore line: Int, column: Int) -> String? {
        let characters = characters(line)
        var index = min(column - 1, characters.count) - 1
        while index >= 0, characters[index] != "=" { index -= 1 }
        index -= 1
        while index >= 0, characters[index] == " " { index -= 1 }
        var name = ""
        while index >= 0, Self.isNameCharacter(characters[index]) {
            name.insert(characters[index], at: name.startIndex)
            index -= 1
        }
        return name.isEmpty ? nil : name
    }

    /// The unquoted value starting at the column: up to a space, `>` or `/>`.
    func unquotedValue(at line: Int, column: Int) -> String {
        let characters = characters(line)
        var index = column - 1
        var value = ""
        while index >= 0, index < characters.count, !" \t>".contains(characters[index]) {
            if characters[index] == "/", index + 1 < characters.count, characters[index + 1] == ">" { break }
            value.append(characters[index])
            index += 1
        }
        return value
    }

    /// The name of the start tag the column is inside.
    func openTagName(before line: Int, column: Int) -> String? {
        let characters = characters(line)
        var index = min(column - 1, characters.count) - 1
        while index >= 0, characters[index] != "<" { index -= 1 }
        guard index >= 0 else { return nil }
        let name = characters[(index + 1)...].prefix { Self.isNameCharacter($0) }
        return name.isEmpty ? nil : String(name)
    }

    /// The column where `literal` last starts on the line before the column.
    func column(of literal: String, on line: Int, before column: Int) -> Int? {
        let characters = characters(line)
        let target = Array(literal)
        var index = min(column - 1, characters.count) - target.count
        while index >= 0 {
            if Array(characters[index..<(index + target.count)]) == target { return index + 1 }
            index -= 1
        }
        return nil
    }

    /// Whether a start tag `<name` (not `<name/>`) stands on a line before `line`: then an end
    /// tag `</name>` closes an element still open, not a misspelt one.
    func hasStartTag(named name: String, before line: Int) -> Bool {
        let upTo = lines.prefix(max(0, line - 1)).map { String(decoding: $0, as: UTF8.self) }
        for text in upTo {
            var rest = Substring(text)
            while let open = rest.range(of: "<" + name) {
                let after = rest[open.upperBound...]
                if let next = after.first, next == ">" || next == " " || next == "\t" {
                    let tag = after.prefix { $0 != ">" }
                    if !tag.hasSuffix("/") { return true }
                }
                if after.isEmpty { return true }
                rest = after
            }
        }
        return false
    }

    /// The name of the document's first element.
    func firstElementName() -> String? {
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") && next != UInt8(ascii: "/") {
                    let name = bytes[(index + 1)...].prefix { Self.isNameByte($0) }
                    return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
                }
            }
            index += 1
        }
        return nil
    }

    /// The name of the start tag at the position, if one starts there.
    func elementName(at line: Int, column: Int) -> String? {
        let characters = characters(line)
        let index = column - 1
        guard index >= 0, index + 1 < characters.count, characters[index] == "<" else { return nil }
        let name = characters[(index + 1)...].prefix { Self.isNameCharacter($0) }
        return name.isEmpty ? nil : String(name)
    }

    /// Whether the document holds characters other than whitespace outside `<…>` constructs.
    var hasNonMarkupText: Bool {
        var inside = false
        for byte in bytes {
            if byte == UInt8(ascii: "<") {
                inside = true
            } else if byte == UInt8(ascii: ">") {
                inside = false
            } else if !inside && !UInt8.isASCIIWhitespace(byte) && byte != 0xEF && byte != 0xBB && byte != 0xBF {
                return true
            }
        }
        return false
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "-_.:".contains(character)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
            || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: ":")
    }
}
