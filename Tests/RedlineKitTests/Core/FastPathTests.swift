import Testing

@testable import RedlineKit

/// The ASCII fast paths (names, phrases, whitespace) give exactly what the general Unicode
/// paths give, and the engine's shortcuts keep its results.
struct FastPathTests {
    static let samples = [
        "NSO Group Technologies Ltd", "  N.S.O. Group, S.A. ", "Computer Security Initiative Consultancy PTE. LTD.",
        "people's  republic\tof\nnowhere", "O.O.O. Vostok", "Kestrel Logistics & Integration Ltd", "", "   ", "a",
        "Counter-terrorism and national security.", "x\r\ny", "\u{0B}vertical\u{0C}feed\u{0D}",
    ]

    @Test func asciiNameWordsMatchTheFoundationPath() {
        for sample in Self.samples {
            // A trailing non-ASCII word sends the text down the general path; it adds one word.
            let general = NameNormalizer.words(sample + " éé")
            #expect(NameNormalizer.words(sample) + ["ee"] == general, "\(sample)")
        }
    }

    @Test func asciiWhitespaceHelpersMatchCharacterIsWhitespace() {
        for sample in Self.samples {
            let characters = Array(sample)
            var trimmed = ""
            if let first = characters.firstIndex(where: { !$0.isWhitespace }),
                let last = characters.lastIndex(where: { !$0.isWhitespace })
            {
                trimmed = String(characters[first...last])
            }
            #expect(String(sample.trimmingWhitespace()) == trimmed, "\(sample)")
            let collapsed = sample.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(sample.replacingSpacesRuns() == collapsed, "\(sample)")
        }
    }

    @Test func phraseListsMatchWholeWordsOnly() throws {
        let lists = Fixtures.defaultRuleSet.lists
        let generic = try #require(lists["generic-end-use"])
        let date = LocalDate("2025-01-01")!
        #expect(generic.match("Counter-Terrorism operations", on: date) != nil)
        #expect(generic.match("for public safety.", on: date) != nil)
        #expect(generic.match("republic safety", on: date) == nil)
        #expect(generic.match("publicsafety", on: date) == nil)
        let nso = try #require(lists["nso-entities"])
        #expect(nso.match("N.S.O. Group Technologies Ltd", on: date) != nil)
        #expect(nso.match("NSO Grupa", on: date) == nil)
        #expect(try #require(lists["hr-sanctions"]).match("NSO Group", on: date) == nil)
    }
}
