/// A rule set's declarations: `<extends>`, `<letter>`, `<namespace>`, `<profile>` and `<policy>`,
/// in document order; the content elements are kept for ``RuleSetLoader/collect(_:lists:rules:visited:)``.
extension RuleSetLoader {
    mutating func readHeader(_ root: XMLElement) throws(RedlineError) -> Header {
        var header = Header()
        for child in root.children {
            switch child.name {
            case "extends":
                let parent = try loadParent(child)
                header.parent = parent
                header.letters = parent.letters
                header.namespaces = parent.namespaces
                header.profiles = parent.profiles
            case "letter":
                try addLetter(child, to: &header)
            case "namespace":
                try addNamespace(child, to: &header)
            case "profile":
                try addProfile(child, to: &header)
            case "policy":
                do throws(RedlineError) {
                    header.policy = try loadPolicy(child)
                } catch {
                    try report(error)
                    header.policy = RuleSetLoader.standInPolicy
                }
            case "include", "list", "rule", "override", "disable":
                header.content.append(child)
            default:
                break
            }
        }
        return header
    }

    private mutating func addLetter(_ element: XMLElement, to header: inout Header) throws(RedlineError) {
        if let existing = header.letters.first(where: { $0.id == element.attribute("id") }) {
            if existing.file != element.attribute("file") {
                try report(
                    RedlineError(
                        .invalidRules,
                        "letter '\(existing.id)' is already declared by the extended rule set with file "
                            + "'\(existing.file)'",
                        at: position(of: element),
                        suggestion: "remove this <letter> (it is inherited) or use another id"))
            }
            return
        }
        header.letters.append(
            Letter(
                id: element.attribute("id") ?? "", file: element.attribute("file") ?? "",
                date: element.attribute("date").flatMap { LocalDate($0) },
                title: element.text.replacingSpacesRuns()))
    }

    private mutating func addNamespace(_ element: XMLElement, to header: inout Header) throws(RedlineError) {
        let prefix = element.attribute("prefix") ?? ""
        if prefix == "r" || prefix == "rl" {
            try report(
                RedlineError(
                    .invalidRules, "namespace prefix '\(prefix)' is reserved by redline", at: position(of: element),
                    suggestion: "choose another prefix"))
            return
        }
        header.namespaces[prefix] = element.attribute("uri") ?? ""
    }

    private mutating func addProfile(_ element: XMLElement, to header: inout Header) throws(RedlineError) {
        if header.parent != nil, header.profiles.contains(where: { $0.id == element.attribute("id") }) {
            try report(
                RedlineError(
                    .invalidRules,
                    "profile '\(element.attribute("id") ?? "")' is already declared by the extended rule set",
                    at: position(of: element), suggestion: "remove this <profile> (it is inherited) or use another id"))
            return
        }
        let isDefault = element.attribute("default") == "true" || element.attribute("default") == "1"
        if isDefault {
            for index in header.profiles.indices { header.profiles[index].isDefault = false }
        }
        header.profiles.append(
            Profile(
                id: element.attribute("id") ?? "", description: element.text.replacingSpacesRuns(), isDefault: isDefault
            ))
    }
}
