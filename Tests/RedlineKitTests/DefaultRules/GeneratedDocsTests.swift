import Foundation
import RedlineKit
import RedlineTestSupport
import Testing

/// `docs/rules.md` and `docs/traceability.md` are generated from the rule files; a test fails
/// when they are stale. Regenerate with `RECORD_DOCS=1 swift test --filter GeneratedDocs` (the
/// run that rewrites them fails; run again to see it pass).
struct GeneratedDocsTests {
    static let documents: [(String, @Sendable () throws -> String)] = [
        ("docs/rules.md", { RuleDocumentation.markdown(Fixtures.defaultRuleSet) }),
        ("docs/traceability.md", { TraceabilityTests.trace.markdown() }),
    ]

    @Test(arguments: ["docs/rules.md", "docs/traceability.md"])
    func isUpToDate(_ relative: String) throws {
        let generate = try #require(Self.documents.first { $0.0 == relative }?.1)
        try GoldenFile(relative, recordVariable: "RECORD_DOCS").expectMatches(try generate())
    }

    @Test func rulesDocHasASectionPerRuleWithItsCitationAndExamples() throws {
        let text = RuleDocumentation.markdown(Fixtures.defaultRuleSet)
        for rule in Fixtures.defaultRuleSet.rules {
            let hasSection = text.contains("\n### \(rule.id)\n")
            #expect(hasSection, "no section for \(rule.id)")
            for citation in rule.citations {
                let cited = text.contains("> \(citation.letter): “\(citation.quote)”")
                #expect(cited, "\(rule.id)'s citation is missing")
            }
            let remedy = text.contains("**Remedy:** \(rule.remedy)")
            #expect(remedy, "\(rule.id)'s remedy is missing")
        }
    }

    @Test func traceabilityTableListsEveryDemand() {
        let text = TraceabilityTests.trace.markdown()
        for demand in TraceabilityTests.catalogue.demands {
            let listed = text.contains("| \(demand.id) |")
            #expect(listed, "\(demand.id) missing")
        }
        let uncovered = text.contains("**none**")
        #expect(!uncovered)
    }
}
