import RedlineKit
import Testing

struct NameNormalizerTests {
    @Test(arguments: [
        ("NSO Group Technologies Ltd.", "nso group"), ("NSO GROUP", "nso group"),
        ("Cirrus Bulgaria E.O.O.D.", "cirrus bulgaria"),
        ("Société Générale S.A.", "societe generale"), ("Positive Technologies", "positive"),
        ("Technologies", "technologies"),
        ("Q Cyber Technologies", "q cyber"), ("  Candiru   Ltd ", "candiru"),
    ])
    func normalises(_ name: String, _ key: String) {
        #expect(NameNormalizer.normalize(name) == key)
    }

    @Test(arguments: [("NSO Group", "NSO Grupa"), ("Candiru", "Candiru Vineyards"), ("NSO Group", "ANSO Group")])
    func differentCompaniesStayDifferent(_ a: String, _ b: String) {
        #expect(NameNormalizer.normalize(a) != NameNormalizer.normalize(b))
    }
}
