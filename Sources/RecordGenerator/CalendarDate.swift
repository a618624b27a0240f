/// A proleptic Gregorian calendar date, formatted as `YYYY-MM-DD` without Foundation.
struct CalendarDate: Comparable {
    var year: Int
    var month: Int
    var day: Int

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses `YYYY-MM-DD` (no validation beyond the shape; for constants).
    init(_ text: String) {
        let parts = text.split(separator: "-").map { Int($0) ?? 1 }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01 (H. Hinnant's `civil_from_days`).
    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// A random date between two years, inclusive.
    static func random(_ years: ClosedRange<Int>, _ rng: inout SplitMix64) -> CalendarDate {
        let year = rng.int(years)
        let month = rng.int(1...12)
        return CalendarDate(year: year, month: month, day: rng.int(1...daysIn(month, of: year)))
    }

    /// A random date from `first` through `last`, inclusive (`first` when the range is empty).
    static func random(from first: CalendarDate, through last: CalendarDate, _ rng: inout SplitMix64)
        -> CalendarDate
    {
        let low = first.dayNumber
        let high = last.dayNumber
        guard low < high else { return first }
        return CalendarDate(dayNumber: rng.int(low...high))
    }

    /// The date `count` months later (the day clamped to the month's length).
    func adding(months count: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + count
        let newYear = total / 12
        let newMonth = total % 12 + 1
        return CalendarDate(year: newYear, month: newMonth, day: min(day, CalendarDate.daysIn(newMonth, of: newYear)))
    }

    /// The date `count` days later (earlier when negative).
    func adding(days count: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + count)
    }

    var text: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
