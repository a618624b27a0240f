import CLibXML2
import Synchronization

/// An XPath 1.0 expression compiled to redline's own tree form (lowered from its ``XPathSyntax``
/// by ``NativeXPathLowering``), evaluated directly on the libxml2 document by
/// ``NativeXPathEvaluator`` instead of by libxml2's XPath machine: the form the hot path walks.
///
/// Rules are written in a small part of XPath 1.0: location paths from the record's root with
/// predicates, comparisons, `and`/`or`/`not`, a few core functions and redline's `rl:` functions.
/// For that part, evaluating the tree in Swift avoids libxml2's per-evaluation allocation of
/// node-sets and objects and stops at the first node that decides an existential test. Anything
/// outside the part (variables, other axes or functions, an unknown prefix) compiles to `nil`,
/// and the expression is evaluated by libxml2 as before. Whenever the native evaluation meets
/// something it does not handle at run time (a type error, an unknown list, its operation
/// budget), it gives up and libxml2 evaluates the expression, so errors and their messages are
/// libxml2's. A test evaluates every expression of the default rule set both ways on the example
/// records and a generated corpus and requires identical results.
indirect enum NativeXPath: Sendable {
    /// A string literal.
    case literal(NativeString)
    /// A number literal.
    case number(Double)
    /// A location path.
    case path(NativeLocationPath)
    /// `a | b | …`.
    case union([NativeXPath])
    /// `primary[predicate]…/steps`: a node-set expression filtered, then continued by steps.
    case filter(NativeXPath, predicates: [NativePredicate], steps: [NativeStep])
    /// `a or b`.
    case or(NativeXPath, NativeXPath)
    /// `a and b`.
    case and(NativeXPath, NativeXPath)
    /// `a op b` with op one of `= != < <= > >=`.
    case compare(NativeComparison, NativeXPath, NativeXPath)
    /// `a op b` with op one of `+ - * div mod`.
    case arithmetic(NativeArithmetic, NativeXPath, NativeXPath)
    /// `-a`.
    case negate(NativeXPath)
    /// A function call.
    case call(NativeFunction, [NativeXPath])

    /// Whether the expression's value is a node-set (known from its form alone).
    var isNodeSet: Bool {
        switch self {
        case .path, .union, .filter: return true
        default: return false
        }
    }

    /// Whether evaluating the expression reads the context position or size (`position()`,
    /// `last()`), outside nested predicates.
    var readsPosition: Bool {
        switch self {
        case .literal, .number, .path: return false
        case .union(let parts): return parts.contains { $0.readsPosition }
        case .filter(let primary, _, _): return primary.readsPosition
        case .or(let a, let b), .and(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b):
            return a.readsPosition || b.readsPosition
        case .negate(let a): return a.readsPosition
        case .call(let function, let arguments):
            switch function {
            case .position, .last: return true
            default: return arguments.contains { $0.readsPosition }
            }
        }
    }

    /// The expressions directly inside this one: operands, arguments, predicates and the
    /// predicates of steps.
    var parts: [NativeXPath] {
        func inSteps(_ steps: [NativeStep]) -> [NativeXPath] { steps.flatMap { $0.predicates.map(\.expression) } }
        switch self {
        case .literal, .number: return []
        case .path(let path): return inSteps(path.steps)
        case .union(let parts): return parts
        case .filter(let primary, let predicates, let steps):
            return [primary] + predicates.map(\.expression) + inSteps(steps)
        case .or(let a, let b), .and(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b):
            return [a, b]
        case .negate(let a): return [a]
        case .call(_, let arguments): return arguments
        }
    }

    /// Releases the tree in `tree` one node at a time, with a stack of its own, and leaves a
    /// number in its place: releasing a tree the usual way frees each node inside the release of
    /// its parent, one call deeper per level (see ``XPathNode/release(_:)``).
    static func release(_ tree: inout NativeXPath) {
        var pending: [NativeXPath] = [.number(0)]
        swap(&pending[0], &tree)
        while let node = pending.popLast() {
            // The parts are held here while `node` is freed, so freeing it frees no part.
            pending.append(contentsOf: node.parts)
        }
    }

    /// Whether the expression's value is a number (so a predicate `[expr]` tests the position).
    var mayBeNumber: Bool {
        switch self {
        case .number, .arithmetic, .negate: return true
        case .call(let function, _): return function.returnsNumber
        default: return false
        }
    }
}

/// A string literal or name, with a NUL-terminated copy for comparisons with libxml2 text.
final class NativeString: @unchecked Sendable {
    /// The text.
    let string: String
    /// Its UTF-8 bytes followed by a NUL (libxml2's `xmlChar` string), owned by this object and
    /// never changed.
    let pointer: UnsafePointer<xmlChar>

    init(_ string: String) {
        self.string = string
        let bytes = Array(string.utf8) + [0]
        let storage = UnsafeMutablePointer<xmlChar>.allocate(capacity: bytes.count)
        storage.initialize(from: bytes, count: bytes.count)
        pointer = UnsafePointer(storage)
    }

    deinit {
        UnsafeMutablePointer(mutating: pointer).deallocate()
    }

    private static let namespaces = Mutex<[String: NativeString]>([:])

    /// One shared object per namespace URI (up to 64 URIs), so that the evaluator recognises a
    /// namespace it has already matched by pointer, whichever expression names it.
    static func namespace(_ uri: String) -> NativeString {
        namespaces.withLock { table in
            if let known = table[uri] { return known }
            let created = NativeString(uri)
            if table.count < 64 { table[uri] = created }
            return created
        }
    }
}

/// A location path: steps from the context node, or from the document root when absolute.
struct NativeLocationPath: Sendable {
    var absolute: Bool
    var steps: [NativeStep]
}

/// One location step (a class: steps are shared, never copied, during evaluation).
final class NativeStep: @unchecked Sendable {
    let axis: NativeAxis
    let test: NativeNodeTest
    let predicates: [NativePredicate]
    /// Whether a predicate needs the positions of all candidates (a number or `position()`).
    let positional: Bool
    /// The node test flattened for matching without copying `test`'s payload: the node type a
    /// name test selects, and the name and namespace (pointers into `test`'s strings).
    let principalType: xmlElementType
    let localName: UnsafePointer<xmlChar>?
    let namespaceURI: UnsafePointer<xmlChar>?

    init(axis: NativeAxis, test: NativeNodeTest, predicates: [NativePredicate]) {
        self.axis = axis
        self.test = test
        self.predicates = predicates
        positional = predicates.contains(where: \.positional)
        principalType = axis == .attribute ? XML_ATTRIBUTE_NODE : XML_ELEMENT_NODE
        switch test {
        case .name(let local, let namespace):
            localName = local.pointer
            namespaceURI = namespace?.pointer
        case .anyNameIn(let namespace):
            localName = nil
            namespaceURI = namespace.pointer
        case .anyName, .node, .text:
            localName = nil
            namespaceURI = nil
        }
    }
}

/// A predicate, with whether it depends on the candidate's position.
struct NativePredicate: Sendable {
    var expression: NativeXPath
    var positional: Bool

    init(_ expression: NativeXPath) {
        self.expression = expression
        positional = expression.mayBeNumber || expression.readsPosition
    }
}

/// The axes redline evaluates natively.
enum NativeAxis: Sendable {
    case child, attribute, parent, selfNode, followingSibling, precedingSibling, descendant, descendantOrSelf
    case ancestor, ancestorOrSelf

    /// Reverse axes number their nodes from the context node backwards.
    var isReverse: Bool {
        switch self {
        case .parent, .precedingSibling, .ancestor, .ancestorOrSelf: return true
        default: return false
        }
    }
}

/// A node test.
enum NativeNodeTest: Sendable {
    /// A name in a namespace (nil: no namespace).
    case name(local: NativeString, namespace: NativeString?)
    /// `*` (any name of the axis's principal node type).
    case anyName
    /// `prefix:*`.
    case anyNameIn(NativeString)
    /// `node()`.
    case node
    /// `text()`.
    case text
}

/// Comparison operators.
enum NativeComparison: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

    /// The operator with its operands swapped (`a < b` is `b > a`).
    var swapped: NativeComparison {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }
}

/// Arithmetic operators.
enum NativeArithmetic: Sendable {
    case add, subtract, multiply, divide, modulo
}

/// The functions redline evaluates natively: XPath's core functions rules use, and every
/// `rl:` function.
enum NativeFunction: Sendable {
    case not, `true`, `false`, boolean, string, number, normalizeSpace, stringLength, count, contains, startsWith
    case concat, position, last, substring, substringBefore, substringAfter, translate
    /// One of redline's functions.
    case redline(any RedlineFunction.Type)

    static let core: [String: NativeFunction] = [
        "not": .not, "true": .true, "false": .false, "boolean": .boolean, "string": .string, "number": .number,
        "normalize-space": .normalizeSpace, "string-length": .stringLength, "count": .count, "contains": .contains,
        "starts-with": .startsWith, "concat": .concat, "position": .position, "last": .last,
        "substring": .substring, "substring-before": .substringBefore, "substring-after": .substringAfter,
        "translate": .translate,
    ]

    /// Whether `count` arguments are accepted (libxml2 raises an arity error otherwise).
    func accepts(_ count: Int) -> Bool {
        switch self {
        case .true, .false, .position, .last: return count == 0
        case .string, .number, .normalizeSpace, .stringLength: return count <= 1
        case .not, .boolean, .count: return count == 1
        case .contains, .startsWith, .substringBefore, .substringAfter: return count == 2
        case .translate: return count == 3
        case .concat: return count >= 2
        case .substring: return count == 2 || count == 3
        case .redline(let function): return count == function.descriptor.arity
        }
    }

    var returnsNumber: Bool {
        switch self {
        case .number, .stringLength, .count, .position, .last: return true
        case .redline(let function): return function.descriptor.result == .number
        default: return false
        }
    }
}
