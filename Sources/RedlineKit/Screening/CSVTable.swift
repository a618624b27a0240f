/// An RFC 4180 table read from bytes: a header row, then records of the same width. Quoted
/// fields may hold commas, quotes (doubled) and line breaks. Errors name the row (the header is
/// row 1) and line: a quote left open, a stray quote inside an unquoted field, a row of another
/// width. A UTF-8 byte-order mark is skipped.
struct CSVTable {
    let header: [String]
    /// Each record with the row number and the line it starts on.
    let rows: [(row: Int, line: Int, fields: [String])]

    init(bytes: [UInt8], path: String, separator: UInt8 = UInt8(ascii: ",")) throws(RedlineError) {
        var records: [(row: Int, line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var recordLine = 1
        var quoted = false
        var wasQuoted = false
        func fail(_ message: String, _ suggestion: String) -> RedlineError {
            RedlineError(
                .malformed, "CSV row \(records.count + 1): \(message)", at: SourcePosition(file: path, line: line),
                suggestion: suggestion)
        }
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((records.count + 1, recordLine, fields)) }
            fields = []
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    quoted = false
                    wasQuoted = true
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                guard field.isEmpty, !wasQuoted else {
                    throw fail(
                        "a quote inside an unquoted field", "quote the whole field and double the quotes inside it")
                }
                quoted = true
            case separator:
                endField()
            case 0x0D:
                break
            case 0x0A:
                endRecord()
                line += 1
                recordLine = line
            default:
                guard !wasQuoted else {
                    throw fail("text after a closing quote", "quote the whole field and double the quotes inside it")
                }
                field.append(byte)
            }
            index += 1
        }
        if quoted {
            throw RedlineError(
                .malformed, "CSV row \(records.count + 1): a quoted field is not closed before the end of the file",
                at: SourcePosition(file: path, line: recordLine),
                suggestion: "the file may be truncated: download it again, or close the quote")
        }
        if !fields.isEmpty || !field.isEmpty { endRecord() }
        guard let first = records.first else {
            throw RedlineError(
                .malformed, "the CSV file has no header row", at: SourcePosition(file: path, line: 1),
                suggestion: "give the list's CSV file as published, with its header")
        }
        header = first.fields.map { $0.trimmingWhitespace().description }
        var body: [(row: Int, line: Int, fields: [String])] = []
        for record in records.dropFirst() {
            guard record.fields.count == first.fields.count else {
                throw RedlineError(
                    .malformed,
                    "CSV row \(record.row) has \(record.fields.count) fields, the header has \(first.fields.count)",
                    at: SourcePosition(file: path, line: record.line),
                    suggestion: "the file may be truncated or edited by hand: download it again")
            }
            body.append(record)
        }
        rows = body
    }

    /// The column index of each of `names`, or an error naming the first missing one.
    func columns(_ names: [String], path: String, format: String) throws(RedlineError) -> [String: Int] {
        var found: [String: Int] = [:]
        for name in names {
            guard let index = header.firstIndex(of: name) else {
                throw RedlineError(
                    .malformed, "the CSV header has no column '\(name)' (is this the \(format)?)",
                    at: SourcePosition(file: path, line: 1),
                    suggestion:
                        "give the list file as published; its header has: \(header.prefix(8).joined(separator: ", "))…")
            }
            found[name] = index
        }
        return found
    }
}
