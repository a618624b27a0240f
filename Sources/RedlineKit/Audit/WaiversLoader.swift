/// Reads a waivers file (`urn:redline:waivers:1`, rules/schemas/waivers-1.xsd): hardened parse,
/// schema validation, then checks the schema cannot express (each rule pattern names a rule of
/// the rule set). Every error names the file, line and column.
public enum WaiversLoader {
    /// The embedded path of the waivers schema.
    public static let schemaPath = "rules/schemas/waivers-1.xsd"
    /// The waivers namespace.
    public static let namespace = "urn:redline:waivers:1"
    /// Largest waivers file accepted.
    public static let maxBytes = 4 * 1024 * 1024

    /// The compiled waivers schema.
    public static let schema: XMLSchema = {
        // The embedded schema is part of the binary and compiled by the test suite.
        // swiftlint:disable:next force_try
        try! XMLSchema(text: BuiltIn.file(schemaPath) ?? "", name: schemaPath)
    }()

    /// Loads the waivers at `path`, checking rule ids against `ruleSet`.
    /// - Throws: ``RedlineError`` with code `invalidWaivers` (or `hostile`), file, line and column.
    public static func load(path: String, ruleSet: RuleSet) throws(RedlineError) -> WaiverSet {
        let bytes: [UInt8]
        do {
            bytes = try FileInput.read(path, limit: maxBytes, flag: nil)
        } catch {
            var wrapped = error
            wrapped.code = .invalidWaivers
            wrapped.message = "cannot read the waivers file: \(error.message)"
            throw wrapped
        }
        return try parse(bytes: bytes, path: path, ruleSet: ruleSet)
    }

    /// Parses waivers from bytes; `path` names them in errors.
    public static func parse(bytes: [UInt8], path: String, ruleSet: RuleSet) throws(RedlineError) -> WaiverSet {
        let document: XMLDocument
        do {
            document = try XMLDocument(
                bytes: bytes, path: path, limits: .fixed(maxBytes: maxBytes))
        } catch {
            var wrapped = error
            if wrapped.code != .hostile { wrapped.code = .invalidWaivers }
            throw wrapped
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        func position(line: Int, element: String?) -> SourcePosition {
            var column = 1
            if line >= 1, line <= lines.count {
                let text = lines[line - 1]
                if let element, let range = text.range(of: "<" + element) {
                    column = text.distance(from: text.startIndex, to: range.lowerBound) + 1
                } else if let first = text.firstIndex(where: { !$0.isWhitespace }) {
                    column = text.distance(from: text.startIndex, to: first) + 1
                }
            }
            return SourcePosition(file: path, line: max(line, 1), column: column)
        }
        guard let root = document.root, root.name == "waivers", root.namespaceURI == namespace else {
            let found = document.root.map { "<\($0.name)>" } ?? "nothing"
            throw RedlineError(
                .invalidWaivers, "expected <waivers xmlns=\"\(namespace)\">, found \(found)",
                at: position(line: document.root?.line ?? 1, element: document.root?.name),
                suggestion:
                    "start the file with <waivers xmlns=\"\(namespace)\" formatVersion=\"1\">; see docs/audit.md")
        }
        let violations = schema.validate(document)
        if let first = violations.first {
            let name = first.path?.split(separator: "/").last?.split(separator: "[").first.map(String.init)
            let more = violations.count > 1 ? " (and \(violations.count - 1) more)" : ""
            throw RedlineError(
                .invalidWaivers, "waivers file does not match its schema: \(first.message)\(more)",
                at: position(line: first.line, element: name),
                suggestion: "see docs/audit.md; rules/schemas/waivers-1.xsd is the schema")
        }
        var waivers: [Waiver] = []
        let ruleIDs = ruleSet.rules.map(\.id)
        for element in root.children(named: "waiver") {
            let at = position(line: element.line, element: "waiver")
            let id = element.attribute("id") ?? ""
            let rule = (element.attribute("rule") ?? "").trimmingWhitespace().description
            guard ruleIDs.contains(where: { Glob.matches(rule, $0) }) else {
                throw RedlineError(
                    .invalidWaivers, "waiver '\(id)' is for rule '\(rule)', which is not in rule set \(ruleSet.id)",
                    at: at, suggestion: "use a rule id listed by the rule set (docs/rules.md)")
            }
            guard let expires = element.attribute("expires").flatMap({ LocalDate($0) }) else {
                throw RedlineError(.invalidWaivers, "waiver '\(id)' has no valid expiry date", at: at)
            }
            func texts(_ name: String) -> [String] {
                element.children(named: name).map { $0.text.trimmingWhitespace().replacingSpacesRuns() }
            }
            waivers.append(
                Waiver(
                    id: id, rule: rule, records: texts("record"), paths: texts("path"),
                    justification: texts("justification").first ?? "", approver: texts("approver").first ?? "",
                    expires: expires, position: at))
        }
        return WaiverSet(waivers: waivers, file: path)
    }
}
