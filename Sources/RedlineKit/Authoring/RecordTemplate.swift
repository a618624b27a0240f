/// A commented licence record to start from (`redline new application|licence`), generated from
/// the record schema so that it follows the schema as it changes: every element a record of the
/// stage can hold, in schema order, each with a comment saying whether the schema requires it
/// (``requiredMarker``), what it is for, the values it takes and which rules of the rule set
/// read it (``RecordFieldUsage``). The placeholder values are valid, so the template as printed
/// is schema-valid and evaluates to findings; an `xml-model` processing instruction names the
/// schema for editors that validate as one types.
public struct RecordTemplate: Sendable {
    /// The marker after an element's or attribute's name in its comment when the schema requires it.
    public static let requiredMarker = "(required)"
    /// The marker after an element's or attribute's name in its comment when the schema does not require it.
    public static let optionalMarker = "(optional)"
    /// The schema location the `xml-model` line names unless told otherwise: right for a record
    /// at the root of a redline checkout.
    public static let defaultSchemaLocation = BuiltIn.recordSchemaPath
    /// The stages a template can be written for.
    public static let stages: [Stage] = [.application, .licence]
    /// The elements (paths) no template contains, with the reason; an element below one is left out too.
    public static let notProduced: [String: String] = [
        "licenceRecord/lifecycle/determination":
            "only a no-licence-required determination (stage=\"determination\") has it; templates are for "
            + "applications and licences"
    ]
    /// The elements an application's template leaves out: the decision, validity and later events.
    public static let licenceOnly: Set<String> = [
        "licenceRecord/lifecycle/decided", "licenceRecord/lifecycle/validFrom", "licenceRecord/lifecycle/validUntil",
        "licenceRecord/lifecycle/ended", "licenceRecord/events",
    ]

    /// The stage of the record: application or licence.
    public let stage: Stage
    /// The licence kind (`lifecycle/@kind`), one of ``kinds(in:)``.
    public let kind: String
    /// The schema location the `xml-model` line names.
    public let schemaLocation: String
    let schema: RecordSchemaElement
    let usage: RecordFieldUsage

    /// The licence kinds the schema allows (`lifecycle/@kind`), in schema order.
    public static func kinds(in schema: RecordSchemaElement = .record) -> [String] {
        schema.element(at: "licenceRecord/lifecycle")?.attributes.first { $0.name == "kind" }?.value.enumeration ?? []
    }

    /// A template for `stage` and `kind` whose comments name the rules of `ruleSet` that read each field.
    /// - Throws: ``RedlineError`` with code `usage` when the stage is not application or licence, or
    ///   the kind is not one the schema allows (the message names those it allows).
    public init(
        stage: Stage, kind: String = "individual", schemaLocation: String = Self.defaultSchemaLocation,
        ruleSet: RuleSet, schema: RecordSchemaElement = .record
    ) throws(RedlineError) {
        let position = SourcePosition(file: "<command line>")
        guard Self.stages.contains(stage) else {
            throw RedlineError(
                .usage, "a template is for an application or a licence, not \(stage.withArticle)", at: position)
        }
        let kinds = Self.kinds(in: schema)
        guard kinds.contains(kind) else {
            throw RedlineError(
                .usage, "unknown licence kind '\(kind)'", at: position,
                suggestion: "use one of the kinds the record schema allows: \(kinds.joined(separator: ", "))")
        }
        self.stage = stage
        self.kind = kind
        self.schemaLocation = schemaLocation
        self.schema = schema
        self.usage = RecordFieldUsage(schema: schema, ruleSet: ruleSet)
    }

    /// The template's text: an XML declaration, the `xml-model` line, a header comment and the record.
    public var text: String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<?xml-model href="\#(XMLText.attribute(schemaLocation))" type="application/xml" "#
                + #"schematypens="http://www.w3.org/2001/XMLSchema"?>"#,
        ]
        lines += comment(header, indent: "")
        render(schema, instance: Instance(), indent: "", comments: true, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    /// What is shown of an element in this template.
    enum Presence: Equatable {
        case shown
        /// Shown inside a comment, to uncomment when it applies (the reason says when).
        case commentedOut(String)
        case omitted
    }

    /// Whether the element at `path` is in this template.
    func presence(of path: String) -> Presence {
        let ancestors = Self.notProduced.keys.contains { path == $0 || path.hasPrefix($0 + "/") }
        if ancestors || (stage == .application && Self.licenceOnly.contains(path)) { return .omitted }
        return Self.commentedOut[path].map(Presence.commentedOut) ?? .shown
    }

    /// One occurrence of an element: the attribute values and text that differ from the placeholders.
    struct Instance {
        var attributes: [String: String] = [:]
        var text: String?
    }

    private func render(
        _ element: RecordSchemaElement, instance: Instance, indent: String, comments: Bool, into lines: inout [String]
    ) {
        if comments { lines += comment(describe(element), indent: indent) }
        var start = "<" + element.name
        if element.path == schema.path { start += #" xmlns="\#(BuiltIn.recordNamespace)""# }
        for attribute in element.attributes where shows(attribute, of: element) {
            let value = instance.attributes[attribute.name] ?? placeholder(for: attribute, of: element)
            start += " \(attribute.name)=\"\(XMLText.attribute(value))\""
        }
        if let value = element.value {
            let text = instance.text ?? placeholder(for: value, at: element.path, named: element.name)
            lines.append(indent + start + ">" + XMLText.text(text) + "</\(element.name)>")
            return
        }
        let inner = indent + "  "
        var body: [String] = []
        for child in element.children {
            switch presence(of: child.path) {
            case .omitted: continue
            case .shown:
                for occurrence in instances(of: child) {
                    render(child, instance: occurrence, indent: inner, comments: comments, into: &body)
                }
            case .commentedOut(let when):
                guard comments else { continue }
                var snippet: [String] = []
                render(child, instance: Instance(), indent: inner, comments: false, into: &snippet)
                body +=
                    comment(describe(child) + ["Uncomment \(when):"], indent: inner, closing: false)
                    + snippet.map(Self.safe) + [inner + "-->"]
            }
        }
        if body.isEmpty {
            lines.append(indent + start + "/>")
        } else {
            lines += [indent + start + ">"] + body + [indent + "</\(element.name)>"]
        }
    }

    /// Whether an attribute is written on the element (the others are described in its comment).
    private func shows(_ attribute: RecordSchemaAttribute, of element: RecordSchemaElement) -> Bool {
        if attribute.isRequired { return true }
        let path = element.path + "/@" + attribute.name
        if attribute.group == "evidence" {
            return attribute.name == "provenance" || !usage.rules(reading: path).isEmpty
        }
        return !Self.describedOnly.contains(path)
    }

    /// The comment's paragraphs for an element: its name, marker and purpose, then one per attribute.
    private func describe(_ element: RecordSchemaElement) -> [String] {
        var details: [String] = []
        if let note = Self.notes[element.path] ?? element.documentation.map(Self.firstSentence) { details.append(note) }
        if let value = element.value { details += Self.values(value) }
        if element.attributes.contains(where: { $0.group == "evidence" }) {
            details.append("Evidence: provenance, verification, source, date.")
        }
        details += readBy(element.path)
        var paragraphs = [
            Self.line(element.name, required: element.isRequired, repeatable: element.isRepeatable, details)
        ]
        for attribute in element.attributes where attribute.group == nil || attribute.isRequired {
            var details: [String] = []
            if let note = attribute.documentation.map(Self.firstSentence) { details.append(note) }
            details += Self.values(attribute.value)
            if let value = attribute.defaultValue { details.append("Default \(value).") }
            details += readBy(element.path + "/@" + attribute.name)
            paragraphs.append(
                Self.line("@" + attribute.name, required: attribute.isRequired, repeatable: false, details))
        }
        return paragraphs
    }

    /// `name (required), repeatable: details`.
    private static func line(_ name: String, required: Bool, repeatable: Bool, _ details: [String]) -> String {
        var line = name + " " + (required ? requiredMarker : optionalMarker) + (repeatable ? ", repeatable" : "")
        if !details.isEmpty { line += ": " + details.joined(separator: " ") }
        return line
    }

    private func readBy(_ field: String) -> [String] {
        let rules = usage.rules(reading: field)
        return rules.isEmpty ? [] : ["Read by " + rules.joined(separator: ", ") + "."]
    }

    /// The values a short enumeration allows, as a sentence (nothing for a long one, e.g. countries).
    private static func values(_ value: RecordSchemaValue) -> [String] {
        if !value.enumeration.isEmpty, value.enumeration.count <= 12 {
            return [(value.isList ? "Any of" : "One of") + ": " + value.enumeration.joined(separator: " | ") + "."]
        }
        if value.typeName == "countryCode" { return ["An ISO 3166-1 alpha-2 code."] }
        if value.builtIn == "date" { return ["A date, YYYY-MM-DD."] }
        return []
    }

    /// The first sentence of a schema documentation text (a period after "e.g" or "i.e" ends none).
    private static func firstSentence(_ text: String) -> String {
        var searchStart = text.startIndex
        while let end = text.range(of: ". ", range: searchStart..<text.endIndex) {
            let before = text[..<end.lowerBound]
            if !before.hasSuffix("e.g"), !before.hasSuffix("i.e") { return String(before) + "." }
            searchStart = end.upperBound
        }
        return text
    }

    /// An XML comment holding `paragraphs`, each wrapped to about 100 columns.
    private func comment(_ paragraphs: [String], indent: String, closing: Bool = true) -> [String] {
        var lines: [String] = []
        for (number, paragraph) in paragraphs.enumerated() {
            let lead = indent + (number == 0 ? "<!-- " : "     ")
            var line = lead
            for word in Self.safe(paragraph).split(separator: " ") {
                if line.count + word.count > 100, line.count > lead.count {
                    lines.append(line)
                    line = indent + "       "
                } else if line.count > lead.count {
                    line += " "
                }
                line += word
            }
            lines.append(line)
        }
        if closing { lines[lines.count - 1] += " -->" }
        return lines
    }

    /// Text that may stand in a comment: no `--`.
    private static func safe(_ text: String) -> String {
        var text = text
        while text.contains("--") { text = text.replacingOccurrences(of: "--", with: "-") }
        return text
    }

    private var header: [String] {
        [
            "A licence record to fill in: stage=\"\(stage.rawValue)\", kind=\"\(kind)\" "
                + "(made by redline new \(stage.rawValue), kind \(kind)).",
            "kind=\"\(kind)\": " + (Self.kindNotes[kind] ?? "see docs/record-format.md.")
                + (stage == .application
                    ? " An application has no decision, validity or events yet: redline new licence shows them." : ""),
            "Replace every TODO and placeholder with the record's facts, and remove optional elements the record "
                + "cannot evidence. \(Self.requiredMarker) marks what the schema requires; \"Read by\" names the "
                + "rules of the rule set that read a field.",
            "Evidence-bearing elements take provenance (who vouches for it: self-declared, forensic, court, "
                + "regulator, audit, independent), verification (alleged, corroborated, confirmed, adjudicated), "
                + "source and date: see docs/record-format.md.",
            "Check it with: redline check FILE",
        ]
    }
}
