import CLibXML2

/// An XPath 1.0 expression compiled once and evaluated on many documents.
///
/// Immutable after creation except for libxml2's benign function-pointer cache (libxml2.md
/// P14), which ``CompiledRuleSet`` fills by a warm-up evaluation on one thread before sharing.
public final class XPathExpression: @unchecked Sendable {
    let pointer: xmlXPathCompExprPtr
    /// The expression text.
    public let text: String
    /// Where the expression was written (for messages).
    public let position: SourcePosition
    /// The expression read as an XPath 1.0 syntax tree (for the loader's checks, lint, coverage and
    /// explanations; the native form is lowered from it).
    package let syntax: XPathSyntax
    /// The expression in redline's own form, evaluated without libxml2's XPath machine when the
    /// expression stays within what ``NativeXPathEvaluator`` handles; nil otherwise.
    let native: NativeXPath?
    /// The lines of the file the expression was written in, when it came from one.
    package let lines: LineTable?

    /// Compiles `text`; `position` locates it in its file. With the rule set's `namespaces`
    /// (prefix to URI), the expression is also compiled to redline's native form where it can be.
    /// - Throws: ``RedlineError`` `invalidRules` with the column of the offending character.
    public convenience init(_ text: String, at position: SourcePosition, namespaces: [String: String]? = nil)
        throws(RedlineError)
    {
        try self.init(text, at: position, namespaces: namespaces, lines: nil)
    }

    /// Compiles `text` written in a file whose `lines` place its characters (see ``position(atOffset:)``).
    package init(_ text: String, at position: SourcePosition, namespaces: [String: String]?, lines: LineTable?)
        throws(RedlineError)
    {
        XMLLibrary.ensureInitialized()
        self.text = text
        self.position = position
        self.lines = lines
        guard let context = xmlXPathNewContext(nil) else {
            throw RedlineError(.invalidRules, "cannot create an XPath context (out of memory)", at: position)
        }
        defer { xmlXPathFreeContext(context) }
        redline_silence_xpath(context)
        guard let compiled = xmlXPathCtxtCompile(context, text) else {
            let error = context.pointee.lastError
            let code = Int(error.code) - Int(XML_XPATH_EXPRESSION_OK.rawValue)
            let offset = Int(error.int1)
            var where_ = position
            if where_.column > 0 { where_.column += offset }
            let near = String(text.utf8.dropFirst(offset).prefix(20)).map { " near '\($0)'" } ?? ""
            throw RedlineError(
                .invalidRules,
                "XPath expression does not compile: \(XPathErrors.message(for: code))\(near) (at offset \(offset) of "
                    + "'\(text)')",
                at: where_,
                suggestion: "check brackets, quotes and operators; redline uses XPath 1.0")
        }
        pointer = compiled
        let syntax = XPathSyntax(text)
        self.syntax = syntax
        native = namespaces.flatMap { NativeXPathLowering.lower(syntax, namespaces: $0) }
    }

    deinit {
        xmlXPathFreeCompExpr(pointer)
    }

    /// The position of the character `offset` characters into the expression's text.
    package func position(atOffset offset: Int) -> SourcePosition {
        LineTable.position(lines, contentStart: position, offset: offset)
    }
}

/// libxml2's XPath error messages (its table is not exported; libxml2.md P9).
enum XPathErrors {
    static let messages = [
        "ok", "number encoding error", "unfinished literal", "start of literal", "expected $ for variable reference",
        "undefined variable", "invalid predicate", "invalid expression", "missing closing curly brace",
        "unregistered function", "invalid operand", "invalid type", "invalid number of arguments",
        "invalid context size", "invalid context position", "memory allocation error", "syntax error",
        "resource error", "sub resource error", "undefined namespace prefix", "encoding error", "char out of XML range",
        "invalid or incomplete context", "stack usage error", "forbidden variable", "operation limit exceeded",
        "recursion limit exceeded",
    ]

    static func message(for code: Int) -> String {
        messages.indices.contains(code) ? messages[code] : "XPath error \(code)"
    }
}
