import Foundation

/// Reading a rule-set file: the hardened parse, the root and schema checks, and positions of
/// elements in the bytes that were read.
extension RuleSetLoader {
    mutating func parse(_ path: String, expectedRoot: String, includedFrom: SourcePosition?) throws(RedlineError) -> XMLElement {
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
                limits: XMLLimits(
                    maxBytes: RuleSetLoader.maxFileBytes, maxElements: RuleSetLoader.maxFileElements, maxSecondsPerRecord: .infinity))
        } catch {
            var wrapped = error
            if wrapped.code != .hostile { wrapped.code = .invalidRules }
            throw wrapped
        }
        documents.append((document, LineTable(bytes: bytes)))
        files.append(path)
        guard let root = document.root else {
            throw RedlineError(.invalidRules, "rule file has no root element", at: SourcePosition(file: path, line: 1, column: 1))
        }
        guard root.namespaceURI == BuiltIn.ruleNamespace, root.name == expectedRoot else {
            throw RedlineError(
                .invalidRules,
                "expected <\(expectedRoot)> in namespace \(BuiltIn.ruleNamespace), found <\(root.name)>\(root.namespaceURI.map { " in namespace \($0)" } ?? " without a namespace")",
                at: position(of: root),
                suggestion: "start the file with <\(expectedRoot) xmlns=\"\(BuiltIn.ruleNamespace)\" formatVersion=\"1\" …>")
        }
        let violations = BuiltIn.ruleSetSchema.validate(document)
        if diagnostics.collects, !violations.isEmpty {
            // Lint mode: report every violation and go on; the loader's defaults stand in for bad values.
            let collected = violations.map { violation in
                RedlineError(
                    .invalidRules, "rule file does not match the rule language: \(violation.message)",
                    at: SourcePosition(
                        file: path, line: violation.line, column: column(in: path, line: violation.line, path: violation.path)),
                    suggestion: "see docs/rule-language.md; rules/schemas/ruleset-1.xsd is the schema")
            }
            for problem in collected { try report(problem) }
            schemaInvalid = true
            return root
        }
        if let first = violations.first {
            var more = ""
            if violations.count > 1 { more = " (and \(violations.count - 1) more schema error\(violations.count > 2 ? "s" : ""))" }
            throw RedlineError(
                .invalidRules, "rule file does not match the rule language: \(first.message)\(more)",
                at: SourcePosition(file: path, line: first.line, column: column(in: path, line: first.line, path: first.path)),
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

    /// The column of an element's start tag on its line (1 if not found).
    func position(of element: XMLElement) -> SourcePosition {
        var line = element.line
        let text = lines(of: element.document.path)
        var column = 1
        // libxml2 gives the line where a multi-line start tag ends: look back for its start.
        var back = line
        while back > 1, back > line - 20, back <= text.count, !text[back - 1].contains("<" + element.name) { back -= 1 }
        if back >= 1, back <= text.count, back != line, text[back - 1].contains("<" + element.name) { line = back }
        if line >= 1, line <= text.count, let range = text[line - 1].range(of: "<" + element.name) {
            column = text[line - 1].distance(from: text[line - 1].startIndex, to: range.lowerBound) + 1
        } else if line >= 1, line <= text.count, let range = text[line - 1].range(of: ":" + element.name) {
            column = text[line - 1].distance(from: text[line - 1].startIndex, to: range.lowerBound)
        }
        return SourcePosition(file: element.document.path, line: line, column: column)
    }

    /// The position where an element's text content starts.
    func contentPosition(of element: XMLElement) -> SourcePosition {
        var position = position(of: element)
        let text = lines(of: element.document.path)
        if position.line >= 1, position.line <= text.count {
            let line = text[position.line - 1]
            let start = line.index(line.startIndex, offsetBy: max(0, position.column - 1))
            if let close = line[start...].firstIndex(of: ">") {
                position.column = line.distance(from: line.startIndex, to: close) + 2
            }
        }
        return position
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
        return (content.firstIndex { !$0.isWhitespace }.map { content.distance(from: content.startIndex, to: $0) } ?? 0) + 1
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
