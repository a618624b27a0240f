import RedlineKit
import Testing

/// `<?redline-expect …?>` declarations of example records.
struct RecordExpectationTests {
    @Test func readsEveryDeclarationWithItsLine() throws {
        let text = """
            <?xml version="1.0"?>
            <?redline-expect as-of="2019-05-14" verdict="review" fires="COOP-001 NSO-001"?>
            <?redline-expect as-of="2021-11-04" verdict="revoke" profile="moratorium"?>
            <licenceRecord/>
            """
        let expectations = try RecordExpectation.parse(text, path: "r.xml")
        #expect(expectations.count == 2)
        #expect(expectations[0].asOf == LocalDate("2019-05-14"))
        #expect(expectations[0].verdict == "review")
        #expect(expectations[0].fires == ["COOP-001", "NSO-001"])
        #expect(expectations[0].position == SourcePosition(file: "r.xml", line: 2, column: 1))
        #expect(expectations[1].fires == nil)
        #expect(expectations[1].profile == "moratorium")
    }

    @Test func errorsNameTheRulesThatCouldNotBeEvaluated() throws {
        let text = "<?redline-expect as-of=\"2024-04-01\" fires=\"RECORD-002\" errors=\"RECORD-002\"?>"
        let expectation = try #require(try RecordExpectation.parse(text, path: "r.xml").first)
        #expect(expectation.errors == ["RECORD-002"])
        #expect(expectation.verdict == nil)
    }

    @Test func anEmptyFiresMeansNoRuleFires() throws {
        let expectations = try RecordExpectation.parse(
            "<?redline-expect as-of=\"2024-01-01\" fires=\"\"?>", path: "r.xml")
        #expect(expectations.first?.fires == [])
    }

    @Test(arguments: [
        ("<?redline-expect verdict=\"refuse\"?>", "<?redline-expect?> needs as-of=\"YYYY-MM-DD\""),
        ("<?redline-expect as-of=\"2021-13-01\"?>", "<?redline-expect?> needs as-of=\"YYYY-MM-DD\""),
        (
            "<?redline-expect as-of=\"2021-01-01\" verdit=\"refuse\"?>",
            "unknown pseudo-attribute 'verdit' in <?redline-expect?>"
        ),
        ("<?redline-expect as-of=\"2021-01-01\"", "<?redline-expect …?> is not closed on its line"),
    ])
    func malformedDeclarationsAreErrors(_ text: String, _ message: String) {
        let error = #expect(throws: RedlineError.self) { try RecordExpectation.parse(text, path: "r.xml") }
        #expect(error?.message == message)
        #expect(error?.position.line == 1)
    }
}
