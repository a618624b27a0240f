import RedlineKit
import Testing

struct LocalDateTests {
    @Test(arguments: [
        ("1970-01-01", 0), ("2021-11-04", 18_935), ("2000-02-29", 11_016), ("1969-12-31", -1),
    ])
    func parsesAndCountsDays(_ text: String, _ days: Int) {
        let date = LocalDate(text)
        #expect(date?.daysSinceEpoch == days)
        #expect(date?.description == text)
    }

    @Test(arguments: ["2021-02-29", "2021-13-01", "21-11-04", "2021-11-4", "", "2021-11-04T10:00:00", "tomorrow"])
    func rejectsWhatIsNotADate(_ text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func acceptsXSDTimeZoneSuffix() {
        #expect(LocalDate("2021-11-04Z") == LocalDate("2021-11-04"))
        #expect(LocalDate("2021-11-04+02:00") == LocalDate("2021-11-04"))
    }

    @Test(arguments: [
        ("2019-03-01", "2021-03-01", 24), ("2019-03-15", "2021-03-14", 23), ("2021-01-31", "2021-02-28", 0),
        ("2021-05-01", "2021-01-01", -4),
    ])
    func countsWholeMonths(_ from: String, _ to: String, _ months: Int) {
        #expect(LocalDate(from)!.months(until: LocalDate(to)!) == months)
    }
}
