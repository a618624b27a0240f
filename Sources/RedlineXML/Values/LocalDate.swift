/// A calendar date without a time zone (`YYYY-MM-DD`), as used for the evaluation date and for
/// every date in licence records and rule sets.
///
/// Stored as days since 1970-01-01 in the proleptic Gregorian calendar, so comparison and
/// arithmetic are exact and independent of any clock or time zone.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let daysSinceEpoch: Int

    /// Creates a date from a day count since 1970-01-01.
    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Creates a date from its components, or returns `nil` if they do not name a real day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else {
            return nil
        }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSinceEpoch = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD` (an optional XSD time-zone suffix such as `Z` or `+02:00` is ignored).
    public init?(_ text: some StringProtocol) {
        let trimmed = text.trimmingWhitespace()
        let bytes = Array(trimmed.utf8)
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        if bytes.count > 10 {
            let rest = bytes[10...]
            let isZone =
                rest == [UInt8(ascii: "Z")]
                || (rest.count == 6 && (rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-")))
            guard isZone else { return nil }
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The year, month and day of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Whole calendar months from `self` to `later` (negative when `later` is earlier).
    public func months(until later: LocalDate) -> Int {
        let a = components
        let b = later.components
        var months = (b.year - a.year) * 12 + (b.month - a.month)
        if months > 0 && b.day < a.day { months -= 1 }
        if months < 0 && b.day > a.day { months += 1 }
        return months
    }

    /// Today's date in UTC, read from the system clock. Only the CLI calls this, for the default `--as-of`.
    public static func today() -> LocalDate {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return LocalDate(daysSinceEpoch: Int(spec.tv_sec) / 86_400)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension StringProtocol {
    /// The text without leading and trailing ASCII/Unicode whitespace.
    package func trimmingWhitespace() -> Substring {
        let scalars = Substring(self)
        let bytes = scalars.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) {
            // ASCII only: the same result without a Unicode property look-up per character.
            guard let start = bytes.firstIndex(where: { !UInt8.isASCIIWhitespace($0) }),
                let end = bytes.lastIndex(where: { !UInt8.isASCIIWhitespace($0) })
            else { return "" }
            return scalars[start...end]
        }
        guard let start = scalars.firstIndex(where: { !$0.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return scalars[start...end]
    }
}

extension LocalDate: Codable {
    /// Decodes `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    /// Encodes `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII character with the Unicode White_Space property (tab, line
    /// feed, vertical tab, form feed, carriage return, space): `Character.isWhitespace` for ASCII.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
