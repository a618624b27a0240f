import CLibXML2

/// redline's functions as libxml2 calls them: one callback, registered under every function's
/// name, finds the function libxml2 is calling, pops its arguments and pushes its value.
extension RedlineFunctions {
    /// Registers every function on an XPath context (one per record).
    static func register(on context: xmlXPathContextPtr) {
        for name in names {
            xmlXPathRegisterFuncNS(context, name, namespace, callback)
        }
        MeteredCoreFunctions.register(on: context)
    }

    /// The functions' names, read from their descriptors once.
    private static let names = all.map { $0.descriptor.name }

    /// libxml2 sets the name of the function it calls on the context before calling it.
    private static let callback: @convention(c) (xmlXPathParserContextPtr?, Int32) -> Void = { ctxt, nargs in
        guard let ctxt, let context = ctxt.pointee.context, let name = context.pointee.function,
            let function = named[String(cString: name)]
        else { return }
        guard redline_xpath_nargs_ok(ctxt, nargs, Int32(function.descriptor.arity)) != 0,
            let data = redline_xpath_userdata(ctxt)
        else { return }
        let environment = Unmanaged<EvaluationEnvironment>.fromOpaque(data).takeUnretainedValue()
        let arguments = PoppedArguments(ctxt, count: Int(nargs), environment: environment)
        do throws(RedlineFunctionFailure) {
            switch try function.evaluate(arguments) {
            case .boolean(let value): valuePush(ctxt, xmlXPathNewBoolean(value ? 1 : 0))
            case .number(let value): valuePush(ctxt, xmlXPathNewFloat(value))
            case .string(let value): valuePush(ctxt, xmlXPathNewString(value))
            case .nodes: xmlXPathErr(ctxt, Int32(XPATH_INVALID_TYPE.rawValue))
            }
        } catch {
            switch error {
            case .unknownList(let id):
                if environment.functionError == nil { environment.functionError = "unknown reference list '\(id)'" }
                xmlXPathErr(ctxt, Int32(XPATH_INVALID_ARITY.rawValue + 100))
            case .invalidType, .gaveUp:
                xmlXPathErr(ctxt, Int32(XPATH_INVALID_TYPE.rawValue))
            case .operationLimit:
                xmlXPathErr(ctxt, Int32(XPATH_OP_LIMIT_EXCEEDED.rawValue))
            case .timeLimit:
                xmlXPathErr(ctxt, Int32(XPATH_INVALID_OPERAND.rawValue))
            }
        }
    }

    /// The nodes of a libxml2 node-set object, namespace nodes left out.
    static func nodes(of object: xmlXPathObjectPtr) -> [xmlNodePtr] {
        guard let set = object.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else {
            return []
        }
        var result: [xmlNodePtr] = []
        result.reserveCapacity(Int(set.pointee.nodeNr))
        for index in 0..<Int(set.pointee.nodeNr) {
            // Namespace nodes are xmlNs, not xmlNode (libxml2.md P12): never read them as nodes.
            guard let node = table[index], redline_node_is_namespace(node) == 0 else { continue }
            result.append(node)
        }
        return result
    }
}

/// A function's arguments as libxml2 computed them, popped from its value stack.
private struct PoppedArguments: RedlineFunctionArguments {
    /// One popped argument.
    enum Value {
        /// A node-set (or, not a node-set to functions that need one, a result tree fragment).
        case nodes([xmlNodePtr], isNodeSet: Bool)
        /// Any other value, converted to a string.
        case string(String)
    }

    let ctxt: xmlXPathParserContextPtr
    let environment: EvaluationEnvironment
    /// In argument order.
    let values: [Value]

    init(_ ctxt: xmlXPathParserContextPtr, count: Int, environment: EvaluationEnvironment) {
        self.ctxt = ctxt
        self.environment = environment
        var popped: [Value] = []
        for _ in 0..<count {
            guard let object = valuePop(ctxt) else { break }
            defer { xmlXPathFreeObject(object) }
            switch object.pointee.type {
            case XPATH_NODESET: popped.append(.nodes(RedlineFunctions.nodes(of: object), isNodeSet: true))
            case XPATH_XSLT_TREE: popped.append(.nodes(RedlineFunctions.nodes(of: object), isNodeSet: false))
            default:
                guard let text = xmlXPathCastToString(object) else {
                    popped.append(.string(""))
                    continue
                }
                defer { redline_xmlFree(text) }
                popped.append(.string(String(cString: text)))
            }
        }
        values = popped.reversed()
    }

    /// A node's string value, its length charged.
    private func string(of node: xmlNodePtr) throws(RedlineFunctionFailure) -> String {
        guard let value = xmlXPathCastNodeToString(node) else { return "" }
        defer { redline_xmlFree(value) }
        let text = String(cString: value)
        try charge(EvaluationEnvironment.cost(ofText: text.utf8.count))
        return text
    }

    func strings(_ index: Int) throws(RedlineFunctionFailure) -> [String] {
        guard index < values.count else { return [] }
        switch values[index] {
        case .nodes(let nodes, _):
            var texts: [String] = []
            for node in nodes { texts.append(try string(of: node)) }
            return texts
        case .string(let text):
            try charge(EvaluationEnvironment.cost(ofText: text.utf8.count))
            return [text]
        }
    }

    func string(_ index: Int) throws(RedlineFunctionFailure) -> String {
        guard index < values.count else { return "" }
        switch values[index] {
        case .nodes(let nodes, _): return try nodes.first.map(string(of:)) ?? ""
        case .string(let text):
            try charge(EvaluationEnvironment.cost(ofText: text.utf8.count))
            return text
        }
    }

    func anyString(_ index: Int, _ test: (String) throws(RedlineFunctionFailure) -> Bool)
        throws(RedlineFunctionFailure) -> Bool
    {
        guard index < values.count else { return false }
        switch values[index] {
        case .nodes(let nodes, _):
            for node in nodes where try test(try string(of: node)) { return true }
            return false
        case .string:
            return try test(try string(index))
        }
    }

    func valueCount(_ index: Int) -> Int {
        guard index < values.count else { return 0 }
        if case .nodes(let nodes, _) = values[index] { return nodes.count }
        return 1
    }

    func anyNode(_ index: Int, _ test: (xmlNodePtr) -> Bool) throws(RedlineFunctionFailure) -> Bool {
        guard index < values.count, case .nodes(let nodes, isNodeSet: true) = values[index] else {
            throw .invalidType
        }
        return nodes.contains(where: test)
    }

    /// libxml2 counts a function call as one operation, however long the list it searches.
    func charge(_ cost: Int) throws(RedlineFunctionFailure) {
        switch MeteredCoreFunctions.charge(ctxt, cost, environment) {
        case .ok: return
        case .operationLimit: throw .operationLimit
        case .timeLimit: throw .timeLimit
        }
    }
}
