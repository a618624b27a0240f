/// What a value the schema rejects was probably meant to be: a date written DD/MM/YYYY, a
/// boolean written `yes`, a number written in words or with a unit. Each guess is returned only
/// when it is itself valid, so a fix line never proposes another invalid value.
enum ValueCorrection {
    /// The YYYY-MM-DD form of a date written another common way: `14/03/2022`, `14.03.2022`,
    /// `14-03-2022` (day first, as officers in Europe write it, unless the first number cannot
    /// be a month's day and the second can), `2022/03/14`, `2022-3-14`, `20220314`.
    static func date(_ text: String) -> LocalDate? {
        let value = text.trimmingWhitespace()
        if value.count == 8, value.allSatisfy(\.isASCIIDigit), let number = Int(value) {
            return LocalDate(year: number / 10000, month: number / 100 % 100, day: number % 100)
        }
        let parts = value.split(whereSeparator: { "/.-".contains($0) }).map { Int($0) }
        guard parts.count == 3, let first = parts[0], let second = parts[1], let third = parts[2] else { return nil }
        if value.split(whereSeparator: { "/.-".contains($0) })[0].count == 4 {
            return LocalDate(year: first, month: second, day: third)
        }
        let year = third < 100 ? 2000 + third : third
        if first <= 12, second > 12 { return LocalDate(year: year, month: first, day: second) }
        return LocalDate(year: year, month: second, day: first)
    }

    /// `true` or `false` for the ways people write them (`yes`, `no`, `True`, `N`…).
    static func boolean(_ text: String) -> String? {
        switch text.trimmingWhitespace().lowercased() {
        case "yes", "y", "ja", "oui", "si", "on", "true", "t", "x": return "true"
        case "no", "n", "nein", "non", "off", "false", "f", "none": return "false"
        default: return nil
        }
    }

    /// The whole number meant by `one` … `twelve`, or the digits of `5 units`.
    static func integer(_ text: String) -> String? {
        let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        let value = text.trimmingWhitespace().lowercased()
        if let index = words.firstIndex(of: value) { return String(index + 1) }
        let digits = value.prefix { $0.isASCIIDigit || $0 == "," || $0 == " " }.filter(\.isASCIIDigit)
        guard !digits.isEmpty, digits.count <= 12, value.first?.isASCIIDigit == true else { return nil }
        return String(Int(digits) ?? 0)
    }

    /// A decimal number written with a comma (`12,5`) or a unit (`12.5 %`).
    static func decimal(_ text: String) -> String? {
        let value = text.trimmingWhitespace().prefix { $0.isASCIIDigit || $0 == "," || $0 == "." || $0 == "-" }
        let normalized = value.replacing(",", with: ".")
        guard !normalized.isEmpty, Double(normalized) != nil, normalized.filter({ $0 == "." }).count <= 1 else {
            return nil
        }
        return String(normalized)
    }

    /// Common codes that are not the ISO 3166-1 alpha-2 code of their country: the United
    /// Kingdom's and Greece's codes in EU usage (UK, EL) and Kosovo's user-assigned code (XK is
    /// not in the list either, so it has no correction).
    static let countryAliases: [String: String] = ["UK": "GB", "EL": "GR"]

    /// The allowed value `value` probably meant: the same letters in another case, a known
    /// alias, or one within two edits (for values longer than three letters: among two-letter
    /// codes nearly every code is one edit from another).
    static func nearest(_ value: String, in allowed: [String]) -> String? {
        let trimmed = value.trimmingWhitespace()
        if let same = allowed.first(where: { $0.lowercased() == trimmed.lowercased() }) { return same }
        if let alias = countryAliases[trimmed.uppercased()], allowed.contains(alias) { return alias }
        guard trimmed.count > 3 else { return nil }
        return nearestName(String(trimmed), in: allowed, within: 2)
    }

    /// The name in `names` fewest edits from `name` (ignoring case), if within `limit` edits;
    /// the first in `names` among equally near ones.
    static func nearestName(_ name: String, in names: [String], within limit: Int) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in names {
            let distance = RuleSetLinter.distance(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.name
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0–9.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
