/// Reads OpenSanctions FollowTheMoney entities, one JSON object per line: one entry per
/// `Sanction` entity, with the names, countries and identifiers of the entity it points at
/// (`properties.entity`). A target entity that no `Sanction` points at is an entry without
/// dates or programme. Names: `name` and `alias` are strong, `weakAlias` weak, `previousName`
/// former.
enum OpenSanctionsImporter {
    struct Line {
        var id: String
        var schema: String
        var properties: [String: [String]]
        var target: Bool
        var datasets: [String]
        var line: Int
        var lastChange: String?
    }

    static let identifierProperties = [
        "registrationNumber", "taxNumber", "leiCode", "innCode", "ogrnCode", "swiftBic", "vatCode", "idNumber",
    ]

    static func read(_ bytes: [UInt8], path: String) throws(RedlineError) -> ScreeningList {
        var lines: [Line] = []
        var number = 0
        for text in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            guard text.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
            var reader = JSONReader(Array(text), path: path, line: number)
            let entity = try reader.document()
            guard let id = entity["id"]?.string, let schema = entity["schema"]?.string else {
                throw JSONInput.problem(
                    "not a FollowTheMoney entity (no id or schema)", pointer: "", path: path, line: number)
            }
            var properties: [String: [String]] = [:]
            if case .object(let members) = entity["properties"] ?? .null {
                for (key, value) in members { properties[key] = (value.array ?? []).compactMap(\.string) }
            }
            var target = false
            if case .bool(let value) = entity["target"] ?? .null { target = value }
            lines.append(
                Line(
                    id: id, schema: schema, properties: properties, target: target,
                    datasets: (entity["datasets"]?.array ?? []).compactMap(\.string), line: number,
                    lastChange: entity["last_change"]?.string))
        }
        var byID: [String: Line] = [:]
        for line in lines { byID[line.id] = line }
        var entries: [ScreeningEntry] = []
        var sanctioned = Set<String>()
        for sanction in lines where sanction.schema == "Sanction" {
            let position = SourcePosition(file: path, line: sanction.line)
            guard let target = sanction.properties["entity"]?.first else {
                throw RedlineError(
                    .malformed, "Sanction \(sanction.id) names no entity", at: position,
                    suggestion: "the export is incomplete: download it again")
            }
            guard let entity = byID[target] else {
                throw RedlineError(
                    .malformed, "Sanction \(sanction.id) points at entity \(target), which is not in the file",
                    at: position, suggestion: "the export is incomplete or filtered: download the whole dataset")
            }
            sanctioned.insert(target)
            func date(_ key: String) throws(RedlineError) -> LocalDate? {
                guard let text = sanction.properties[key]?.first, !text.isEmpty else { return nil }
                guard let date = LocalDate(String(text.prefix(10))) else {
                    throw RedlineError(
                        .malformed, "Sanction \(sanction.id): \(key) \"\(text)\" is not a date", at: position,
                        suggestion: "the export is damaged: download it again")
                }
                return date
            }
            var start = try date("startDate")
            if start == nil { start = try date("listingDate") }
            entries.append(
                try self.entry(
                    entity, byID: byID, id: sanction.id, start: start, end: try date("endDate"),
                    list: sanction.properties["authority"]?.first ?? entity.datasets.first ?? "OpenSanctions",
                    programme: sanction.properties["programId"]?.first ?? sanction.properties["program"]?.first,
                    legalAct: [sanction.properties["reason"]?.first, sanction.properties["authorityId"]?.first]
                        .compactMap { $0 }.joined(separator: "; "),
                    reference: sanction.properties["authorityId"]?.first, position: position))
        }
        for line in lines where line.target && !sanctioned.contains(line.id) && line.schema != "Sanction" {
            entries.append(
                try entry(
                    line, byID: byID, id: line.id, start: nil, end: nil, list: line.datasets.first ?? "OpenSanctions",
                    programme: nil, legalAct: "", reference: nil, position: SourcePosition(file: path, line: line.line))
            )
        }
        let latest = lines.compactMap(\.lastChange).max() ?? "unknown"
        return ScreeningList(
            format: .openSanctions, file: path, version: "\(lines.count) entities, last change \(latest)",
            entries: entries)
    }

    private static func entry(
        _ entity: Line, byID: [String: Line], id: String, start: LocalDate?, end: LocalDate?, list: String,
        programme: String?, legalAct: String, reference: String?, position: SourcePosition
    ) throws(RedlineError) -> ScreeningEntry {
        var names: [ScreeningEntry.Name] = []
        for (key, strength) in [
            ("name", ScreeningEntry.Name.Strength.strong), ("alias", .strong), ("weakAlias", .weak),
            ("previousName", .former),
        ] {
            for name in entity.properties[key] ?? [] where !names.contains(where: { $0.text == name }) {
                names.append(ScreeningEntry.Name(name, strength))
            }
        }
        guard !names.isEmpty else {
            throw RedlineError(
                .malformed, "entity \(entity.id) has no name",
                at: SourcePosition(file: position.file, line: entity.line),
                suggestion: "the export is damaged: download it again")
        }
        let kind: ScreeningEntry.Kind
        switch entity.schema {
        case "Person": kind = .person
        case "Vessel": kind = .vessel
        case "Airplane": kind = .aircraft
        case "Company", "Organization", "LegalEntity", "PublicBody": kind = .entity
        default: kind = .other
        }
        var countries: [String] = []
        let places = ["country", "jurisdiction", "nationality", "citizenship"].flatMap { entity.properties[$0] ?? [] }
        for code in places
        where code.count == 2 && !countries.contains(code.uppercased()) {
            countries.append(code.uppercased())
        }
        let identifiers = identifierProperties.flatMap { key in
            (entity.properties[key] ?? []).map { ScreeningEntry.Identifier(type: key, value: $0) }
        }
        return ScreeningEntry(
            source: ScreeningListFormat.openSanctions.rawValue, id: id, reference: reference, kind: kind, names: names,
            countries: countries, identifiers: identifiers, list: list, programme: programme,
            legalAct: legalAct.isEmpty ? nil : legalAct, start: start, end: end, position: position,
            locator: "entity \(entity.id)")
    }
}
