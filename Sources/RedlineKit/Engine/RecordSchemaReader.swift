/// Reads the licence-record schema (XSD) into the tree of elements a record may hold
/// (``RecordSchemaElement``): named and anonymous types, element references, attribute groups,
/// simple and complex content extensions, as the record schema uses them.
enum RecordSchemaReader {
    /// The element tree rooted at `licenceRecord`, or nil when `text` is not such a schema.
    static func read(_ text: String, root: String = "licenceRecord") -> RecordSchemaElement? {
        guard let document = try? XMLDocument(bytes: Array(text.utf8), path: "schema"), let schema = document.root,
            let top = Declarations(schema).elements[root]
        else { return nil }
        return Declarations(schema).element(top, parent: nil, depth: 0, required: true, repeatable: false)
    }

    /// The schema's top-level declarations by name, and the reading of one declaration.
    private struct Declarations {
        var elements: [String: XMLElement] = [:]
        var complexTypes: [String: XMLElement] = [:]
        var simpleTypes: [String: XMLElement] = [:]
        var attributeGroups: [String: XMLElement] = [:]

        init(_ schema: XMLElement) {
            for child in schema.children {
                guard let name = child.attribute("name") else { continue }
                switch child.name {
                case "element": elements[name] = child
                case "complexType": complexTypes[name] = child
                case "simpleType": simpleTypes[name] = child
                case "attributeGroup": attributeGroups[name] = child
                default: break
                }
            }
        }

        /// The element a declaration (or a reference to a top-level one) describes, below `parent`;
        /// `required` and `repeatable` as its place in the parent's model groups makes it.
        func element(_ declaration: XMLElement, parent: String?, depth: Int, required: Bool, repeatable: Bool)
            -> RecordSchemaElement?
        {
            guard depth < 16 else { return nil }
            let target = declaration.attribute("ref").map(local).flatMap { elements[$0] } ?? declaration
            guard let name = target.attribute("name") else { return nil }
            let path = parent.map { $0 + "/" + name } ?? name
            var result = RecordSchemaElement(
                name: name, path: path, isRequired: required, isRepeatable: repeatable,
                documentation: documentation(of: declaration) ?? documentation(of: target),
                value: nil, attributes: [], children: [])
            if let type = target.attribute("type").map(local) {
                if let complex = complexTypes[type] {
                    read(complex, into: &result, depth: depth, required: true, repeatable: false)
                } else {
                    result.value = value(ofType: type, depth: 0)
                }
            } else if let complex = target.children(named: "complexType").first {
                read(complex, into: &result, depth: depth, required: true, repeatable: false)
            } else if let simple = target.children(named: "simpleType").first {
                result.value = value(of: simple, typeName: nil, depth: 0)
            }
            return result
        }

        /// Adds what a complex type (or its content, extension or model group) declares. A child
        /// is required when every group around it is (`minOccurs` not 0, and not one branch of a
        /// choice), repeatable when it or a group around it may repeat.
        private func read(
            _ node: XMLElement, into element: inout RecordSchemaElement, depth: Int, required: Bool, repeatable: Bool
        ) {
            guard depth < 32 else { return }
            for child in node.children {
                let isRequired = required && child.attribute("minOccurs") != "0" && node.name != "choice"
                let isRepeatable = repeatable || (child.attribute("maxOccurs") ?? "1") != "1"
                switch child.name {
                case "sequence", "choice", "all":
                    read(child, into: &element, depth: depth + 1, required: isRequired, repeatable: isRepeatable)
                case "complexContent", "simpleContent":
                    read(child, into: &element, depth: depth + 1, required: required, repeatable: repeatable)
                case "element":
                    if let nested = self.element(
                        child, parent: element.path, depth: depth + 1, required: isRequired, repeatable: isRepeatable)
                    {
                        element.children.append(nested)
                    }
                case "attribute":
                    if let attribute = attribute(child, group: nil) { element.attributes.append(attribute) }
                case "attributeGroup":
                    if let name = child.attribute("ref").map(local), let group = attributeGroups[name] {
                        element.attributes += group.children(named: "attribute").compactMap {
                            attribute($0, group: name)
                        }
                    }
                case "extension", "restriction":
                    if let base = child.attribute("base").map(local) {
                        if let complex = complexTypes[base] {
                            read(complex, into: &element, depth: depth + 1, required: required, repeatable: repeatable)
                        } else {
                            element.value = value(ofType: base, depth: 0)
                        }
                    }
                    read(child, into: &element, depth: depth + 1, required: required, repeatable: repeatable)
                default: break
                }
            }
        }

        private func attribute(_ declaration: XMLElement, group: String?) -> RecordSchemaAttribute? {
            guard let name = declaration.attribute("name") else { return nil }
            var value = RecordSchemaValue(builtIn: "anySimpleType")
            if let type = declaration.attribute("type") {
                value = self.value(ofType: local(type), depth: 0)
            } else if let simple = declaration.children(named: "simpleType").first {
                value = self.value(of: simple, typeName: nil, depth: 0)
            }
            return RecordSchemaAttribute(
                name: name, isRequired: declaration.attribute("use") == "required",
                defaultValue: declaration.attribute("default"), fixedValue: declaration.attribute("fixed"),
                documentation: documentation(of: declaration), value: value, group: group)
        }

        /// The value of a named type: a simple type of the schema, or an XSD built-in.
        private func value(ofType name: String, depth: Int) -> RecordSchemaValue {
            if let simple = simpleTypes[name], depth < 8 { return value(of: simple, typeName: name, depth: depth + 1) }
            if let complex = complexTypes[name], depth < 8 {
                var element = RecordSchemaElement(
                    name: name, path: name, isRequired: true, isRepeatable: false, documentation: nil, value: nil,
                    attributes: [], children: [])
                read(complex, into: &element, depth: 0, required: true, repeatable: false)
                if let value = element.value { return value }
            }
            return RecordSchemaValue(typeName: "xs:" + name, builtIn: name)
        }

        /// The value a `simpleType` definition allows.
        private func value(of simple: XMLElement, typeName: String?, depth: Int) -> RecordSchemaValue {
            if let list = simple.children(named: "list").first {
                var item =
                    list.attribute("itemType").map { value(ofType: local($0), depth: depth) }
                    ?? RecordSchemaValue(builtIn: "token")
                item.typeName = typeName
                item.isList = true
                return item
            }
            guard let restriction = simple.children(named: "restriction").first else {
                return RecordSchemaValue(typeName: typeName, builtIn: "anySimpleType")
            }
            var result =
                restriction.attribute("base").map { value(ofType: local($0), depth: depth) }
                ?? RecordSchemaValue(builtIn: "anySimpleType")
            result.typeName = typeName ?? result.typeName
            let values = restriction.children(named: "enumeration").compactMap { $0.attribute("value") }
            if !values.isEmpty { result.enumeration = values }
            if let pattern = restriction.children(named: "pattern").first?.attribute("value") {
                result.pattern = pattern
            }
            return result
        }

        private func documentation(of declaration: XMLElement) -> String? {
            let texts = declaration.children(named: "annotation").flatMap { $0.children(named: "documentation") }
            let words = texts.map(\.text).joined(separator: " ").split(whereSeparator: \.isWhitespace)
            return words.isEmpty ? nil : words.joined(separator: " ")
        }

        private func local(_ qualified: String) -> String { String(qualified.split(separator: ":").last ?? "") }
    }
}
