import CLibXML2

/// redline's own XPath functions, registered in the namespace ``RedlineFunctions/namespace``
/// (prefix `rl` in rule files). Documented in docs/rule-language.md; each is unit-tested.
///
/// | function | returns |
/// |---|---|
/// | `rl:in-list(list-id, values)` | true if any value (string, or each node's string value) is in force on the list at the evaluation date |
/// | `rl:contains-any(list-id, text)` | true if the text contains any phrase of a phrase list as whole words |
/// | `rl:as-of()` | the evaluation date, `YYYY-MM-DD` |
/// | `rl:days(date)` | days from 1970-01-01 to the date (NaN if not a date), so dates compare with `<` |
/// | `rl:days-since(date)` | days from the date to the evaluation date (NaN if not a date) |
/// | `rl:months-between(from, to)` | whole calendar months between two dates (NaN if either is not a date) |
/// | `rl:latest(nodes)` | the latest date among the nodes' values (empty string if none) |
/// | `rl:independent(nodes)` | true if any node carries independent provenance (forensic, court, regulator, audit, independent) |
/// | `rl:self-declared(nodes)` | true if any node is self-declared (provenance `self-declared` or none) |
/// | `rl:has-tokens(value, tokens)` | true if the space-separated value contains every one of the space-separated tokens |
/// | `rl:normalize-name(text)` | the party-name comparison key (see ``NameNormalizer``) |
/// | `rl:same-party(names, names)` | true if any name of the first set and any of the second normalise to the same key |
public enum RedlineFunctions {
    /// The functions' namespace URI.
    public static let namespace = "urn:redline:functions:1"

    /// The names and arities of the functions.
    public static let arities: [String: Int] = [
        "in-list": 2, "contains-any": 2, "as-of": 0, "days": 1, "days-since": 1, "months-between": 2,
        "latest": 1, "independent": 1, "self-declared": 1, "has-tokens": 2, "normalize-name": 1, "same-party": 2,
    ]

    /// Provenance values that count as independent evidence.
    public static let independentProvenances: Set<String> = ["forensic", "court", "regulator", "audit", "independent"]

    typealias Function = @convention(c) (xmlXPathParserContextPtr?, Int32) -> Void

    static let table: [(String, Function)] = [
        ("in-list", inList), ("contains-any", containsAny), ("as-of", asOf), ("days", days),
        ("days-since", daysSince), ("months-between", monthsBetween), ("latest", latest),
        ("independent", independent), ("self-declared", selfDeclared), ("has-tokens", hasTokens),
        ("normalize-name", normalizeName), ("same-party", sameParty),
    ]

    static func register(on context: xmlXPathContextPtr) {
        for (name, function) in table {
            xmlXPathRegisterFuncNS(context, name, namespace, function)
        }
    }

    // MARK: - Helpers

    private static func environment(_ ctxt: xmlXPathParserContextPtr) -> EvaluationEnvironment? {
        guard let data = redline_xpath_userdata(ctxt) else { return nil }
        return Unmanaged<EvaluationEnvironment>.fromOpaque(data).takeUnretainedValue()
    }

    /// Pops one argument and returns it as strings (one per node for a node-set).
    private static func popStrings(_ ctxt: xmlXPathParserContextPtr) -> [String] {
        guard let object = valuePop(ctxt) else { return [] }
        defer { xmlXPathFreeObject(object) }
        if object.pointee.type == XPATH_NODESET || object.pointee.type == XPATH_XSLT_TREE {
            return nodes(of: object).map { node in
                guard let value = xmlXPathCastNodeToString(node) else { return "" }
                defer { redline_xmlFree(value) }
                return String(cString: value)
            }
        }
        guard let value = xmlXPathCastToString(object) else { return [] }
        defer { redline_xmlFree(value) }
        return [String(cString: value)]
    }

    private static func popString(_ ctxt: xmlXPathParserContextPtr) -> String {
        popStrings(ctxt).first ?? ""
    }

    /// Pops a node-set and returns the provenance of each element (attributes count for their element).
    private static func popProvenances(_ ctxt: xmlXPathParserContextPtr) -> [String]? {
        guard let object = valuePop(ctxt) else { return nil }
        defer { xmlXPathFreeObject(object) }
        guard object.pointee.type == XPATH_NODESET else {
            xmlXPathErr(ctxt, Int32(XPATH_INVALID_TYPE.rawValue))
            return nil
        }
        return nodes(of: object).compactMap(provenance(of:))
    }

    /// The provenance of the element a node belongs to (an attribute or text counts for its
    /// element): its `provenance` attribute, or `self-declared` without one; nil for other nodes.
    static func provenance(of node: xmlNodePtr) -> String? {
        var element = node
        if node.pointee.type == XML_ATTRIBUTE_NODE || node.pointee.type == XML_TEXT_NODE {
            guard let parent = node.pointee.parent else { return nil }
            element = parent
        }
        guard element.pointee.type == XML_ELEMENT_NODE else { return nil }
        guard let value = xmlGetNoNsProp(element, "provenance") else { return "self-declared" }
        defer { redline_xmlFree(value) }
        return String(cString: value).trimmingWhitespace().description
    }

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

    /// The whitespace-separated tokens of a text (an ASCII fast path gives the same tokens).
    static func tokens(_ text: String) -> [Substring] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.split(whereSeparator: UInt8.isASCIIWhitespace).map { Substring($0) }
        }
        return text.split(whereSeparator: \.isWhitespace)
    }

    private static func push(_ ctxt: xmlXPathParserContextPtr, _ value: Bool) {
        valuePush(ctxt, xmlXPathNewBoolean(value ? 1 : 0))
    }

    private static func push(_ ctxt: xmlXPathParserContextPtr, _ value: Double) {
        valuePush(ctxt, xmlXPathNewFloat(value))
    }

    private static func push(_ ctxt: xmlXPathParserContextPtr, _ value: String) {
        valuePush(ctxt, xmlXPathNewString(value))
    }

    private static func list(_ id: String, _ ctxt: xmlXPathParserContextPtr, _ env: EvaluationEnvironment) -> ReferenceList? {
        if let list = env.lists[id] { return list }
        if env.functionError == nil { env.functionError = "unknown reference list '\(id)'" }
        xmlXPathErr(ctxt, Int32(XPATH_INVALID_ARITY.rawValue + 100))
        return nil
    }

    /// Counts `cost` list comparisons against the expression's operation limit (libxml2 counts a
    /// function call as one operation, however long the list it searches); false, with libxml2's
    /// operation-limit error raised, once the limit is passed.
    private static func charge(_ ctxt: xmlXPathParserContextPtr, _ cost: Int) -> Bool {
        guard let context = ctxt.pointee.context else { return true }
        context.pointee.opCount += UInt(max(0, cost))
        guard context.pointee.opLimit == 0 || context.pointee.opCount <= context.pointee.opLimit else {
            xmlXPathErr(ctxt, Int32(XPATH_OP_LIMIT_EXCEEDED.rawValue))
            return false
        }
        return true
    }

    // MARK: - Functions

    private static let inList: Function = { ctxt, nargs in
        guard let ctxt, redline_xpath_nargs_ok(ctxt, nargs, 2) != 0, let env = environment(ctxt) else { return }
        let values = popStrings(ctxt)
        let id = popString(ctxt)
        guard let list = list(id, ctxt, env), charge(ctxt, values.count * list.entries.count) else { return }
        push(ctxt, !list.entries.isEmpty && values.contains { list.match(key: env.key(for: $0, in: list), on: env.asOf) != nil })
    }

    private static let containsAny: Function = { ctxt, nargs in
        guard let ctxt, redline_xpath_nargs_ok(ctxt, nargs, 2) != 0, let env = environment(ctxt) else { return }
        let texts = popStrings(ctxt)
        let id = popString(ctxt)
        guard let list = list(id, ctxt, env), charge(ctxt, texts.count * list.entries.count) else { return }
        push(ctxt, texts.contains { containsAny(list, $0, on: env.asOf) })
    }

    /// Whether `text` contains any phrase of `list` in force on `date`, as whole words.
    static func containsAny(_ list: ReferenceList, _ text: String, on date: LocalDate) -> Bool {
        var phrases = list
        phrases.kind = .phrase
        return phrases.match(text, on: date) != nil
    }

    private static let asOf: Function = { ctxt, nargs in
        guard let ctxt, redline_xpath_nargs_ok(ctxt, nargs, 0) != 0, let env = environment(ctxt) else { return }
        push(ctxt, env.asOf.description)
    }

    private static let days: Function = { ctxt, nargs in
        guard let ctxt, redline_xpath_nargs_ok(ctxt, nargs, 1) != 0 else { return }
        let date = LocalDate(popString(ctxt))
        push(ctxt, date.map { Double($0.daysSinceEpoch) } ?? .nan)
    }

    private static let daysSince: Function = { ctxt, nargs in
        guard let ctxt, redline_xpath_nargs_ok(ctxt, nargs, 1) != 0, let env = environment(ctxt) else { return }
        let date = LocalDate(popString(ctxt))
        push(ctxt, date.map { Double(env.asOf.daysSinceEpoch - $0.daysSinceEpoch) } ?? .nan)
    }

    private static let monthsBetween: Function = { ctxt, nargs in
        guard let ctxt, redline_xpath_nargs_ok(ctxt, nargs, 2) != 0 else { return }
        let to = LocalDate(popString(ctxt))
        let from = LocalDate(popString(ctxt))
        guard let from, let to else { return push(ctxt, Double.nan) }
        push(ctxt, Double(from.months(until: to)))
    }

    private static let latest: Function = { ctxt, nargs in
        guard let ctxt, redline_xpath_nargs_ok(ctxt, nargs, 1) != 0 else { return }
        let dates = popStrings(ctxt).compactMap { LocalDate($0) }
        push(ctxt, dates.max()?.description ?? "")
    }

    private static let independent: Function = { ctxt, nargs in
        guard let ctxt, redline_xpath_nargs_ok(ctxt, nargs, 1) != 0 else { return }
        guard let provenances = popProvenances(ctxt) else { return }
        push(ctxt, provenances.contains { independentProvenances.contains($0) })
    }

    private static let selfDeclared: Function = { ctxt, nargs in
        guard let ctxt, redline_xpath_nargs_ok(ctxt, nargs, 1) != 0 else { return }
        guard let provenances = popProvenances(ctxt) else { return }
        push(ctxt, provenances.contains { !independentProvenances.contains($0) })
    }

    private static let hasTokens: Function = { ctxt, nargs in
        guard let ctxt, redline_xpath_nargs_ok(ctxt, nargs, 2) != 0 else { return }
        let wanted = tokens(popString(ctxt))
        let present = Set(popStrings(ctxt).flatMap(tokens))
        push(ctxt, !wanted.isEmpty && wanted.allSatisfy { present.contains($0) })
    }

    private static let sameParty: Function = { ctxt, nargs in
        guard let ctxt, redline_xpath_nargs_ok(ctxt, nargs, 2) != 0 else { return }
        let second = Set(popStrings(ctxt).map(NameNormalizer.normalize).filter { !$0.isEmpty })
        let first = popStrings(ctxt).map(NameNormalizer.normalize)
        push(ctxt, first.contains { second.contains($0) })
    }

    private static let normalizeName: Function = { ctxt, nargs in
        guard let ctxt, redline_xpath_nargs_ok(ctxt, nargs, 1) != 0 else { return }
        push(ctxt, NameNormalizer.normalize(popString(ctxt)))
    }
}
