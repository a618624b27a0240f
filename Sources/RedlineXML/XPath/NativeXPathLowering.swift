/// Lowers an ``XPathSyntax`` tree to ``NativeXPath``, or gives `nil` when the expression uses
/// anything the native evaluator does not handle (libxml2 then evaluates it): variables, the
/// `following`, `preceding` and `namespace` axes, `comment()` and `processing-instruction()`,
/// functions other than the ones ``NativeFunction`` names, a prefix the rule set does not
/// declare, a union of something other than node-sets. Names are resolved against the rule
/// set's namespace prefixes.
enum NativeXPathLowering {
    /// The native form of `syntax`, or nil.
    static func lower(_ syntax: XPathSyntax, namespaces: [String: String]) -> NativeXPath? {
        guard syntax.isValid else { return nil }
        return lower(syntax.root, namespaces)
    }

    /// The step `//` stands for, shared by every expression.
    static let descendantOrSelfNode = NativeStep(axis: .descendantOrSelf, test: .node, predicates: [])

    private static func lower(_ node: XPathNode, _ namespaces: [String: String]) -> NativeXPath? {
        func lowered(_ node: XPathNode) -> NativeXPath? { lower(node, namespaces) }
        switch node.kind {
        case .literal(let text): return .literal(NativeString(text))
        case .number(let value): return .number(value)
        case .variable, .invalid: return nil
        case .group(let inner): return lowered(inner)
        case .negate(let operand): return lowered(operand).map(NativeXPath.negate)
        case .call(let name, let arguments): return call(name, arguments, namespaces)
        case .path(let path):
            guard let steps = steps(path.steps, namespaces) else { return nil }
            return .path(NativeLocationPath(absolute: path.absolute, steps: steps))
        case .filter(let primary, let predicates, let rest):
            guard let primary = lowered(primary), primary.isNodeSet,
                let predicates = self.predicates(predicates, namespaces), let steps = steps(rest, namespaces)
            else { return nil }
            return .filter(primary, predicates: predicates, steps: steps)
        case .binary(.union, _, _):
            // `a | b | c` is one union of three (a parenthesised union stays one part).
            var parts: [NativeXPath] = []
            for operand in node.operands(of: .union) {
                guard let part = lowered(operand), part.isNodeSet else { return nil }
                parts.append(part)
            }
            return .union(parts)
        case .binary(let op, let left, let right):
            guard let a = lowered(left), let b = lowered(right) else { return nil }
            return binary(op, a, b)
        }
    }

    private static func binary(_ op: XPathOperator, _ a: NativeXPath, _ b: NativeXPath) -> NativeXPath? {
        switch op {
        case .or: return .or(a, b)
        case .and: return .and(a, b)
        case .equal: return .compare(.equal, a, b)
        case .notEqual: return .compare(.notEqual, a, b)
        case .less: return .compare(.less, a, b)
        case .lessOrEqual: return .compare(.lessOrEqual, a, b)
        case .greater: return .compare(.greater, a, b)
        case .greaterOrEqual: return .compare(.greaterOrEqual, a, b)
        case .add: return .arithmetic(.add, a, b)
        case .subtract: return .arithmetic(.subtract, a, b)
        case .multiply: return .arithmetic(.multiply, a, b)
        case .divide: return .arithmetic(.divide, a, b)
        case .modulo: return .arithmetic(.modulo, a, b)
        case .union: return nil
        }
    }

    private static func call(_ name: String, _ arguments: [XPathNode], _ namespaces: [String: String]) -> NativeXPath? {
        let function: NativeFunction?
        if let colon = name.firstIndex(of: ":") {
            guard namespaces[String(name[..<colon])] == RedlineFunctions.namespace else { return nil }
            function = RedlineFunctions.named[String(name[name.index(after: colon)...])].map(NativeFunction.redline)
        } else {
            function = NativeFunction.core[name]
        }
        guard let function, function.accepts(arguments.count) else { return nil }
        var lowered: [NativeXPath] = []
        for argument in arguments {
            guard let argument = lower(argument, namespaces) else { return nil }
            lowered.append(argument)
        }
        return .call(function, lowered)
    }

    private static func predicates(_ predicates: [XPathNode], _ namespaces: [String: String]) -> [NativePredicate]? {
        var lowered: [NativePredicate] = []
        for predicate in predicates {
            guard let expression = lower(predicate, namespaces) else { return nil }
            lowered.append(NativePredicate(expression))
        }
        return lowered
    }

    private static func steps(_ steps: [XPathStep], _ namespaces: [String: String]) -> [NativeStep]? {
        var lowered: [NativeStep] = []
        for step in steps {
            guard let step = self.step(step, namespaces) else { return nil }
            lowered.append(step)
        }
        return lowered
    }

    private static let axes: [XPathStep.Axis: NativeAxis] = [
        .child: .child, .attribute: .attribute, .parent: .parent, .self: .selfNode,
        .followingSibling: .followingSibling, .precedingSibling: .precedingSibling, .descendant: .descendant,
        .descendantOrSelf: .descendantOrSelf, .ancestor: .ancestor, .ancestorOrSelf: .ancestorOrSelf,
    ]

    private static func step(_ step: XPathStep, _ namespaces: [String: String]) -> NativeStep? {
        if step.syntax == .doubleSlash { return descendantOrSelfNode }
        guard let axis = axes[step.axis], let test = nodeTest(step.test, namespaces),
            let predicates = predicates(step.predicates, namespaces)
        else { return nil }
        return NativeStep(axis: axis, test: test, predicates: predicates)
    }

    private static func nodeTest(_ test: XPathStep.NodeTest, _ namespaces: [String: String]) -> NativeNodeTest? {
        switch test {
        case .node: return .node
        case .text: return .text
        case .comment, .processingInstruction: return nil
        case .anyName(nil): return .anyName
        case .anyName(let prefix?):
            return namespaces[prefix].map { .anyNameIn(NativeString.namespace($0)) }
        case .name(nil, let local): return .name(local: NativeString(local), namespace: nil)
        case .name(let prefix?, let local):
            guard let uri = namespaces[prefix] else { return nil }
            return .name(local: NativeString(local), namespace: NativeString.namespace(uri))
        }
    }
}
