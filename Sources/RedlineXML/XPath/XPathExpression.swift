import CLibXML2
import Synchronization

/// An XPath 1.0 expression compiled once and evaluated on many documents.
///
/// Immutable after creation except for libxml2's benign function-pointer cache (libxml2.md
/// P14), which ``CompiledRuleSet`` fills by a warm-up evaluation on one thread before sharing,
/// and, for an expression made with `deferred: true`, its compiled forms, made by the first
/// thread that needs them (see ``compiled``).
public final class XPathExpression: @unchecked Sendable {
    /// The expression text.
    public let text: String
    /// Where the expression was written (for messages).
    public let position: SourcePosition
    /// The lines of the file the expression was written in, when it came from one.
    package let lines: LineTable?
    /// The rule set's namespaces (prefix to URI) for the native form; nil: libxml2 only.
    private let namespaces: [String: String]?
    /// The compiled forms once made: an `Unmanaged<Compiled>` retained until `deinit`.
    private let made = Atomic<UnsafeRawPointer?>(nil)

    /// What compiling the text gives.
    private final class Compiled {
        let pointer: xmlXPathCompExprPtr
        let syntax: XPathSyntax
        var native: NativeXPath?

        init(pointer: xmlXPathCompExprPtr, syntax: XPathSyntax, native: NativeXPath?) {
            self.pointer = pointer
            self.syntax = syntax
            self.native = native
        }

        /// Takes the native tree out to release it node by node.
        deinit {
            xmlXPathFreeCompExpr(pointer)
            if var tree = native {
                native = nil
                NativeXPath.release(&tree)
            }
        }
    }

    /// libxml2's compiled form (the fallback evaluator's).
    var pointer: xmlXPathCompExprPtr { compiled.pointer }
    /// The expression read as an XPath 1.0 syntax tree (for the loader's checks, lint, coverage and
    /// explanations; the native form is lowered from it).
    package var syntax: XPathSyntax { compiled.syntax }
    /// The expression in redline's own form, evaluated without libxml2's XPath machine when the
    /// expression stays within what ``NativeXPathEvaluator`` handles; nil otherwise.
    var native: NativeXPath? { compiled.native }
    /// Whether the compiled forms are made (always, unless made `deferred` and not needed yet).
    package var isCompiled: Bool { made.load(ordering: .acquiring) != nil }

    /// Compiles `text`; `position` locates it in its file. With the rule set's `namespaces`
    /// (prefix to URI), the expression is also compiled to redline's native form where it can be.
    /// - Throws: ``RedlineError`` `invalidRules` with the column of the offending character.
    public convenience init(_ text: String, at position: SourcePosition, namespaces: [String: String]? = nil)
        throws(RedlineError)
    {
        try self.init(text, at: position, namespaces: namespaces, lines: nil)
    }

    /// Compiles `text` written in a file whose `lines` place its characters (see ``position(atOffset:)``).
    /// An expression longer than ``XPathSyntax/maxLength`` characters or nested deeper than
    /// ``XPathSyntax/maxDepth`` levels is refused before libxml2 compiles it.
    ///
    /// With `deferred`, nothing is compiled (and nothing thrown) until a compiled form is first
    /// needed: for expressions known to compile, such as those of the rule set embedded in the
    /// binary, which the test suite compiles with every check (one record's check evaluates only
    /// some of them). A deferred text that does not compile after all evaluates as `false()`.
    package init(
        _ text: String, at position: SourcePosition, namespaces: [String: String]?, lines: LineTable?,
        deferred: Bool = false
    ) throws(RedlineError) {
        XMLLibrary.ensureInitialized()
        self.text = text
        self.position = position
        self.lines = lines
        self.namespaces = namespaces
        if !deferred { store(try Self.compile(text, at: position, namespaces: namespaces)) }
    }

    deinit {
        if let raw = made.load(ordering: .acquiring) { Unmanaged<Compiled>.fromOpaque(raw).release() }
    }

    /// The compiled forms, made on first use for a deferred expression. Two threads may both
    /// compile it; the first to store its forms wins and the other's are freed.
    private var compiled: Compiled {
        if let raw = made.load(ordering: .acquiring) {
            return Unmanaged<Compiled>.fromOpaque(raw).takeUnretainedValue()
        }
        let fresh: Compiled
        do {
            fresh = try Self.compile(text, at: position, namespaces: namespaces)
        } catch {
            // Only for a deferred text that does not compile (the test suite compiles every one).
            // swiftlint:disable:next force_try
            fresh = try! Self.compile("false()", at: position, namespaces: namespaces)
        }
        return store(fresh)
    }

    /// Stores `fresh` unless another thread stored its own first; returns the one stored.
    @discardableResult
    private func store(_ fresh: Compiled) -> Compiled {
        let raw = UnsafeRawPointer(Unmanaged.passRetained(fresh).toOpaque())
        let (exchanged, original) = made.compareExchange(
            expected: nil, desired: raw, successOrdering: .acquiringAndReleasing, failureOrdering: .acquiring)
        guard !exchanged, let original else { return fresh }
        Unmanaged<Compiled>.fromOpaque(raw).release()
        return Unmanaged<Compiled>.fromOpaque(original).takeUnretainedValue()
    }

    /// Reads, checks and compiles `text` in both forms.
    private static func compile(_ text: String, at position: SourcePosition, namespaces: [String: String]?)
        throws(RedlineError) -> Compiled
    {
        let syntax = XPathSyntax(text)
        if let limit = syntax.limit { throw Self.error(limit, text: text, at: position) }
        let result = Self.compiler.withLock { context -> (xmlXPathCompExprPtr?, code: Int, offset: Int) in
            guard let context = context.pointer else { return (nil, -1, 0) }
            xmlResetError(&context.pointee.lastError)
            let compiled = xmlXPathCtxtCompile(context, text)
            let error = context.pointee.lastError
            return (compiled, Int(error.code) - Int(XML_XPATH_EXPRESSION_OK.rawValue), Int(error.int1))
        }
        guard let compiled = result.0 else {
            if result.code < 0 {
                throw RedlineError(.invalidRules, "cannot create an XPath context (out of memory)", at: position)
            }
            let code = result.code
            let offset = result.offset
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
        let native = namespaces.flatMap { NativeXPathLowering.lower(syntax, namespaces: $0) }
        return Compiled(pointer: compiled, syntax: syntax, native: native)
    }

    /// The one XPath context every expression is compiled in (a document-less context, silenced;
    /// creating one per expression cost 6 M instructions of the 118 M of loading the default rule
    /// set). Compiling reads it and records its last error, so one lock serialises compilations.
    private static let compiler = Mutex(CompileContext())

    /// An XPath context kept for compiling (never freed: it lives as long as the process).
    private struct CompileContext: ~Copyable, @unchecked Sendable {
        let pointer: xmlXPathContextPtr?

        init() {
            pointer = xmlXPathNewContext(nil)
            if let pointer { redline_silence_xpath(pointer) }
        }
    }

    /// The error for an expression past one of ``XPathSyntax``'s bounds, at the expression's
    /// start (too long) or where it goes too deep (the column moved by the offset, as for
    /// libxml2's errors; the loader maps it through line breaks and entities).
    static func error(_ limit: XPathSyntax.Limit, text: String, at position: SourcePosition) -> RedlineError {
        let start = XPathEvaluator.abbreviate(text)
        switch limit {
        case .length(let characters):
            return RedlineError(
                .invalidRules,
                "XPath expression is \(characters) characters long, more than the limit of "
                    + "\(XPathSyntax.maxLength) (expected at most \(XPathSyntax.maxLength) characters; it starts "
                    + "'\(start)')",
                at: position,
                suggestion:
                    "split the condition into several rules, and put long sets of values in a <list> tested with "
                    + "rl:in-list (docs/rule-language.md, \"Limits\")")
        case .depth(let offset):
            var at = position
            if at.column > 0 { at.column += offset }
            return RedlineError(
                .invalidRules,
                "XPath expression nests more than \(XPathSyntax.maxDepth) levels deep at offset \(offset) (expected "
                    + "at most \(XPathSyntax.maxDepth) levels: each operator of a chain, bracket, function call, "
                    + "predicate and location step is one; in '\(start)')",
                at: at,
                suggestion:
                    "split the condition into several rules, test a set of values with rl:in-list and a <list> "
                    + "instead of a chain of 'or', and remove redundant brackets (docs/rule-language.md, \"Limits\")")
        }
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
