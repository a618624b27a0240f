/// Checks what compiling an XPath cannot: that every function exists with the right number of
/// arguments, every namespace prefix is declared, and every list named by a literal exists.
enum ExpressionChecker {
    /// XPath 1.0's core functions and node tests.
    static let coreFunctions: Set<String> = [
        "last", "position", "count", "id", "local-name", "namespace-uri", "name", "string", "concat", "starts-with",
        "contains", "substring-before", "substring-after", "substring", "string-length", "normalize-space",
        "translate", "boolean", "not", "true", "false", "lang", "number", "sum", "floor", "ceiling", "round",
        "node", "text", "comment", "processing-instruction",
    ]

    private enum Token: Equatable {
        case literal(String)
        case name(prefix: String?, local: String, offset: Int)
        case symbol(Character)
    }

    private static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        let characters = Array(text)
        var index = 0
        func isNameStart(_ c: Character) -> Bool { c.isLetter || c == "_" }
        func isName(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." }
        while index < characters.count {
            let c = characters[index]
            if c == "'" || c == "\"" {
                var end = index + 1
                while end < characters.count, characters[end] != c { end += 1 }
                result.append(.literal(String(characters[min(index + 1, characters.count)..<min(end, characters.count)])))
                index = end + 1
            } else if isNameStart(c) {
                let start = index
                while index < characters.count, isName(characters[index]) { index += 1 }
                var prefix: String?
                var local = String(characters[start..<index])
                if index + 1 < characters.count, characters[index] == ":", characters[index + 1] != ":",
                    isNameStart(characters[index + 1]) || characters[index + 1] == "*"
                {
                    prefix = local
                    index += 1
                    let localStart = index
                    if characters[index] == "*" {
                        index += 1
                    } else {
                        while index < characters.count, isName(characters[index]) { index += 1 }
                    }
                    local = String(characters[localStart..<index])
                }
                result.append(.name(prefix: prefix, local: local, offset: start))
            } else if c.isWhitespace {
                index += 1
            } else {
                result.append(.symbol(c))
                index += 1
            }
        }
        return result
    }

    static func check(_ expression: XPathExpression, namespaces: [String: String], lists: [String: ReferenceList]) throws(RedlineError) {
        let tokens = tokens(expression.text)
        for (index, token) in tokens.enumerated() {
            guard case .name(let prefix, let local, let offset) = token else { continue }
            var at = expression.position
            if at.column > 0 { at.column += offset }
            // An axis name (`child::`) or an operator name is not a QName to check.
            if index + 1 < tokens.count, tokens[index + 1] == .symbol(":") { continue }
            if let prefix, namespaces[prefix] == nil {
                throw RedlineError(
                    .invalidRules, "namespace prefix '\(prefix)' is not declared (in '\(expression.text)')", at: at,
                    suggestion: "use r: for record elements and rl: for redline functions, or declare it with <namespace prefix=\"\(prefix)\" uri=\"…\"/>")
            }
            // `and (`, `or (`: operator names, not function calls.
            if prefix == nil, ["and", "or", "div", "mod"].contains(local), index > 0 { continue }
            let isCall = index + 1 < tokens.count && tokens[index + 1] == .symbol("(")
            guard isCall else { continue }
            if let prefix {
                guard namespaces[prefix] == RedlineFunctions.namespace,
                    let function = RedlineFunctions.descriptor(named: local)
                else {
                    let names = RedlineFunctions.descriptors.map(\.prefixedName).sorted().joined(separator: ", ")
                    throw RedlineError(
                        .invalidRules, "unknown function '\(prefix):\(local)' (in '\(expression.text)')", at: at,
                        suggestion: "redline's functions are: \(names)")
                }
                let arity = function.arity
                let arguments = argumentCount(tokens, open: index + 1)
                if arguments != arity {
                    throw RedlineError(
                        .invalidRules,
                        "function \(prefix):\(local) takes \(arity) argument\(arity == 1 ? "" : "s"), not \(arguments) (in '\(expression.text)')",
                        at: at, suggestion: "see docs/rule-language.md for the function's signature")
                }
                if let wanted = function.list, index + 2 < tokens.count, case .literal(let id) = tokens[index + 2] {
                    guard let list = lists[id] else {
                        throw RedlineError(
                            .invalidRules, "unknown reference list '\(id)' (in '\(expression.text)')", at: at,
                            suggestion: lists.isEmpty
                                ? "declare the list with <list id=\"\(id)\" …>"
                                : "declare the list, or use one of: \(lists.keys.sorted().joined(separator: ", "))")
                    }
                    if case .only(let kind) = wanted, list.kind != kind {
                        throw RedlineError(
                            .invalidRules, "rl:contains-any needs a phrase list; '\(id)' is a \(list.kind.rawValue) list", at: at,
                            suggestion: "use rl:in-list for \(list.kind.rawValue) lists")
                    }
                }
            } else if !coreFunctions.contains(local) {
                throw RedlineError(
                    .invalidRules, "unknown function '\(local)' (in '\(expression.text)'); redline uses XPath 1.0", at: at,
                    suggestion: "XPath 1.0 functions only; redline's own are prefixed rl: (see docs/rule-language.md)")
            }
        }
    }

    private static func argumentCount(_ tokens: [Token], open: Int) -> Int {
        var depth = 0
        var commas = 0
        var empty = true
        var index = open
        while index < tokens.count {
            let token = tokens[index]
            if token == .symbol("(") || token == .symbol("[") {
                depth += 1
            } else if token == .symbol(")") || token == .symbol("]") {
                depth -= 1
                if depth == 0 { break }
            } else if depth == 1 {
                if token == .symbol(",") { commas += 1 } else { empty = false }
            } else {
                empty = false
            }
            index += 1
        }
        return empty && commas == 0 ? 0 : commas + 1
    }
}
