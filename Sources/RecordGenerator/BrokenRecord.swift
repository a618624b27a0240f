/// Turns a valid record into a broken file, the way real folders get broken files.
enum BrokenRecord {
    static func spoil(_ record: GeneratedRecord, _ rng: inout SplitMix64) -> GeneratedRecord {
        var result = record
        switch rng.int(0...9) {
        case 0...3:
            // Truncated mid-file (an interrupted copy).
            let bytes = Array(record.text.utf8)
            let cut = rng.int(bytes.count / 4...(bytes.count * 3 / 4))
            result.text = String(decoding: bytes[0..<cut], as: UTF8.self)
            result.kind = .malformed
        case 4...7:
            // Schema-invalid: an unknown country code, or a required element missing.
            var text = record.text
            if rng.chance(0.5), let range = text.firstRange(of: "<issuingState>") {
                let end = text[range.upperBound...].firstIndex(of: "<") ?? range.upperBound
                text.replaceSubrange(range.upperBound..<end, with: "ZZ")
            } else if let start = text.firstRange(of: "<authority>"), let end = text.firstRange(of: "</authority>") {
                text.replaceSubrange(start.lowerBound..<end.upperBound, with: "")
            }
            result.text = text
            result.kind = .schemaInvalid
        case 8:
            // A DOCTYPE with an entity: refused as hostile.
            let prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            let body = record.text.hasPrefix(prolog) ? String(record.text.dropFirst(prolog.count)) : record.text
            result.text = prolog + "<!DOCTYPE licenceRecord [<!ENTITY x \"expanded\">]>\n" + body
            result.kind = .hostile
        default:
            result.text = ""
            result.kind = .empty
        }
        return result
    }
}
