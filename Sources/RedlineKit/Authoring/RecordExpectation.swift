/// What an example record declares it must give, in a processing instruction at its top:
///
///     <?redline-expect as-of="2021-11-04" verdict="revoke" fires="NSO-001 SANC-001" profile="moratorium"?>
///
/// `as-of` is required; `verdict`, `fires` (the rules with a finding: failed, partly failed or
/// in error, in any order; empty for none), `errors` (the rules that could not be evaluated),
/// `profile` and `standard` (`current` to judge with every current demand) are optional. A
/// record may hold several, one per as-of.
public struct RecordExpectation: Sendable, Hashable {
    /// The evaluation date.
    public var asOf: LocalDate
    /// The expected verdict, if declared.
    public var verdict: String?
    /// The rules expected to have a finding (fail, partial or error), sorted, if declared.
    public var fires: [String]?
    /// The rules expected to end in an error, sorted, if declared.
    public var errors: [String]?
    /// The profile, if not the default.
    public var profile: String?
    /// The standard (`as-of` or `current`), if declared; `as-of` otherwise.
    public var standard: Standard?
    /// Where the processing instruction is written.
    public var position: SourcePosition

    /// The processing-instruction target.
    public static let target = "redline-expect"

    /// Every `redline-expect` instruction of a record's text.
    /// - Throws: ``RedlineError`` `invalidRules` for an instruction without a valid `as-of`, with
    ///   an unknown pseudo-attribute or that is not closed.
    public static func parse(_ text: String, path: String) throws(RedlineError) -> [RecordExpectation] {
        var result: [RecordExpectation] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (lineIndex, line) in lines.enumerated() {
            var searchStart = line.startIndex
            while let open = line[searchStart...].range(of: "<?" + target) {
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                let at = SourcePosition(file: path, line: lineIndex + 1, column: column)
                guard let close = line[open.upperBound...].range(of: "?>") else {
                    throw RedlineError(
                        .invalidRules, "<?\(target) …?> is not closed on its line", at: at,
                        suggestion: "write the whole instruction on one line, ending with ?>")
                }
                let attributes = try pseudoAttributes(String(line[open.upperBound..<close.lowerBound]), at: at)
                guard let date = attributes["as-of"].flatMap({ LocalDate($0) }) else {
                    throw RedlineError(
                        .invalidRules, "<?\(target)?> needs as-of=\"YYYY-MM-DD\"", at: at,
                        suggestion: "e.g. <?\(target) as-of=\"2021-11-04\" verdict=\"refuse\" fires=\"NSO-001\"?>")
                }
                result.append(
                    RecordExpectation(
                        asOf: date, verdict: attributes["verdict"],
                        fires: attributes["fires"].map { $0.split(separator: " ").map(String.init).sorted() },
                        errors: attributes["errors"].map { $0.split(separator: " ").map(String.init).sorted() },
                        profile: attributes["profile"], standard: try standard(attributes["standard"], at: at),
                        position: at))
                searchStart = close.upperBound
            }
        }
        return result
    }

    private static func standard(_ text: String?, at: SourcePosition) throws(RedlineError) -> Standard? {
        guard let text else { return nil }
        guard let standard = Standard(rawValue: text) else {
            throw RedlineError(
                .invalidRules, "<?\(target)?> standard '\(text)' is neither as-of nor current", at: at,
                suggestion: "write standard=\"current\" to judge with every current demand, or leave it out")
        }
        return standard
    }

    private static func pseudoAttributes(_ text: String, at: SourcePosition) throws(RedlineError) -> [String: String] {
        var attributes: [String: String] = [:]
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.isEmpty { break }
            guard let equals = rest.firstIndex(of: "="), let quote = rest[rest.index(after: equals)...].first,
                quote == "\"" || quote == "'",
                let end = rest[rest.index(equals, offsetBy: 2)...].firstIndex(of: quote)
            else {
                throw RedlineError(
                    .invalidRules, "cannot read the pseudo-attributes of <?\(target)?> near '\(rest.prefix(20))'",
                    at: at,
                    suggestion: "write name=\"value\" pairs: as-of, verdict, fires, errors, profile, standard")
            }
            let name = rest[..<equals].trimmingWhitespace().description
            guard ["as-of", "verdict", "fires", "errors", "profile", "standard"].contains(name) else {
                throw RedlineError(
                    .invalidRules, "unknown pseudo-attribute '\(name)' in <?\(target)?>", at: at,
                    suggestion: "use as-of, verdict, fires, errors, profile and standard")
            }
            attributes[name] = String(rest[rest.index(equals, offsetBy: 2)..<end]).replacingSpacesRuns()
            rest = rest[rest.index(after: end)...]
        }
        return attributes
    }
}
