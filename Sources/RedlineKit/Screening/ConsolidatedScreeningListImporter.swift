/// Reads the US Consolidated Screening List (trade.gov) bulk files, JSON (`{"results": […]}`)
/// or CSV (29 columns): one entry per row, from its `start_date` to its `end_date`. The list is
/// the row's `source` ("Entity List (EL) - Bureau of Industry and Security"); the programme its
/// OFAC `programs`, or the source's short code (`EL`); the legal act its Federal Register notice
/// and, for the Entity List, the licence requirement.
enum ConsolidatedScreeningListImporter {
    /// One row as read from either file, with where it is.
    struct Row {
        var fields: [String: String]
        var altNames: [String]
        var countries: [String]
        var identifiers: [ScreeningEntry.Identifier]
        var locator: String
        var line: Int
    }

    static func readJSON(_ bytes: [UInt8], path: String) throws(RedlineError) -> ScreeningList {
        var reader = JSONReader(bytes, path: path)
        var rows: [Row] = []
        let found = try reader.forEachElement(
            ofArray: "results",
            notAnArray: { kind, line in
                kind.hasPrefix("the top level")
                    ? JSONInput.problem("\(kind) with \"results\"", pointer: "", path: path, line: line)
                    : JSONInput.problem(
                        "\"results\" is \(kind), not an array", pointer: "/results", path: path, line: line)
            }
        ) { (value: JSONInputValue, index: Int, line: Int) throws(RedlineError) in
            let pointer = "/results/\(index)"
            guard case .object(let row) = value else {
                throw JSONInput.problem(
                    "a result is \(value.kind), not an object", pointer: pointer, path: path, line: line)
            }
            var fields: [String: String] = [:]
            for (key, value) in row {
                if let text = value.text { fields[key] = text }
                // Lists of strings (programs) as the CSV writes them.
                if let list = value.array {
                    let texts = list.compactMap(\.string)
                    if texts.count == list.count { fields[key] = texts.joined(separator: "; ") }
                }
            }
            var countries = (row["addresses"]?.array ?? []).compactMap { $0["country"]?.string }
            for key in ["nationalities", "citizenships"] { countries += (row[key]?.array ?? []).compactMap(\.string) }
            let identifiers: [ScreeningEntry.Identifier] = (row["ids"]?.array ?? []).compactMap { id in
                guard let number = id["number"]?.string else { return nil }
                return identifier(type: id["type"]?.string ?? "id", value: number)
            }
            rows.append(
                Row(
                    fields: fields, altNames: (row["alt_names"]?.array ?? []).compactMap(\.string),
                    countries: countries,
                    identifiers: identifiers, locator: pointer, line: line))
        }
        guard found else {
            throw JSONInput.problem("\"results\" is missing", pointer: "/results", path: path, line: 1)
        }
        return try list(rows, format: .usCSLJSON, path: path)
    }

    static let csvColumns = [
        "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses", "federal_register_notice",
        "start_date", "end_date", "license_requirement", "license_policy", "alt_names", "citizenships",
        "nationalities", "ids",
    ]

    static func readCSV(_ bytes: [UInt8], path: String) throws(RedlineError) -> ScreeningList {
        let table = try CSVTable(bytes: bytes, path: path)
        let columns = try table.columns(csvColumns, path: path, format: ScreeningListFormat.usCSLCSV.title)
        var rows: [Row] = []
        for record in table.rows {
            var fields: [String: String] = [:]
            for (name, index) in columns { fields[name] = record.fields[index] }
            func split(_ name: String) -> [String] {
                (fields[name] ?? "").split(separator: ";").map { $0.trimmingWhitespace().description }.filter {
                    !$0.isEmpty
                }
            }
            // An address is free text ending in the ISO code ("…, Tel Aviv, IL").
            let countries =
                split("addresses").compactMap { address in
                    address.split(whereSeparator: { $0 == "," || $0 == " " }).last.map(String.init)
                } + split("citizenships") + split("nationalities")
            // Each id is "type, number[, country]".
            let identifiers = split("ids").compactMap { id -> ScreeningEntry.Identifier? in
                let parts = id.split(separator: ",", maxSplits: 2).map { $0.trimmingWhitespace().description }
                return parts.count >= 2 ? identifier(type: parts[0], value: parts[1]) : nil
            }
            rows.append(
                Row(
                    fields: fields, altNames: split("alt_names"), countries: countries, identifiers: identifiers,
                    locator: "row \(record.row)", line: record.line))
        }
        return try list(rows, format: .usCSLCSV, path: path)
    }

    /// An identifier worth matching on: not a gender, a date or an empty value.
    static func identifier(type: String, value: String) -> ScreeningEntry.Identifier? {
        let value = value.trimmingWhitespace().description
        guard !value.isEmpty, !["gender", "birth date", "date of birth"].contains(type.lowercased()) else { return nil }
        return ScreeningEntry.Identifier(type: type, value: value)
    }

    private static func list(_ rows: [Row], format: ScreeningListFormat, path: String) throws(RedlineError)
        -> ScreeningList
    {
        var entries: [ScreeningEntry] = []
        var latest: LocalDate?
        for row in rows {
            let position = SourcePosition(file: path, line: row.line)
            func problem(_ message: String, _ field: String) -> RedlineError {
                let place = format == .usCSLJSON ? "\(row.locator)/\(field)" : "\(row.locator), column \(field)"
                return RedlineError(
                    .malformed, "\(place): \(message)", at: position,
                    suggestion: "the file is damaged or not the CSL bulk file: download it again")
            }
            func date(_ field: String) throws(RedlineError) -> LocalDate? {
                guard let text = row.fields[field]?.trimmingWhitespace(), !text.isEmpty else { return nil }
                guard let date = LocalDate(String(text)) else {
                    throw problem("\"\(text)\" is not a date (YYYY-MM-DD)", field)
                }
                return date
            }
            guard let name = row.fields["name"]?.trimmingWhitespace(), !name.isEmpty else {
                throw problem("the row has no name", "name")
            }
            let id = row.fields["_id"] ?? row.fields["id"] ?? ""
            guard !id.isEmpty else { throw problem("the row has no id", format == .usCSLJSON ? "id" : "_id") }
            let start = try date("start_date")
            let end = try date("end_date")
            for day in [start, end].compactMap({ $0 }) where latest.map({ $0 < day }) ?? true { latest = day }
            let source = row.fields["source"] ?? ""
            let kind: ScreeningEntry.Kind
            switch row.fields["type"]?.lowercased() {
            case "individual": kind = .person
            case "vessel": kind = .vessel
            case "aircraft": kind = .aircraft
            default: kind = .entity
            }
            var programme = row.fields["programs"].flatMap { $0.isEmpty ? nil : $0 }
            if programme == nil, let open = source.firstIndex(of: "("), let close = source.firstIndex(of: ")"),
                open < close
            {
                programme = String(source[source.index(after: open)..<close])
            }
            let act = [row.fields["federal_register_notice"], row.fields["license_requirement"]]
                .compactMap { $0?.trimmingWhitespace().description }.filter { !$0.isEmpty }.joined(separator: "; ")
            var countries: [String] = []
            for code in row.countries.map({ $0.trimmingWhitespace().uppercased() })
            where code.count == 2 && code.allSatisfy(\.isLetter) && !countries.contains(code) {
                countries.append(code)
            }
            entries.append(
                ScreeningEntry(
                    source: format.rawValue, id: id,
                    reference: row.fields["entity_number"].flatMap { $0.isEmpty ? nil : $0 },
                    kind: kind,
                    names: [ScreeningEntry.Name(String(name), .strong)]
                        + row.altNames.map { ScreeningEntry.Name($0, .strong) },
                    countries: countries, identifiers: row.identifiers, list: source, programme: programme,
                    legalAct: act.isEmpty ? nil : act, start: start, end: end, position: position, locator: row.locator)
            )
        }
        let version = "\(entries.count) entries, latest date \(latest?.description ?? "none")"
        return ScreeningList(format: format, file: path, version: version, entries: entries)
    }
}

/// The errors of a JSON list file that is valid JSON in the wrong shape.
enum JSONInput {
    static func problem(_ message: String, pointer: String, path: String, line: Int = 0) -> RedlineError {
        RedlineError(
            .malformed, "\(pointer.isEmpty ? "/" : pointer): \(message)", at: SourcePosition(file: path, line: line),
            suggestion: "give the list file as published (this one is not in the expected shape)")
    }
}
