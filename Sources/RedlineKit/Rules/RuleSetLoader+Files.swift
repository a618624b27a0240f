import Foundation

/// Reading a rule-set file: the hardened parse, the root and schema checks, and positions of
/// elements in the bytes that were read.
extension RuleSetLoader {
    mutating func parse(_ path: String, expectedRoot: String, includedFrom: SourcePosition?) throws(RedlineError)
        -> XMLElement
    {
        let bytes: [UInt8]
        do {
            bytes = try source.read(path, limit: RuleSetLoader.maxFileBytes)
        } catch {
            if let includedFrom {
                throw RedlineError(
                    .invalidRules, "included file '\(path)' cannot be read: \(error.message)", at: includedFrom,
                    suggestion: "fix the include's href (relative to the including file)")
            }
            throw error
        }
        let document: XMLDocument
        do {
            document = try XMLDocument(
                bytes: bytes, path: path,
                limits: .fixed(maxBytes: RuleSetLoader.maxFileBytes, maxElements: RuleSetLoader.maxFileElements))
        } catch {
            var wrapped = error
            if wrapped.code != .hostile { wrapped.code = .invalidRules }
            throw wrapped
        }
        documents.append((document, LineTable(bytes: bytes), StartTagIndex(bytes: bytes)))
        files.append(path)
        guard let root = document.root else {
            throw RedlineError(
                .invalidRules, "rule file has no root element", at: SourcePosition(file: path, line: 1, column: 1))
        }
        guard root.namespaceURI == BuiltIn.ruleNamespace, root.name == expectedRoot else {
            throw RedlineError(
                .invalidRules,
                "expected <\(expectedRoot)> in namespace \(BuiltIn.ruleNamespace), found "
                    + "<\(root.name)>\(root.namespaceURI.map { " in namespace \($0)" } ?? " without a namespace")",
                at: position(of: root),
                suggestion:
                    "start the file with <\(expectedRoot) xmlns=\"\(BuiltIn.ruleNamespace)\" formatVersion=\"1\" …>")
        }
        guard checks || diagnostics.collects else { return root }
        let violations = BuiltIn.ruleSetSchema.validate(document)
        if diagnostics.collects, !violations.isEmpty {
            // Lint mode: report every violation and go on; the loader's defaults stand in for bad values.
            let collected = violations.map { violation in
                RedlineError(
                    .invalidRules, "rule file does not match the rule language: \(violation.message)",
                    at: SourcePosition(
                        file: path, line: violation.line,
                        column: column(in: path, line: violation.line, path: violation.path)),
                    suggestion: "see docs/rule-language.md; rules/schemas/ruleset-1.xsd is the schema")
            }
            for problem in collected { try report(problem) }
            schemaInvalid = true
            return root
        }
        if let first = violations.first {
            var more = ""
            if violations.count > 1 {
                more = " (and \(violations.count - 1) more schema error\(violations.count > 2 ? "s" : ""))"
            }
            throw RedlineError(
                .invalidRules, "rule file does not match the rule language: \(first.message)\(more)",
                at: SourcePosition(
                    file: path, line: first.line, column: column(in: path, line: first.line, path: first.path)),
                suggestion: "see docs/rule-language.md; rules/schemas/ruleset-1.xsd is the schema")
        }
        return root
    }

    func lineTable(of file: String) -> LineTable? {
        documents.first { $0.document.path == file }?.lines
    }

    private func lines(of file: String) -> [Substring] {
        lineTable(of: file)?.lines ?? []
    }

    /// Where an element's start tag begins: from the file's ``StartTagIndex`` (its line, and
    /// column 1, if the element is not found there).
    func position(of element: XMLElement) -> SourcePosition {
        let tags = documents.first { $0.document === element.document }?.tags
        if let tags, let order = element.document.documentOrder(of: element), order < tags.positions.count {
            let start = tags.positions[order]
            return SourcePosition(file: element.document.path, line: start.line, column: start.column)
        }
        return SourcePosition(file: element.document.path, line: element.line, column: 1)
    }

    /// The position where an element's text content starts (just after its start tag).
    func contentPosition(of element: XMLElement) -> SourcePosition {
        let tags = documents.first { $0.document === element.document }?.tags
        if let tags, let order = element.document.documentOrder(of: element), order < tags.contentStarts.count {
            let start = tags.contentStarts[order]
            return SourcePosition(file: element.document.path, line: start.line, column: start.column)
        }
        return position(of: element)
    }

    private func column(in file: String, line: Int, path: String?) -> Int {
        let text = lines(of: file)
        guard line >= 1, line <= text.count else { return 0 }
        if let name = path?.split(separator: "/").last?.split(separator: "[").first,
            let range = text[line - 1].range(of: "<" + name)
        {
            return text[line - 1].distance(from: text[line - 1].startIndex, to: range.lowerBound) + 1
        }
        let content = text[line - 1]
        return (content.firstIndex { !$0.isWhitespace }.map { content.distance(from: content.startIndex, to: $0) } ?? 0)
            + 1
    }

    func resolve(_ href: String, from file: String, at position: SourcePosition) throws(RedlineError) -> String {
        guard !href.hasPrefix("/"), !href.contains("://"), !href.split(separator: "/").contains("..") else {
            throw RedlineError(
                .invalidRules, "include '\(href)' must be a relative path inside the rule set's folder", at: position,
                suggestion: "write the href relative to this file, without '..' or a URL")
        }
        let base = (file as NSString).deletingLastPathComponent
        return base.isEmpty ? href : base + "/" + href
    }
}
