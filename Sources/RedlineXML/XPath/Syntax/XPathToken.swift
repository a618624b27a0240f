/// One token of an XPath 1.0 expression, with its character offsets in the expression text: the
/// one tokenizer, read by ``XPathParser``. Names and operators are told apart by the parser.
struct XPathToken: Equatable {
    /// What kind of token this is.
    enum Kind: Equatable {
        /// A string literal (text without its quotes).
        case literal
        /// A number.
        case number
        /// A name or QName (`r:item`, `rl:in-list`, `and`, `*`-ending `r:*`).
        case name
        /// A variable reference (`$x`).
        case variable
        /// Punctuation or an operator symbol: `( ) [ ] , / // @ :: . .. | + - = != < <= > >= *`.
        case symbol
    }

    /// The kind.
    var kind: Kind
    /// The token text (a literal's text without quotes).
    var text: String
    /// The offset of the token's first character in the expression.
    var start: Int
    /// The offset just after the token's last character.
    var end: Int

    /// Splits an expression into tokens. Never fails: an unterminated literal runs to the end.
    static func tokenize(_ expression: String) -> [XPathToken] {
        // Unicode scalars, not Characters: no grapheme breaking on the hot path of compiling a
        // rule set (offsets are the same for the ASCII and precomposed text expressions hold).
        let characters = Array(expression.unicodeScalars)
        // ASCII (nearly every expression): scalar offsets are byte offsets, and texts are cut
        // from the bytes.
        let utf8 = Array(expression.utf8)
        let ascii = utf8.count == characters.count
        var tokens: [XPathToken] = []
        var index = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
        func isLetter(_ c: Unicode.Scalar) -> Bool {
            if c.isASCII { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
            return c.properties.isAlphabetic
        }
        func isNameStart(_ c: Unicode.Scalar) -> Bool { isLetter(c) || c == "_" }
        func isName(_ c: Unicode.Scalar) -> Bool {
            isLetter(c) || isDigit(c) || c == "_" || c == "-" || c == "."
                || (!c.isASCII && c.properties.numericType != nil)
        }
        func isSpace(_ c: Unicode.Scalar) -> Bool {
            c == " " || c == "\n" || c == "\t" || c == "\r" || (!c.isASCII && c.properties.isWhitespace)
        }
        func text(_ range: Range<Int>) -> String {
            if ascii { return String(decoding: utf8[range], as: UTF8.self) }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: characters[range])
            return String(out)
        }
        while index < characters.count {
            let c = characters[index]
            let start = index
            if isSpace(c) {
                index += 1
                continue
            }
            if c == "'" || c == "\"" {
                var end = index + 1
                while end < characters.count, characters[end] != c { end += 1 }
                let literal = text((index + 1)..<end)
                index = min(end + 1, characters.count)
                tokens.append(XPathToken(kind: .literal, text: literal, start: start, end: index))
            } else if isDigit(c) || (c == "." && index + 1 < characters.count && isDigit(characters[index + 1])) {
                while index < characters.count, isDigit(characters[index]) || characters[index] == "." { index += 1 }
                tokens.append(XPathToken(kind: .number, text: text(start..<index), start: start, end: index))
            } else if isNameStart(c) || (c == "$" && index + 1 < characters.count) {
                if c == "$" { index += 1 }
                while index < characters.count, isName(characters[index]) { index += 1 }
                if index + 1 < characters.count, characters[index] == ":", characters[index + 1] != ":" {
                    index += 1
                    if index < characters.count, characters[index] == "*" {
                        index += 1
                    } else {
                        while index < characters.count, isName(characters[index]) { index += 1 }
                    }
                }
                tokens.append(
                    XPathToken(kind: c == "$" ? .variable : .name, text: text(start..<index), start: start, end: index))
            } else {
                var width = 1
                if index + 1 < characters.count {
                    let next = characters[index + 1]
                    switch (c, next) {
                    case ("/", "/"), (":", ":"), (".", "."), ("!", "="), ("<", "="), (">", "="): width = 2
                    default: break
                    }
                }
                index += width
                tokens.append(XPathToken(kind: .symbol, text: text(start..<index), start: start, end: index))
            }
        }
        return tokens
    }
}
