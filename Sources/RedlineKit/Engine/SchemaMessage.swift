/// A licence record's schema violation in an officer's terms: the element or attribute by its
/// tag, what the record format expects there (from ``RecordContentModel``, not from a list in
/// code), the probable correction of a value, and a fix line for this very error. A violation
/// it does not know keeps libxml2's message (without namespace URIs) and the general fix.
struct SchemaMessage {
    /// What is wrong.
    var message: String
    /// How to fix it.
    var remedy: String

    /// The fix for a violation this type does not translate.
    static let generalRemedy =
        "make the record match the licence record format (rules/schemas/licence-record-1.xsd, docs/record-format.md)"

    /// Translates `violation` with the content model of the record schema.
    init(_ violation: XMLSchema.Violation, model: RecordContentModel = .record) {
        let translated: (String, String)? =
            switch violation.kind {
            case .elementContent: Self.content(violation, model: model)
            case .datatype: Self.datatype(violation)
            case .enumeration: Self.enumeration(violation)
            case .tooShort: Self.empty(violation, model: model)
            case .pattern: Self.pattern(violation)
            case .textInElementOnlyContent: Self.textInElementOnly(violation, model: model)
            case .elementInSimpleContent: Self.elementInText(violation)
            case .attributeNotAllowed: Self.unknownAttribute(violation, model: model)
            case .attributeMissing: Self.missingAttribute(violation)
            case .fixedValue: Self.fixedValue(violation)
            case .other: nil
            }
        (message, remedy) = translated ?? (violation.message, Self.generalRemedy)
    }

    private static func tag(_ name: String) -> String { "<\(name)>" }

    /// Where a value stands: `attribute stage of <licenceRecord>` or `<decided>`.
    private static func place(_ violation: XMLSchema.Violation) -> String? {
        guard let element = violation.element else { return nil }
        return violation.attribute.map { "attribute \($0) of \(tag(element))" } ?? tag(element)
    }

    /// How to write a corrected value there: `stage="application"` or `<decided>2022-03-14</decided>`.
    private static func written(_ value: String, _ violation: XMLSchema.Violation) -> String {
        if let attribute = violation.attribute { return "\(attribute)=\"\(value)\"" }
        let element = violation.element ?? "…"
        return "<\(element)>\(value)</\(element)>"
    }

    // MARK: - Elements in the wrong place, missing or unknown

    private static func content(_ violation: XMLSchema.Violation, model: RecordContentModel) -> (String, String)? {
        guard let element = violation.element else { return nil }
        if violation.missingChildren {
            let missing = firstRequired(violation.expected, in: element, model: model)
            guard let missing else { return nil }
            guard let last = violation.children.last else {
                return (
                    "\(tag(missing)) is missing from \(tag(element)), which must contain it",
                    "add \(tag(missing))…</\(missing)> inside \(tag(element))"
                )
            }
            return (
                "\(tag(missing)) is missing from \(tag(element)) (it comes after \(tag(last)))",
                "add \(tag(missing))…</\(missing)> after \(tag(last)), before </\(element)>"
            )
        }
        guard let parent = violation.parent else { return nil }
        let allowed = model.childNames(of: parent)
        guard let position = allowed.firstIndex(of: element) else {
            return unknownElement(element, in: parent, violation: violation, model: model)
        }
        if violation.precedingSiblings.contains(element), model.child(element, of: parent)?.repeatable == false {
            return (
                "\(tag(element)) appears more than once in \(tag(parent)), which allows one",
                "keep one \(tag(element)) in \(tag(parent)) and remove the other (or merge their text)"
            )
        }
        if let later = violation.precedingSiblings.first(where: { (allowed.firstIndex(of: $0) ?? -1) > position }) {
            return (
                "\(tag(element)) must come before \(tag(later))",
                "move \(tag(element)) before \(tag(later)); the order in \(tag(parent)) is "
                    + allowed.joined(separator: ", ")
            )
        }
        let earlier = violation.expected.filter { (allowed.firstIndex(of: $0) ?? Int.max) < position }
        if let missing = firstRequired(earlier, in: parent, model: model) {
            let after = violation.precedingSiblings.last
            return (
                "\(tag(missing)) is missing from \(tag(parent)) "
                    + (after.map { "(it comes after \(tag($0)))" } ?? "(it comes first)"),
                "add \(tag(missing))…</\(missing)> "
                    + (after.map { "between \(tag($0)) and \(tag(element))" } ?? "before \(tag(element))")
            )
        }
        return (
            "\(tag(element)) is not allowed at this place in \(tag(parent))",
            "the order in \(tag(parent)) is " + allowed.joined(separator: ", ")
        )
    }

    /// The first of `names` that `element` requires (in schema order), else the first of them.
    private static func firstRequired(_ names: [String], in element: String, model: RecordContentModel) -> String? {
        let children = model.content(of: element)?.children ?? []
        let required = children.filter { $0.required && names.contains($0.name) }.map(\.name)
        return required.first ?? names.first
    }

    private static func unknownElement(
        _ element: String, in parent: String, violation: XMLSchema.Violation, model: RecordContentModel
    ) -> (String, String) {
        let allowed = model.childNames(of: parent)
        let near =
            ValueCorrection.nearestName(element, in: violation.expected, within: 3)
            ?? ValueCorrection.nearestName(element, in: allowed, within: 3)
        if let near {
            return (
                "\(tag(element)) is not an element of \(tag(parent)): did you mean \(tag(near))?",
                "rename \(tag(element)) to \(tag(near)) (in its start and end tags)"
            )
        }
        let children = model.content(of: parent)?.children ?? []
        if let required = children.first(where: { $0.required && violation.expected.contains($0.name) })?.name {
            return (
                "\(tag(element)) is not an element of \(tag(parent)) (\(tag(required)) is expected here)",
                "remove \(tag(element)) and add \(tag(required))…</\(required)> in its place"
            )
        }
        guard !allowed.isEmpty else {
            return (
                "\(tag(parent)) holds text only, not the element \(tag(element))",
                "remove \(tag(element)) from \(tag(parent)) and keep its text"
            )
        }
        return (
            "\(tag(element)) is not an element of \(tag(parent))",
            "remove \(tag(element)), or use one of the elements \(tag(parent)) holds: "
                + allowed.joined(separator: ", ")
        )
    }

    // MARK: - Values

    private static func datatype(_ violation: XMLSchema.Violation) -> (String, String)? {
        guard let place = place(violation), let value = violation.value else { return nil }
        guard let start = violation.message.range(of: "atomic type 'xs:") else { return nil }
        let type = violation.message[start.upperBound...].prefix { $0 != "'" }
        switch type {
        case "date":
            if value.trimmingWhitespace().wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil {
                return (
                    "'\(value)' in \(place) is not a date in the calendar",
                    "check the month (01–12) and the day (the month's last day at most), written YYYY-MM-DD"
                )
            }
            let guess = ValueCorrection.date(value)
            return (
                "'\(value)' in \(place) is not a date: write dates as YYYY-MM-DD",
                guess.map { "write \(written($0.description, violation))" }
                    ?? "write the date as YYYY-MM-DD (year, month, day), e.g. 2022-03-14 for 14 March 2022"
            )
        case "boolean":
            let guess = ValueCorrection.boolean(value)
            return (
                "'\(value)' in \(place) is not true or false",
                "write " + (guess.map { written($0, violation) } ?? "true or false")
            )
        case "positiveInteger", "nonNegativeInteger", "integer", "int", "long", "short":
            let range =
                type == "positiveInteger" ? " (1 or more)" : type == "nonNegativeInteger" ? " (0 or more)" : ""
            let guess = ValueCorrection.integer(value).flatMap { type == "positiveInteger" && $0 == "0" ? nil : $0 }
            return (
                "'\(value)' in \(place) is not a whole number\(range)",
                guess.map { "write \(written($0, violation))" } ?? "write the number in digits, without units"
            )
        case "decimal":
            let guess = ValueCorrection.decimal(value)
            return (
                "'\(value)' in \(place) is not a decimal number",
                guess.map { "write \(written($0, violation))" }
                    ?? "write digits with a point, e.g. 12.5 (no thousands separators or units)"
            )
        case "NMTOKEN", "NMTOKENS":
            return (
                "'\(value)' in \(place) is not a single word",
                "write it without spaces or punctuation other than - _ . :, e.g. "
                    + written(value.split(whereSeparator: \.isWhitespace).joined(separator: "-"), violation)
            )
        default:
            return nil
        }
    }

    private static func enumeration(_ violation: XMLSchema.Violation) -> (String, String)? {
        guard let place = place(violation), let value = violation.value, !violation.allowedValues.isEmpty else {
            return nil
        }
        let allowed = violation.allowedValues
        let near = ValueCorrection.nearest(value, in: allowed)
        let list =
            allowed.count <= 12
            ? "one of " + allowed.joined(separator: ", ")
            : "one of the \(allowed.count) values allowed there"
        return (
            "'\(value)' in \(place) is not \(list)" + (near.map { "; did you mean '\($0)'?" } ?? ""),
            near.map { "write \(written($0, violation))" }
                ?? "use one of the values docs/record-format.md lists for \(place)"
        )
    }

    private static func empty(_ violation: XMLSchema.Violation, model: RecordContentModel) -> (String, String)? {
        guard let place = place(violation), let element = violation.element,
            violation.message.contains("length of '0'")
        else { return nil }
        if let attribute = violation.attribute {
            return ("\(place) is empty", "give \(attribute) a value, or remove it")
        }
        let optional = violation.parent.flatMap { model.child(element, of: $0) }.map { !$0.required } ?? false
        return (
            "\(place) is empty",
            "write the text of \(place)" + (optional ? ", or remove the empty element" : " (it is required)")
        )
    }

    private static func pattern(_ violation: XMLSchema.Violation) -> (String, String)? {
        guard let place = place(violation), let value = violation.value,
            let start = violation.message.range(of: "the pattern '")
        else { return nil }
        let pattern = violation.message[start.upperBound...].prefix { $0 != "'" }
        return (
            "'\(value)' in \(place) does not have the required form",
            "write it in the form of the pattern \(pattern) (docs/record-format.md describes \(place))"
        )
    }

    private static func textInElementOnly(_ violation: XMLSchema.Violation, model: RecordContentModel) -> (
        String, String
    )? {
        guard let element = violation.element else { return nil }
        let found = violation.text.isEmpty ? "" : " ('\(violation.text)')"
        let children = model.childNames(of: element)
        return (
            "\(tag(element)) holds elements only, not text\(found)",
            "remove the text from \(tag(element)), or put it inside one of its elements: "
                + children.joined(separator: ", ")
        )
    }

    private static func elementInText(_ violation: XMLSchema.Violation) -> (String, String)? {
        guard let element = violation.element, let child = violation.children.first else { return nil }
        return (
            "\(tag(element)) holds text only, not elements such as \(tag(child))",
            "remove the tags inside \(tag(element)) and keep their text"
        )
    }

    private static func unknownAttribute(_ violation: XMLSchema.Violation, model: RecordContentModel) -> (
        String, String
    )? {
        guard let element = violation.element, let attribute = violation.attribute else { return nil }
        let attributes = model.content(of: element)?.attributes ?? []
        if let near = ValueCorrection.nearestName(attribute, in: attributes, within: 2) {
            return (
                "\(tag(element)) has no attribute \(attribute): did you mean \(near)?",
                "rename \(attribute)=… to \(near)=…"
            )
        }
        return (
            "\(tag(element)) has no attribute \(attribute)",
            "remove \(attribute)=… from \(tag(element))"
                + (attributes.isEmpty
                    ? " (it takes no attributes)" : "; its attributes are " + attributes.joined(separator: ", "))
        )
    }

    private static func missingAttribute(_ violation: XMLSchema.Violation) -> (String, String)? {
        guard let element = violation.element, let attribute = violation.value else { return nil }
        return (
            "\(tag(element)) has no \(attribute) attribute, which it requires",
            "add \(attribute)=\"…\" to \(tag(element))"
        )
    }

    private static func fixedValue(_ violation: XMLSchema.Violation) -> (String, String)? {
        guard let place = place(violation), let value = violation.value,
            let start = violation.message.range(of: "fixed value constraint '")
        else { return nil }
        let fixed = violation.message[start.upperBound...].prefix { $0 != "'" }
        return ("'\(value)' in \(place) must be '\(fixed)'", "write \(written(String(fixed), violation))")
    }
}
