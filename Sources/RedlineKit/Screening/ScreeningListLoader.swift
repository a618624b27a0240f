/// Reads an official list file in a named format, or in the format its name and first bytes show.
public enum ScreeningListLoader {
    /// Official files are large: a full EU file is about 25 MB, the CSL JSON about 30 MB.
    public static let maxBytes = 96 << 20

    /// Reads `path` as `format` (nil: detect it).
    public static func load(path: String, format: ScreeningListFormat? = nil) throws(RedlineError) -> ScreeningList {
        let bytes = try FileInput.read(path, limit: maxBytes, flag: nil)
        guard let format = format ?? detect(bytes, path: path) else {
            throw RedlineError(
                .malformed,
                "cannot tell which list format this is (expected EU FSF XML, US CSL JSON or CSV, or OpenSanctions FtM "
                    + "JSON lines)",
                at: SourcePosition(file: path, line: 1),
                suggestion: "name the format: " + ScreeningListFormat.files.map(\.rawValue).joined(separator: ", "))
        }
        return try read(bytes, format: format, path: path)
    }

    /// Reads `bytes` as `format`.
    public static func read(_ bytes: [UInt8], format: ScreeningListFormat, path: String) throws(RedlineError)
        -> ScreeningList
    {
        switch format {
        case .euFSF: return try EUFinancialSanctionsImporter.read(bytes, path: path)
        case .usCSLJSON: return try ConsolidatedScreeningListImporter.readJSON(bytes, path: path)
        case .usCSLCSV: return try ConsolidatedScreeningListImporter.readCSV(bytes, path: path)
        case .openSanctions: return try OpenSanctionsImporter.read(bytes, path: path)
        case .ruleSet:
            throw RedlineError(
                .malformed, "'rule-set' is not a list file format", at: SourcePosition(file: path),
                suggestion: "name one of: " + ScreeningListFormat.files.map(\.rawValue).joined(separator: ", "))
        }
    }

    /// The format of a file, from its first bytes and name.
    public static func detect(_ bytes: [UInt8], path: String) -> ScreeningListFormat? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("<") { return head.contains(EUFinancialSanctionsImporter.namespace) ? .euFSF : nil }
        if trimmed.hasPrefix("{") {
            let firstLine = trimmed.prefix { $0 != "\n" }
            if firstLine.contains("\"schema\"") && firstLine.hasSuffix("}") { return .openSanctions }
            return head.contains("\"results\"") ? .usCSLJSON : nil
        }
        if trimmed.hasPrefix("_id,") || trimmed.hasPrefix("\"_id\",") { return .usCSLCSV }
        return nil
    }
}
