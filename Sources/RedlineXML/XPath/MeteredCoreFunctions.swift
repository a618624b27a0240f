import CLibXML2

/// XPath's core functions that read or build strings, as libxml2 runs them on redline's
/// contexts. libxml2 counts a function call as one operation however long its strings, and never
/// looks at a clock, so `string(/)` per node or `translate` of a large value ran unbounded under
/// both limits. Registered over libxml2's own functions, each call here:
/// - converts its string arguments (as XPath does) and charges their lengths, one operation per
///   64 bytes, against the operation limit and the record's deadline before any work is done;
/// - runs libxml2's function, or redline's linear-time one for `concat`, `contains`,
///   `substring-before`, `substring-after` and `translate` (``XPathStrings``);
/// - charges its result's length, and stops the evaluation once the deadline has passed.
enum MeteredCoreFunctions {
    /// How many leading arguments are strings, and who computes the value (`nil`: redline).
    private struct Function {
        var stringArguments: Int
        var original: xmlXPathFunction?
    }

    private static let functions: [String: Function] = [
        "string": Function(stringArguments: 1, original: xmlXPathStringFunction),
        "string-length": Function(stringArguments: 1, original: xmlXPathStringLengthFunction),
        "normalize-space": Function(stringArguments: 1, original: xmlXPathNormalizeFunction),
        "starts-with": Function(stringArguments: 2, original: xmlXPathStartsWithFunction),
        "substring": Function(stringArguments: 1, original: xmlXPathSubstringFunction),
        "number": Function(stringArguments: 0, original: xmlXPathNumberFunction),
        "sum": Function(stringArguments: 0, original: xmlXPathSumFunction),
        "id": Function(stringArguments: 0, original: xmlXPathIdFunction),
        "concat": Function(stringArguments: .max, original: nil),
        "contains": Function(stringArguments: 2, original: nil),
        "substring-before": Function(stringArguments: 2, original: nil),
        "substring-after": Function(stringArguments: 2, original: nil),
        "translate": Function(stringArguments: 3, original: nil),
    ]

    /// Replaces libxml2's functions of these names on `context` (one per record). Every context
    /// that evaluates redline's compiled expressions registers them: libxml2 remembers the
    /// function it found in the compiled expression.
    static func register(on context: xmlXPathContextPtr) {
        for name in functions.keys.sorted() {
            // Registering no function removes libxml2's own, which cannot be replaced otherwise.
            xmlXPathRegisterFunc(context, name, nil)
            xmlXPathRegisterFunc(context, name, callback)
        }
    }

    /// What charging work found.
    enum Charge {
        case ok, operationLimit, timeLimit
    }

    /// Counts `cost` operations against libxml2's operation limit for this evaluation and against
    /// the record's deadline.
    static func charge(_ ctxt: xmlXPathParserContextPtr, _ cost: Int, _ environment: EvaluationEnvironment?)
        -> Charge
    {
        let cost = max(0, cost)
        if let context = ctxt.pointee.context {
            context.pointee.opCount += UInt(cost)
            if context.pointee.opLimit != 0, context.pointee.opCount > context.pointee.opLimit {
                return .operationLimit
            }
        }
        guard let environment else { return .ok }
        return environment.spend(cost) ? .ok : .timeLimit
    }

    private static func stop(_ ctxt: xmlXPathParserContextPtr, _ charge: Charge) {
        let code = charge == .operationLimit ? XPATH_OP_LIMIT_EXCEEDED : XPATH_INVALID_OPERAND
        xmlXPathErr(ctxt, Int32(code.rawValue))
    }

    private static let callback: xmlXPathFunction = { ctxt, nargs in
        guard let ctxt, let context = ctxt.pointee.context, let name = context.pointee.function,
            let function = functions[String(cString: name)]
        else { return }
        let environment = redline_xpath_userdata(ctxt).map {
            Unmanaged<EvaluationEnvironment>.fromOpaque($0).takeUnretainedValue()
        }
        if environment?.timedOut == true { return stop(ctxt, .timeLimit) }
        let count = Int(nargs)
        let base = Int(ctxt.pointee.valueNr) - count
        guard count >= 0, base >= Int(ctxt.pointee.valueFrame), let table = ctxt.pointee.valueTab else {
            return xmlXPathErr(ctxt, Int32(XPATH_STACK_ERROR.rawValue))
        }
        // The arguments, converted to strings where XPath converts them, charged by length.
        var cost = 1
        for index in 0..<count {
            guard let object = table[base + index] else { continue }
            if index < function.stringArguments {
                if object.pointee.type != XPATH_STRING {
                    let converted = xmlXPathWrapString(xmlXPathCastToString(object))
                    xmlXPathFreeObject(object)
                    table[base + index] = converted
                }
                if let text = table[base + index]?.pointee.stringval {
                    cost += EvaluationEnvironment.cost(
                        ofText: strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self)))
                }
            } else if object.pointee.type == XPATH_NODESET, let set = object.pointee.nodesetval {
                cost += Int(set.pointee.nodeNr)
            }
        }
        let before = charge(ctxt, cost, environment)
        guard before == .ok else { return stop(ctxt, before) }
        if let original = function.original {
            original(ctxt, nargs)
        } else {
            guard let result = replacement(String(cString: name), table: table, base: base, count: count) else {
                return xmlXPathErr(ctxt, Int32(XPATH_INVALID_ARITY.rawValue))
            }
            for _ in 0..<count { xmlXPathFreeObject(valuePop(ctxt)) }
            valuePush(ctxt, result)
        }
        guard ctxt.pointee.error == 0, ctxt.pointee.valueNr > 0, let top = table[Int(ctxt.pointee.valueNr) - 1] else {
            return
        }
        var after = charge(ctxt, 1, environment)
        if top.pointee.type == XPATH_STRING, let text = top.pointee.stringval {
            after = charge(
                ctxt,
                EvaluationEnvironment.cost(ofText: strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))),
                environment)
        }
        if after != .ok { stop(ctxt, after) }
    }

    /// The value of one of the functions redline computes, from its arguments (already strings),
    /// or nil when their number is wrong.
    private static func replacement(
        _ name: String, table: UnsafeMutablePointer<xmlXPathObjectPtr?>, base: Int, count: Int
    ) -> xmlXPathObjectPtr? {
        value(of: name, table: table, base: base, count: count).map { value in
            switch value {
            case .boolean(let flag): return xmlXPathNewBoolean(flag ? 1 : 0)
            case .string(let text): return xmlXPathNewString(text)
            }
        }
    }

    private enum Value {
        case boolean(Bool)
        case string(String)
    }

    private static func value(
        of name: String, table: UnsafeMutablePointer<xmlXPathObjectPtr?>, base: Int, count: Int
    ) -> Value? {
        func argument(_ index: Int) -> String {
            guard let text = table[base + index]?.pointee.stringval else { return "" }
            return String(cString: text)
        }
        switch (name, count) {
        case ("concat", 2...):
            var result = ""
            for index in 0..<count { result += argument(index) }
            return .string(result)
        case ("contains", 2):
            return .boolean(XPathStrings.contains(argument(0), argument(1)))
        case ("substring-before", 2):
            return .string(XPathStrings.substring(of: argument(0), before: argument(1)))
        case ("substring-after", 2):
            return .string(XPathStrings.substring(of: argument(0), after: argument(1)))
        case ("translate", 3):
            return .string(XPathStrings.translate(argument(0), from: argument(1), to: argument(2)))
        default:
            return nil
        }
    }
}
