import CLibXML2

/// The result of evaluating an XPath expression, as this module's evaluators compute it.
enum XPathValue {
    case nodes([xmlNodePtr])
    case boolean(Bool)
    case number(Double)
    case string(String)
}

/// The result of evaluating an XPath expression, for other modules: nodes as handles.
package enum XPathResult {
    case nodes([XMLNode])
    case boolean(Bool)
    case number(Double)
    case string(String)

    init(_ value: XPathValue) {
        switch value {
        case .nodes(let nodes): self = .nodes(nodes.map(XMLNode.init))
        case .boolean(let value): self = .boolean(value)
        case .number(let value): self = .number(value)
        case .string(let value): self = .string(value)
        }
    }

    /// Whether two results are the same: node-sets with the same nodes in the same order,
    /// numbers equal or both NaN.
    package static func same(_ a: XPathResult, _ b: XPathResult) -> Bool {
        switch (a, b) {
        case (.nodes(let x), .nodes(let y)): return x == y
        case (.boolean(let x), .boolean(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.string(let x), .string(let y)): return x == y
        default: return false
        }
    }
}

/// Evaluates compiled expressions on one document, with redline's namespaces, functions,
/// evaluation environment and operation limit. Confined to one thread; one per record.
package final class XPathEvaluator {
    private let context: xmlXPathContextPtr
    private let document: XMLDocument
    private let environment: Unmanaged<EvaluationEnvironment>
    private let operationLimit: Int
    private let rootNode: xmlNodePtr
    /// Boolean results of expressions already evaluated at the root, by compiled expression (the
    /// loader makes rules with the same condition share one).
    private var rootBooleans: [ObjectIdentifier: Bool] = [:]
    /// Evaluates expressions that have a native form (nil: libxml2 evaluates everything).
    private let native: NativeXPathEvaluator?

    /// `useNative: false` makes libxml2 evaluate every expression (the tests compare both).
    package init(
        document: XMLDocument, namespaces: [String: String], environment: EvaluationEnvironment, operationLimit: Int,
        useNative: Bool = true
    ) {
        self.document = document
        native =
            useNative
            ? NativeXPathEvaluator(document: document.pointer, environment: environment, operationLimit: operationLimit)
            : nil
        self.operationLimit = operationLimit
        context = xmlXPathNewContext(document.pointer)
        redline_silence_xpath(context)
        for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
            xmlXPathRegisterNs(context, prefix, uri)
        }
        RedlineFunctions.register(on: context)
        rootNode =
            xmlDocGetRootElement(document.pointer)
            ?? UnsafeMutableRawPointer(document.pointer).assumingMemoryBound(to: xmlNode.self)
        self.environment = Unmanaged.passRetained(environment)
        context.pointee.userData = self.environment.toOpaque()
    }

    deinit {
        xmlXPathFreeContext(context)
        environment.release()
    }

    /// The first 60 characters of an expression, for messages.
    static func abbreviate(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return flat.count <= 60 ? flat : String(flat.prefix(57)) + "..."
    }

    /// Evaluates `expression` with `node` (default: the root element, so rule paths are relative
    /// to `licenceRecord`) as the context node.
    package func evaluate(_ expression: XPathExpression, node: XMLNode? = nil) throws(RedlineError) -> XPathResult {
        XPathResult(try value(expression, node: node?.pointer))
    }

    private func value(_ expression: XPathExpression, node: xmlNodePtr?) throws(RedlineError) -> XPathValue {
        if let native, let form = expression.native {
            do throws(NativeXPathStop) {
                return try native.value(form, at: node ?? rootNode)
            } catch {
                if error.timeLimit { throw timeLimit(expression) }
            }
        }
        return try evaluateWithLibXML2(expression, node: node)
    }

    /// The error of an evaluation stopped by the record's deadline (the engine reports the record
    /// as over its time limit, naming the rule).
    private func timeLimit(_ expression: XPathExpression) -> RedlineError {
        RedlineError(
            .timeLimit,
            "XPath '\(XPathEvaluator.abbreviate(expression.text))' was stopped when the record's time limit ran out",
            at: expression.position,
            suggestion: "if the record is trusted, raise --max-seconds-per-record; if you wrote the rule, avoid "
                + "string functions over whole documents inside loops over many nodes")
    }

    /// Evaluates with libxml2's XPath machine.
    private func evaluateWithLibXML2(_ expression: XPathExpression, node: xmlNodePtr?) throws(RedlineError)
        -> XPathValue
    {
        context.pointee.node = node ?? rootNode
        context.pointee.opLimit = UInt(operationLimit)
        context.pointee.opCount = 0
        environment.takeUnretainedValue().functionError = nil
        if environment.takeUnretainedValue().timedOut { throw timeLimit(expression) }
        guard let object = xmlXPathCompiledEval(expression.pointer, context) else {
            let env = environment.takeUnretainedValue()
            if env.timedOut { throw timeLimit(expression) }
            let code = Int(context.pointee.lastError.code) - Int(XML_XPATH_EXPRESSION_OK.rawValue)
            let reason = env.functionError ?? XPathErrors.message(for: code)
            var suggestion = "check the expression against the record format (docs/record-format.md)"
            var message = "XPath '\(XPathEvaluator.abbreviate(expression.text))' failed: \(reason)"
            if code == Int(XPATH_OP_LIMIT_EXCEEDED.rawValue) {
                message =
                    "XPath '\(XPathEvaluator.abbreviate(expression.text))' exceeded the limit of \(operationLimit) "
                    + "operations on this record"
                suggestion =
                    "if the record is trusted, raise --max-xpath-ops; if you wrote the rule, use absolute paths "
                    + "instead of '//' and avoid nested loops over large node-sets"
            } else if env.functionError != nil {
                suggestion = "declare the list in the rule set, or fix the list id"
            }
            throw RedlineError(.evaluation, message, at: expression.position, suggestion: suggestion)
        }
        defer { xmlXPathFreeObject(object) }
        switch object.pointee.type {
        case XPATH_NODESET:
            return .nodes(RedlineFunctions.nodes(of: object))
        case XPATH_BOOLEAN:
            return .boolean(object.pointee.boolval != 0)
        case XPATH_NUMBER:
            return .number(object.pointee.floatval)
        default:
            guard let text = xmlXPathCastToString(object) else { return .string("") }
            defer { redline_xmlFree(text) }
            return .string(String(cString: text))
        }
    }

    /// Evaluates and converts to a boolean by XPath's rules.
    package func boolean(_ expression: XPathExpression, node: XMLNode? = nil) throws(RedlineError) -> Bool {
        if let native, let form = expression.native {
            do throws(NativeXPathStop) {
                return try native.boolean(form, at: node?.pointer ?? rootNode)
            } catch {
                if error.timeLimit { throw timeLimit(expression) }
            }
        }
        switch try evaluateWithLibXML2(expression, node: node?.pointer) {
        case .nodes(let nodes): return !nodes.isEmpty
        case .boolean(let value): return value
        case .number(let value): return value != 0 && !value.isNaN
        case .string(let value): return !value.isEmpty
        }
    }

    /// ``boolean(_:node:)`` at the root, remembered for this record: many rules share one
    /// applicability condition (`when`), and an XPath expression has no side effects, so on one
    /// document it always gives the same result. Errors are not remembered.
    package func rootBoolean(_ expression: XPathExpression) throws(RedlineError) -> Bool {
        let identity = ObjectIdentifier(expression)
        if let known = rootBooleans[identity] { return known }
        let value = try boolean(expression)
        rootBooleans[identity] = value
        return value
    }

    /// Evaluates and converts to a string by XPath's rules (a node-set gives its first node's value).
    package func string(_ expression: XPathExpression, node: XMLNode? = nil) throws(RedlineError) -> String {
        switch try value(expression, node: node?.pointer) {
        case .nodes(let nodes):
            guard let first = nodes.first, let text = xmlXPathCastNodeToString(first) else { return "" }
            defer { redline_xmlFree(text) }
            return String(cString: text)
        case .boolean(let value): return value ? "true" : "false"
        case .number(let value):
            if value.isNaN { return "NaN" }
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return String(value)
        case .string(let value): return value
        }
    }

    /// Evaluates and returns the node-set (empty for other types).
    package func nodes(_ expression: XPathExpression, node: XMLNode? = nil) throws(RedlineError) -> [XMLNode] {
        if case .nodes(let nodes) = try value(expression, node: node?.pointer) { return nodes.map(XMLNode.init) }
        return []
    }

    /// The first node of the node-set (nil when empty or not a node-set): where a rule points.
    package func firstNode(_ expression: XPathExpression, node: XMLNode? = nil) throws(RedlineError) -> XMLNode? {
        if case .nodes(let nodes) = try value(expression, node: node?.pointer) { return nodes.first.map(XMLNode.init) }
        return nil
    }
}
