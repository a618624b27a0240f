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
        let characters = Array(expression)
        var tokens: [XPathToken] = []
        var index = 0
        func isNameStart(_ c: Character) -> Bool { c.isLetter || c == "_" }
        func isName(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." }
        while index < characters.count {
            let c = characters[index]
            let start = index
            if c.isWhitespace {
                index += 1
                continue
            }
            if c == "'" || c == "\"" {
                var end = index + 1
                while end < characters.count, characters[end] != c { end += 1 }
                let text = String(characters[(index + 1)..<end])
                index = min(end + 1, characters.count)
                tokens.append(XPathToken(kind: .literal, text: text, start: start, end: index))
            } else if c.isNumber || (c == "." && index + 1 < characters.count && characters[index + 1].isNumber) {
                while index < characters.count, characters[index].isNumber || characters[index] == "." { index += 1 }
                tokens.append(
                    XPathToken(kind: .number, text: String(characters[start..<index]), start: start, end: index))
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
                let text = String(characters[start..<index])
                tokens.append(XPathToken(kind: c == "$" ? .variable : .name, text: text, start: start, end: index))
            } else {
                let pair = index + 1 < characters.count ? String(characters[index...index + 1]) : ""
                let width = ["//", "::", "..", "!=", "<=", ">="].contains(pair) ? 2 : 1
                index += width
                tokens.append(
                    XPathToken(kind: .symbol, text: String(characters[start..<index]), start: start, end: index))
            }
        }
        return tokens
    }
}
