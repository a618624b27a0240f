/// Reads the EU Consolidated Financial Sanctions List, XML 1.1 (`<export generationDate …
/// globalFileId …>` in namespace `http://eu.europa.ec/fpi/fsd/export`): one entry per
/// `sanctionEntity`, from the earlier of its `designationDate` and its acts' `entryIntoForceDate`
/// (OpenSanctions does the same: the act cited may be an amendment). The parse is redline's
/// hardened one (no DTD, no entity, no network), with caps for a full official file.
enum EUFinancialSanctionsImporter {
    static let namespace = "http://eu.europa.ec/fpi/fsd/export"

    /// A full file is about 25 MB with some 400,000 elements.
    static let limits: XMLLimits = {
        var limits = XMLLimits.fixed(maxBytes: 96 << 20, maxElements: 8_000_000)
        limits.maxDepth = 16
        limits.maxAttributes = 64
        return limits
    }()

    /// The file is parsed in chunks and each `sanctionEntity` read and freed as soon as it is
    /// complete: a 30 MB file never has its whole tree in memory.
    static func read(_ bytes: [UInt8], path: String) throws(RedlineError) -> ScreeningList {
        var entries: [ScreeningEntry] = []
        var version = ""
        try XMLDocument.stream(
            bytes: bytes, path: path, limits: limits,
            root: { (root: XMLElement) throws(RedlineError) in
                guard root.name == "export", root.namespaceURI == namespace else {
                    let found = "<\(root.name)>" + (root.namespaceURI.map { " in \($0)" } ?? "")
                    throw RedlineError(
                        .malformed, "expected the EU FSF XML root <export xmlns=\"\(namespace)\">, found \(found)",
                        at: SourcePosition(file: path, line: root.line),
                        suggestion: "give the XML 1.1 full sanctions list as downloaded from the Commission's FSF "
                            + "service, or name the right format")
                }
                let generated = root.attribute("generationDate") ?? "unknown date"
                let file = root.attribute("globalFileId") ?? "unknown"
                version = "generationDate \(generated), globalFileId \(file)"
            },
            child: { (element: XMLElement) throws(RedlineError) in
                if element.name == "sanctionEntity" { entries.append(try entry(element, path: path)) }
            })
        return ScreeningList(format: .euFSF, file: path, version: version, entries: entries)
    }

    private static func entry(_ element: XMLElement, path: String) throws(RedlineError) -> ScreeningEntry {
        let position = SourcePosition(file: path, line: element.line)
        guard let id = element.attribute("logicalId"), !id.isEmpty else {
            throw RedlineError(
                .malformed, "<sanctionEntity> has no logicalId", at: position,
                suggestion: "the file is not a complete FSF export: download it again")
        }
        var names: [ScreeningEntry.Name] = []
        for alias in element.children(named: "nameAlias") {
            var whole = alias.attribute("wholeName")?.trimmingWhitespace().description ?? ""
            if whole.isEmpty {
                whole = ["firstName", "middleName", "lastName"].compactMap { alias.attribute($0) }
                    .filter { !$0.isEmpty }.joined(separator: " ")
            }
            guard !whole.isEmpty else { continue }
            let lowQuality = alias.children(named: "remark").contains { $0.text.lowercased().contains("low quality") }
            let strong = alias.attribute("strong") != "false" && !lowQuality
            names.append(ScreeningEntry.Name(whole, strong ? .strong : .weak))
        }
        guard !names.isEmpty else {
            throw RedlineError(
                .malformed, "<sanctionEntity logicalId=\"\(id)\"> has no name (no <nameAlias> with a wholeName)",
                at: position, suggestion: "the file is not a complete FSF export: download it again")
        }
        // The primary name is the first strong one.
        if let first = names.firstIndex(where: { $0.strength == .strong }), first > 0 {
            names.insert(names.remove(at: first), at: 0)
        }
        var countries: [String] = []
        for child in element.children where ["citizenship", "address", "birthdate"].contains(child.name) {
            guard var code = child.attribute("countryIso2Code")?.uppercased(), code.count == 2,
                code != "00", code != "XX", child.attribute("countryDescription") != "UNKNOWN"
            else { continue }
            if code == "CS" { code = "RS" }
            if !countries.contains(code) { countries.append(code) }
        }
        let identifiers = element.children(named: "identification").compactMap { identification in
            identification.attribute("number").flatMap { number in
                number.isEmpty
                    ? nil
                    : ScreeningEntry.Identifier(
                        type: identification.attribute("identificationTypeCode") ?? "id", value: number)
            }
        }
        let regulations = element.children(named: "regulation")
        var dates: [LocalDate] = []
        if let designated = try date(element, "designationDate", path: path) { dates.append(designated) }
        for regulation in regulations {
            if let inForce = try date(regulation, "entryIntoForceDate", path: path) { dates.append(inForce) }
        }
        let kind: ScreeningEntry.Kind
        switch element.child(named: "subjectType")?.attribute("code") {
        case "person": kind = .person
        case "enterprise": kind = .entity
        default: kind = .other
        }
        let programme = regulations.compactMap { $0.attribute("programme") }.first { !$0.isEmpty }
        let act = regulations.compactMap { $0.attribute("numberTitle") }.first { !$0.isEmpty }
        return ScreeningEntry(
            source: ScreeningListFormat.euFSF.rawValue, id: id, reference: element.attribute("euReferenceNumber"),
            kind: kind, names: names, countries: countries, identifiers: identifiers, list: "EU",
            programme: programme, legalAct: act, start: dates.min(), end: nil, position: position)
    }

    /// A `YYYY-MM-DD` attribute (a time after the date is ignored), nil when absent or empty.
    private static func date(_ element: XMLElement, _ name: String, path: String) throws(RedlineError) -> LocalDate? {
        guard let text = element.attribute(name)?.trimmingWhitespace(), !text.isEmpty else { return nil }
        guard let date = LocalDate(String(text.prefix(10))) else {
            throw RedlineError(
                .malformed, "<\(element.name) \(name)=\"\(text)\"> is not a date (YYYY-MM-DD)",
                at: SourcePosition(file: path, line: element.line),
                suggestion: "the file is damaged or not an FSF export: download it again")
        }
        return date
    }
}
