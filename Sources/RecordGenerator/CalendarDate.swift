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

    /// A random date between two years, inclusive.
    static func random(_ years: ClosedRange<Int>, _ rng: inout SplitMix64) -> CalendarDate {
        let year = rng.int(years)
        let month = rng.int(1...12)
        return CalendarDate(year: year, month: month, day: rng.int(1...daysIn(month, of: year)))
    }

    /// The date `count` months later (the day clamped to the month's length).
    func adding(months count: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + count
        let newYear = total / 12
        let newMonth = total % 12 + 1
        return CalendarDate(year: newYear, month: newMonth, day: min(day, CalendarDate.daysIn(newMonth, of: newYear)))
    }

    /// The date `count` days later.
    func adding(days count: Int) -> CalendarDate {
        var result = self
        for _ in 0..<count {
            result.day += 1
            if result.day > CalendarDate.daysIn(result.month, of: result.year) {
                result.day = 1
                result.month += 1
                if result.month > 12 {
                    result.month = 1
                    result.year += 1
                }
            }
        }
        return result
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
