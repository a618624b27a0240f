import RedlineKit
import Testing

/// The default set's reference lists: present, sourced, dated, and with valid codes.
struct ReferenceListTests {
    static let lists = Fixtures.defaultRuleSet.lists

    @Test(arguments: [
        ("cs21-countries", "2021-07-18", 11), ("us-entity-list", "2021-11-04", 6), ("hr-sanctions", "2020-12-07", 0),
        ("nso-entities", "2019-05-14", 3), ("eu-member-states", "2020-02-01", 27),
    ])
    func listIsPresentWithItsEffectiveDate(_ id: String, _ effective: String, _ count: Int) throws {
        let list = try #require(Self.lists[id], "list \(id) is missing")
        #expect(list.effective.description == effective)
        #expect(list.entries.count == count)
        #expect(list.source.count > 20, "\(id) needs a real source")
    }

    @Test func theElevenCountriesOfCS21() throws {
        let list = try #require(Self.lists["cs21-countries"])
        #expect(Set(list.entries.map(\.value)) == ["AZ", "BH", "HU", "IN", "KZ", "MX", "MA", "RW", "SA", "TG", "AE"])
    }

    @Test func everyCountryEntryIsAnISOCode() {
        for list in Self.lists.values where list.kind == .country {
            for entry in list.entries {
                #expect(CountryCodes.all.contains(entry.value), "\(list.id): \(entry.value)")
            }
        }
    }

    @Test func theEntityListNamesTheFourCompaniesOfNovember2021() throws {
        let list = try #require(Self.lists["us-entity-list"])
        let date = try #require(LocalDate("2021-11-04"))
        for name in ["NSO Group", "Candiru", "Positive Technologies", "COSEINC"] {
            #expect(list.match(name, on: date) != nil, "\(name)")
        }
        #expect(list.match("NSO Group", on: try #require(LocalDate("2021-11-03"))) == nil)
    }

    @Test func anInvalidCountryCodeIsRejectedAtItsLine() throws {
        let text = RuleSetLoaderTests.ruleSet(RuleSetLoaderTests.rule())
            .replacingOccurrences(of: "<entry>AE</entry>", with: "<entry>AE</entry>\n<entry>UK</entry>")
        let path = try Fixtures.temporaryFile(text, name: "rules.xml")
        do {
            _ = try RuleSetLoader.load(path: path)
            Issue.record("a list with UK (not an ISO 3166-1 code) loaded")
        } catch {
            #expect(error.position.line == 7)
            #expect(error.message.contains("UK"))
        }
    }
}
