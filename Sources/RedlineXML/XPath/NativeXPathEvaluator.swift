import CLibXML2

/// Thrown when the native evaluation gives up: libxml2 then evaluates the expression (and
/// reports its own error, if there is one). When the record's deadline has passed, nothing
/// takes over: the evaluation stops.
struct NativeXPathStop: Error {
    /// The record's deadline has passed (``EvaluationEnvironment/deadline``).
    var timeLimit = false
}

/// Evaluates ``NativeXPath`` expressions on one libxml2 document with XPath 1.0's semantics:
/// node-sets in document order without duplicates, existential comparisons, XPath's
/// conversions (libxml2's own string-to-number and number-to-string functions), and redline's
/// `rl:` functions by calling their one implementation (``RedlineFunction``), as libxml2 does.
/// Confined to one thread.
///
/// Existential uses of a node-set (a predicate, `and`/`or`, a comparison, `rl:in-list`…) visit
/// nodes without building the node-set and stop at the first node that decides the result;
/// only a value asked for as a node-set (a `locate` expression, `string()` of a set) is built
/// and sorted. Every node visited, and every 64 bytes of string read or built, counts against
/// an operation budget; past it, the evaluation gives up and libxml2, with its own operation
/// limit, takes over. The same work is counted against the record's deadline, which stops the
/// evaluation outright.
final class NativeXPathEvaluator {
    let environment: EvaluationEnvironment
    private let documentNode: xmlNodePtr
    private let operationLimit: Int
    private var budget = 0

    /// The context of one evaluation step: the node, and its position and the size of its
    /// node-set (-1 where XPath has none, as at the top level).
    struct Context {
        var node: xmlNodePtr
        var position: Int
        var size: Int
    }

    /// `operationLimit` is libxml2's limit for the same evaluation; the native budget is a
    /// quarter of it, so an expression near the limit is always left to libxml2 to decide.
    init(document: xmlDocPtr, environment: EvaluationEnvironment, operationLimit: Int) {
        self.environment = environment
        documentNode = UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
        self.operationLimit = max(0, operationLimit / 4)
    }

    // MARK: - Entry points

    /// The value of `expression` with `node` as the context node.
    func value(_ expression: NativeXPath, at node: xmlNodePtr) throws(NativeXPathStop) -> XPathValue {
        budget = operationLimit
        return try value(expression, Context(node: node, position: -1, size: -1))
    }

    /// The boolean value of `expression` with `node` as the context node.
    func boolean(_ expression: NativeXPath, at node: xmlNodePtr) throws(NativeXPathStop) -> Bool {
        budget = operationLimit
        return try boolean(expression, Context(node: node, position: -1, size: -1))
    }

    // MARK: - Values

    private func value(_ expression: NativeXPath, _ context: Context) throws(NativeXPathStop) -> XPathValue {
        switch expression {
        case .literal(let literal): return .string(literal.string)
        case .number(let number): return .number(number)
        case .path, .union, .filter: return .nodes(try nodes(expression, context))
        case .or, .and, .compare: return .boolean(try boolean(expression, context))
        case .arithmetic, .negate: return .number(try number(expression, context))
        case .call(let function, let arguments): return try call(function, arguments, context)
        }
    }

    private func boolean(_ expression: NativeXPath, _ context: Context) throws(NativeXPathStop) -> Bool {
        switch expression {
        case .path, .union, .filter: return try any(expression, context) { _ in true }
        case .or(let a, let b):
            if try boolean(a, context) { return true }
            return try boolean(b, context)
        case .and(let a, let b):
            if try !boolean(a, context) { return false }
            return try boolean(b, context)
        case .compare(let op, let a, let b): return try compare(op, a, b, context)
        case .literal(let literal): return !literal.string.isEmpty
        case .number(let number): return number != 0 && !number.isNaN
        case .call(.not, let arguments): return try !boolean(arguments[0], context)
        case .call(.boolean, let arguments): return try boolean(arguments[0], context)
        default: return Self.boolean(of: try value(expression, context))
        }
    }

    private func number(_ expression: NativeXPath, _ context: Context) throws(NativeXPathStop) -> Double {
        switch expression {
        case .number(let number): return number
        case .negate(let operand): return try -number(operand, context)
        case .arithmetic(let op, let a, let b):
            let x = try number(a, context)
            let y = try number(b, context)
            switch op {
            case .add: return x + y
            case .subtract: return x - y
            case .multiply: return x * y
            case .divide: return x / y
            case .modulo: return x.truncatingRemainder(dividingBy: y)
            }
        default: return try number(of: value(expression, context))
        }
    }

    func string(_ expression: NativeXPath, _ context: Context) throws(NativeXPathStop) -> String {
        if case .literal(let literal) = expression { return literal.string }
        return try string(of: value(expression, context))
    }

    // MARK: - Conversions (XPath 1.0 §4)

    private static func boolean(of value: XPathValue) -> Bool {
        switch value {
        case .nodes(let nodes): return !nodes.isEmpty
        case .boolean(let value): return value
        case .number(let value): return value != 0 && !value.isNaN
        case .string(let value): return !value.isEmpty
        }
    }

    private func number(of value: XPathValue) throws(NativeXPathStop) -> Double {
        switch value {
        case .nodes(let nodes): return try nodes.first.map(number(of:)) ?? .nan
        case .boolean(let value): return value ? 1 : 0
        case .number(let value): return value
        case .string(let value): return Self.number(parsing: value)
        }
    }

    private func string(of value: XPathValue) throws(NativeXPathStop) -> String {
        switch value {
        case .nodes(let nodes): return try nodes.first.map(text(of:)) ?? ""
        case .boolean(let value): return value ? "true" : "false"
        case .number(let value): return Self.string(formatting: value)
        case .string(let value): return value
        }
    }

    /// XPath's string-to-number conversion (libxml2's own, so both evaluations agree).
    private static func number(parsing text: String) -> Double {
        xmlXPathCastStringToNumber(text)
    }

    /// XPath's number-to-string conversion (libxml2's own).
    private static func string(formatting number: Double) -> String {
        guard let text = xmlXPathCastNumberToString(number) else { return "" }
        defer { redline_xmlFree(text) }
        return String(cString: text)
    }

    /// The node's string value as libxml2 text when it is exactly one stored text (a text
    /// node, an attribute or element whose only child is one text node, an empty element):
    /// no copy. `nil` when the value must be assembled.
    @inline(__always)
    private static func storedText(of node: xmlNodePtr) -> UnsafePointer<xmlChar>? {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE, XML_PI_NODE:
            return UnsafePointer(node.pointee.content)
        case XML_ATTRIBUTE_NODE, XML_ELEMENT_NODE:
            guard let child = node.pointee.children else { return nil }
            guard child.pointee.next == nil,
                child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE
            else { return nil }
            return UnsafePointer(child.pointee.content)
        default:
            return nil
        }
    }

    /// The node's XPath string value (as `xmlXPathCastNodeToString`).
    static func stringValue(of node: xmlNodePtr) -> String {
        if let text = storedText(of: node) { return String(cString: text) }
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { redline_xmlFree(content) }
        return String(cString: content)
    }

    /// The node's string value, its length charged (``charge(text:)``).
    func text(of node: xmlNodePtr) throws(NativeXPathStop) -> String {
        let value = Self.stringValue(of: node)
        try charge(text: value.utf8.count)
        return value
    }

    private func number(of node: xmlNodePtr) throws(NativeXPathStop) -> Double {
        if let text = Self.storedText(of: node) {
            try charge(text: strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self)))
            return xmlXPathCastStringToNumber(text)
        }
        guard let content = xmlNodeGetContent(node) else { return .nan }
        defer { redline_xmlFree(content) }
        try charge(text: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
        return xmlXPathCastStringToNumber(content)
    }

    /// Whether the node's string value equals `literal`, without copying the value when it is
    /// stored whole (comparing stops at the literal's length).
    private func stringValue(of node: xmlNodePtr, equals literal: NativeString) throws(NativeXPathStop) -> Bool {
        if let text = Self.storedText(of: node) {
            try charge(1)
            return xmlStrEqual(text, literal.pointer) != 0
        }
        return try text(of: node) == literal.string
    }

    // MARK: - Comparisons (XPath 1.0 §3.4)

    private func compare(_ op: NativeComparison, _ a: NativeXPath, _ b: NativeXPath, _ context: Context)
        throws(NativeXPathStop) -> Bool
    {
        switch (a.isNodeSet, b.isNodeSet) {
        case (true, true):
            if op == .equal || op == .notEqual {
                let others = try values(of: b, context, text(of:))
                return try any(a, context) { node throws(NativeXPathStop) in
                    let value = try text(of: node)
                    // Each node is compared with every value of the other set.
                    try charge(others.count)
                    return op == .equal ? others.contains(value) : others.contains { $0 != value }
                }
            }
            let others = try values(of: b, context, number(of:))
            return try any(a, context) { node throws(NativeXPathStop) in
                let value = try number(of: node)
                try charge(others.count)
                return others.contains { Self.compare(value, op, $0) }
            }
        case (true, false):
            return try compare(set: a, op, other: b, context)
        case (false, true):
            return try compare(set: b, op.swapped, other: a, context)
        case (false, false):
            return try Self.compare(value(a, context), op, value(b, context))
        }
    }

    /// A value of each node of a node-set expression (in no particular order).
    func values<Value>(
        of expression: NativeXPath, _ context: Context, _ value: (xmlNodePtr) throws(NativeXPathStop) -> Value
    ) throws(NativeXPathStop) -> [Value] {
        var found: [Value] = []
        _ = try any(expression, context) { node throws(NativeXPathStop) in
            found.append(try value(node))
            return false
        }
        return found
    }

    /// `set op other` where only `set` is a node-set.
    private func compare(set: NativeXPath, _ op: NativeComparison, other: NativeXPath, _ context: Context)
        throws(NativeXPathStop) -> Bool
    {
        if case .literal(let literal) = other, op == .equal || op == .notEqual {
            return try any(set, context) { node throws(NativeXPathStop) in
                try stringValue(of: node, equals: literal) == (op == .equal)
            }
        }
        switch try value(other, context) {
        case .boolean(let flag):
            return try Self.compare(.boolean(boolean(set, context)), op, .boolean(flag))
        case .number(let number):
            return try any(set, context) { node throws(NativeXPathStop) in
                Self.compare(try self.number(of: node), op, number)
            }
        case .string(let text):
            if op == .equal || op == .notEqual {
                return try any(set, context) { node throws(NativeXPathStop) in
                    (try self.text(of: node) == text) == (op == .equal)
                }
            }
            let number = Self.number(parsing: text)
            return try any(set, context) { node throws(NativeXPathStop) in
                Self.compare(try self.number(of: node), op, number)
            }
        case .nodes:
            throw NativeXPathStop()
        }
    }

    private static func compare(_ a: Double, _ op: NativeComparison, _ b: Double) -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }

    /// Two values neither of which is a node-set.
    private static func compare(_ a: XPathValue, _ op: NativeComparison, _ b: XPathValue) throws(NativeXPathStop)
        -> Bool
    {
        if op == .equal || op == .notEqual {
            let equal: Bool
            switch (a, b) {
            case (.boolean, _), (_, .boolean): equal = boolean(of: a) == boolean(of: b)
            case (.number(let x), _): equal = x == number(loose: b)
            case (_, .number(let y)): equal = number(loose: a) == y
            case (.string(let x), .string(let y)): equal = x == y
            default: throw NativeXPathStop()
            }
            // NaN is unequal to everything: `!=` is true, `=` false.
            if case .number(let x) = a, x.isNaN { return op == .notEqual }
            if case .number(let y) = b, y.isNaN { return op == .notEqual }
            return op == .equal ? equal : !equal
        }
        return compare(number(loose: a), op, number(loose: b))
    }

    private static func number(loose value: XPathValue) -> Double {
        switch value {
        case .nodes: return .nan
        case .boolean(let flag): return flag ? 1 : 0
        case .number(let number): return number
        case .string(let text): return number(parsing: text)
        }
    }

    // MARK: - Node-sets

    /// Visits the nodes of a node-set expression in no particular order, possibly more than
    /// once, until `body` returns true (then returns true).
    func any(
        _ expression: NativeXPath, _ context: Context, _ body: (xmlNodePtr) throws(NativeXPathStop) -> Bool
    ) throws(NativeXPathStop) -> Bool {
        switch expression {
        case .path(let path):
            return try visit(path.steps, 0, from: path.absolute ? documentNode : context.node, body)
        case .union(let parts):
            for part in parts where try any(part, context, body) { return true }
            return false
        case .filter(let primary, let predicates, let steps):
            for node in try filtered(primary, predicates, context) where try visit(steps, 0, from: node, body) {
                return true
            }
            return false
        default:
            throw NativeXPathStop()
        }
    }

    private func visit(
        _ steps: [NativeStep], _ index: Int, from node: xmlNodePtr, _ body: (xmlNodePtr) throws(NativeXPathStop) -> Bool
    ) throws(NativeXPathStop) -> Bool {
        guard index < steps.count else { return try body(node) }
        let step = steps[index]
        if step.positional {
            for candidate in try candidates(step, from: node) where try visit(steps, index + 1, from: candidate, body) {
                return true
            }
            return false
        }
        return try forEach(step.axis, from: node) { candidate throws(NativeXPathStop) in
            guard matches(step, candidate) else { return false }
            for predicate in step.predicates {
                guard try boolean(predicate.expression, Context(node: candidate, position: -1, size: -1)) else {
                    return false
                }
            }
            return try visit(steps, index + 1, from: candidate, body)
        }
    }

    /// The node-set of an expression, in document order, without duplicates.
    private func nodes(_ expression: NativeXPath, _ context: Context) throws(NativeXPathStop) -> [xmlNodePtr] {
        switch expression {
        case .path(let path):
            return try walk(path.steps, from: [path.absolute ? documentNode : context.node], antichain: true)
        case .union(let parts):
            var all: [xmlNodePtr] = []
            for part in parts { all += try nodes(part, context) }
            return Self.sortedUnique(all)
        case .filter(let primary, let predicates, let steps):
            return try walk(steps, from: filtered(primary, predicates, context), antichain: false)
        default:
            throw NativeXPathStop()
        }
    }

    /// A primary node-set filtered by predicates (positions in document order).
    private func filtered(_ primary: NativeXPath, _ predicates: [NativePredicate], _ context: Context)
        throws(NativeXPathStop)
        -> [xmlNodePtr]
    {
        var set = try nodes(primary, context)
        for predicate in predicates { set = try apply(predicate, to: set) }
        return set
    }

    /// Follows `steps` from `start` (in document order). `antichain`: no node of `start` is
    /// an ancestor of another, so child steps keep document order.
    private func walk(_ steps: [NativeStep], from start: [xmlNodePtr], antichain: Bool) throws(NativeXPathStop)
        -> [xmlNodePtr]
    {
        var set = start
        var antichain = antichain
        for step in steps {
            var next: [xmlNodePtr] = []
            for node in set {
                if step.positional {
                    var found = try candidates(step, from: node)
                    if step.axis.isReverse { found.reverse() }
                    next += found
                    continue
                }
                let first = next.count
                _ = try forEach(step.axis, from: node) { candidate throws(NativeXPathStop) in
                    guard matches(step, candidate) else { return false }
                    for predicate in step.predicates {
                        guard try boolean(predicate.expression, Context(node: candidate, position: -1, size: -1)) else {
                            return false
                        }
                    }
                    next.append(candidate)
                    return false
                }
                if step.axis.isReverse { next[first...].reverse() }
            }
            let keepsOrder = step.axis == .child || step.axis == .attribute || step.axis == .selfNode
            if set.count > 1, !(antichain && keepsOrder) { next = Self.sortedUnique(next) }
            antichain =
                (antichain && keepsOrder)
                || (set.count == 1 && [.parent, .followingSibling, .precedingSibling].contains(step.axis))
            set = next
            if set.isEmpty { break }
        }
        return set
    }

    /// The nodes of one step from one node, predicates applied with positions (axis order).
    private func candidates(_ step: NativeStep, from node: xmlNodePtr) throws(NativeXPathStop) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        _ = try forEach(step.axis, from: node) { candidate throws(NativeXPathStop) in
            if matches(step, candidate) { found.append(candidate) }
            return false
        }
        for predicate in step.predicates { found = try apply(predicate, to: found) }
        return found
    }

    private func apply(_ predicate: NativePredicate, to set: [xmlNodePtr]) throws(NativeXPathStop) -> [xmlNodePtr] {
        var kept: [xmlNodePtr] = []
        for (offset, node) in set.enumerated() {
            let context = Context(node: node, position: offset + 1, size: set.count)
            if predicate.positional {
                let result = try value(predicate.expression, context)
                if case .number(let position) = result {
                    if Double(offset + 1) == position { kept.append(node) }
                } else if Self.boolean(of: result) {
                    kept.append(node)
                }
            } else if try boolean(predicate.expression, context) {
                kept.append(node)
            }
        }
        return kept
    }

    private static func sortedUnique(_ nodes: [xmlNodePtr]) -> [xmlNodePtr] {
        guard nodes.count > 1 else { return nodes }
        let sorted = nodes.sorted { xmlXPathCmpNodes($0, $1) == 1 }
        var unique: [xmlNodePtr] = [sorted[0]]
        for node in sorted.dropFirst() where node != unique[unique.count - 1] { unique.append(node) }
        return unique
    }

    // MARK: - Axes and node tests

    /// Calls `body` for each node on the axis, in axis order, until it returns true.
    private func forEach(
        _ axis: NativeAxis, from node: xmlNodePtr, _ body: (xmlNodePtr) throws(NativeXPathStop) -> Bool
    ) throws(NativeXPathStop) -> Bool {
        @inline(__always) func count() throws(NativeXPathStop) { try charge(1) }
        let isAttribute = node.pointee.type == XML_ATTRIBUTE_NODE
        switch axis {
        case .child:
            guard !isAttribute else { return false }
            var child = node.pointee.children
            while let current = child {
                try count()
                if try body(current) { return true }
                child = current.pointee.next
            }
            return false
        case .attribute:
            guard node.pointee.type == XML_ELEMENT_NODE else { return false }
            var attribute = node.pointee.properties
            while let current = attribute {
                try count()
                if try body(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) { return true }
                attribute = current.pointee.next
            }
            return false
        case .parent:
            guard let parent = node.pointee.parent else { return false }
            try count()
            return try body(parent)
        case .selfNode:
            try count()
            return try body(node)
        case .followingSibling, .precedingSibling:
            guard !isAttribute else { return false }
            var sibling = axis == .followingSibling ? node.pointee.next : node.pointee.prev
            while let current = sibling {
                try count()
                if try body(current) { return true }
                sibling = axis == .followingSibling ? current.pointee.next : current.pointee.prev
            }
            return false
        case .descendant, .descendantOrSelf:
            if axis == .descendantOrSelf {
                try count()
                if try body(node) { return true }
            }
            guard !isAttribute else { return false }
            var stack: [xmlNodePtr] = []
            var child = node.pointee.children
            while true {
                while let current = child {
                    try count()
                    if try body(current) { return true }
                    if current.pointee.type == XML_ELEMENT_NODE, let first = current.pointee.children {
                        if let next = current.pointee.next { stack.append(next) }
                        child = first
                    } else {
                        child = current.pointee.next
                    }
                }
                guard let resume = stack.popLast() else { return false }
                child = resume
            }
        case .ancestor, .ancestorOrSelf:
            if axis == .ancestorOrSelf {
                try count()
                if try body(node) { return true }
            }
            var ancestor = node.pointee.parent
            while let current = ancestor {
                try count()
                if try body(current) { return true }
                ancestor = current.pointee.parent
            }
            return false
        }
    }

    /// The namespace node and URI last found equal (records declare their namespace once, so
    /// nearly every element shares one `xmlNs`).
    private var knownNamespace: (node: UnsafeMutablePointer<xmlNs>, uri: UnsafePointer<xmlChar>)?

    @inline(__always)
    private func matches(_ step: NativeStep, _ node: xmlNodePtr) -> Bool {
        let type = node.pointee.type
        switch step.test {
        case .node:
            return type != XML_NAMESPACE_DECL && type != XML_DTD_NODE && type != XML_ENTITY_DECL
        case .text:
            return type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE
        case .anyName:
            return type == step.principalType
        case .anyNameIn, .name:
            guard type == step.principalType else { return false }
            if let local = step.localName {
                // The first byte settles most mismatches without a call.
                guard let name = node.pointee.name, name.pointee == local.pointee, xmlStrEqual(name, local) != 0 else {
                    return false
                }
            }
            guard let uri = step.namespaceURI else { return node.pointee.ns == nil }
            guard let ns = node.pointee.ns else { return false }
            if let known = knownNamespace, known.node == ns, known.uri == uri { return true }
            guard let href = ns.pointee.href, xmlStrEqual(href, uri) != 0 else { return false }
            knownNamespace = (ns, uri)
            return true
        }
    }

    // MARK: - Functions

    /// Counts `cost` operations (a node visited, a list comparison) against the budget, as the
    /// libxml2 callback charges list comparisons against its operation limit, and against the
    /// record's deadline.
    @inline(__always)
    func charge(_ cost: Int) throws(NativeXPathStop) {
        budget -= cost
        if budget < 0 { throw NativeXPathStop() }
        if !environment.spend(cost) { throw NativeXPathStop(timeLimit: true) }
    }

    /// Counts the work of reading or building `byteCount` bytes of string.
    @inline(__always)
    func charge(text byteCount: Int) throws(NativeXPathStop) {
        try charge(EvaluationEnvironment.cost(ofText: byteCount))
    }

    private func call(_ function: NativeFunction, _ arguments: [NativeXPath], _ context: Context)
        throws(NativeXPathStop) -> XPathValue
    {
        func text(_ index: Int) throws(NativeXPathStop) -> String {
            index < arguments.count ? try string(arguments[index], context) : try self.text(of: context.node)
        }
        switch function {
        case .not, .boolean, .true, .false:
            switch function {
            case .true: return .boolean(true)
            case .false: return .boolean(false)
            case .not: return .boolean(try !boolean(arguments[0], context))
            default: return .boolean(try boolean(arguments[0], context))
            }
        case .string: return .string(try text(0))
        case .number:
            if arguments.isEmpty { return .number(try number(of: context.node)) }
            return .number(try number(arguments[0], context))
        case .normalizeSpace: return .string(Self.normalizeSpace(try text(0)))
        case .substringBefore, .substringAfter:
            let text = try string(arguments[0], context)
            let separator = try string(arguments[1], context)
            let before: Bool
            if case .substringBefore = function { before = true } else { before = false }
            return .string(
                before
                    ? XPathStrings.substring(of: text, before: separator)
                    : XPathStrings.substring(of: text, after: separator))
        case .translate:
            let text = try string(arguments[0], context)
            let from = try string(arguments[1], context)
            let to = try string(arguments[2], context)
            return .string(XPathStrings.translate(text, from: from, to: to))
        case .stringLength: return .number(Double(try text(0).unicodeScalars.count))
        case .count:
            guard arguments[0].isNodeSet else { throw NativeXPathStop() }
            return .number(Double(try nodes(arguments[0], context).count))
        case .contains:
            let haystack = try string(arguments[0], context)
            let needle = try string(arguments[1], context)
            return .boolean(XPathStrings.contains(haystack, needle))
        case .startsWith:
            let text = try string(arguments[0], context)
            let prefix = try string(arguments[1], context)
            return .boolean(text.utf8.starts(with: prefix.utf8))
        case .concat:
            // Each piece is charged as it is computed, before the result grows.
            var result = ""
            for argument in arguments { result += try string(argument, context) }
            return .string(result)
        case .substring:
            let text = try string(arguments[0], context)
            let start = try number(arguments[1], context)
            let length = arguments.count == 3 ? try number(arguments[2], context) : nil
            return .string(Self.substring(text, start: start, length: length))
        case .position:
            guard context.position >= 0 else { throw NativeXPathStop() }
            return .number(Double(context.position))
        case .last:
            guard context.position >= 0 else { throw NativeXPathStop() }
            return .number(Double(context.size))
        case .redline(let function):
            return try arguments.withUnsafeBufferPointer { arguments throws(NativeXPathStop) in
                do throws(RedlineFunctionFailure) {
                    return try function.evaluateNatively(
                        NativeFunctionArguments(evaluator: self, arguments: arguments, context: context))
                } catch {
                    if case .timeLimit = error { throw NativeXPathStop(timeLimit: true) }
                    throw NativeXPathStop()
                }
            }
        }
    }

    /// XPath's substring, computed as libxml2 2.9.14 does: positions rounded half up, NaN and
    /// infinities clamped, characters counted as code points.
    private static func substring(_ text: String, start: Double, length: Double?) -> String {
        func rounded(_ value: Double) -> Double {
            let floor = value.rounded(.down)
            return value - floor >= 0.5 ? floor + 1 : floor
        }
        var first = 1
        var end = Int(Int32.max)
        if !(start < Double(Int32.max)) {
            first = Int(Int32.max)
        } else if start >= 1 {
            first = Int(rounded(start))
        }
        if let length {
            let last = rounded(start) + rounded(length)
            if !(last >= 1) {
                end = 1
            } else if last < Double(Int32.max) {
                end = Int(last)
            }
        }
        guard first < end else { return "" }
        let scalars = Array(text.unicodeScalars)
        guard first - 1 < scalars.count else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[(first - 1)..<min(scalars.count, end - 1)])
        return String(result)
    }

    /// XPath's normalize-space: XML whitespace trimmed and runs collapsed to one space.
    private static func normalizeSpace(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
