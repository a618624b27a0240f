import Foundation
import RedlineKit
import Testing

/// `rules doc` of a rule set that extends another documents its composition: the extended set,
/// each override with its reason and each disabled rule with its reason.
struct RuleDocumentationCompositionTests {
    static func markdown(_ path: String) throws -> String {
        let ruleSet = try RuleSetLoader.load(path: Fixtures.path(path))
        let extended = try #require(RuleDocumentation.extendedRuleSet(of: ruleSet))
        #expect(extended.id == "redline-default")
        return RuleDocumentation.markdown(ruleSet, extended: extended)
            .replacingOccurrences(of: Fixtures.repositoryRoot.path + "/", with: "")
    }

    @Test func overridesAndDisabledRulesAreDocumentedWithTheirReasons() throws {
        let text = try Self.markdown("Tests/Fixtures/rules-doc/composed.xml")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines.contains(
                "This rule set extends `redline:default` (the default rule set built into redline), rule set "
                    + "`redline-default` version 1.0.0 (redline default rules: the demands of five letters on "
                    + "surveillance-technology export licences (2019–2021)): it inherits its letters, profiles, "
                    + "verdict policy, reference lists and rules. \(Fixtures.defaultRuleSet.rules.count - 1) "
                    + "inherited rules are in force; 1 rule is its own: [CMP-001](#cmp-001)."
            ))
        #expect(
            lines.contains(
                "| [HRDD-001](#hrdd-001) | severity major → critical, weight 10 → 20 | An independent impact "
                    + "assessment is a precondition. | `Tests/Fixtures/rules-doc/composed.xml` line 6 |"
            ))
        #expect(
            lines.contains(
                "| TRANS-003 | The contract with a state buyer is disclosed or disclosable | Contract disclosure is "
                    + "governed by national freedom-of-information law. | `Tests/Fixtures/rules-doc/composed.xml` "
                    + "line 7 |"
            ))
        #expect(
            lines.contains(
                "| overridden | An independent impact assessment is a precondition. "
                    + "(`Tests/Fixtures/rules-doc/composed.xml` line 6) |"
            ))
        #expect(lines.contains("| inherited from | `redline:default` |"))
        // The composition comes before the letters; the disabled rule has no section of its own.
        let composition = try #require(lines.firstIndex(of: "## Composition"))
        let letters = try #require(lines.firstIndex(of: "## Letters cited"))
        #expect(composition < letters)
        #expect(!lines.contains("### TRANS-003"))
        #expect(lines.contains("### CMP-001"))
    }

    @Test func theWorkedExampleDocumentsItsOverride() throws {
        let text = try Self.markdown("examples/rulesets/bg-national.xml")
        #expect(
            text.contains(
                "| [HRDD-001](#hrdd-001) | severity major → critical, weight 10 → 20 | National guidance makes an "
                    + "independent impact assessment a precondition of every surveillance licence. | "
                    + "`examples/rulesets/bg-national.xml` line 11 |"
            ))
        #expect(!text.contains("### Disabled rules"), "the worked example disables nothing")
    }

    @Test func aRuleSetThatExtendsNoneHasNoComposition() throws {
        #expect(RuleDocumentation.extendedRuleSet(of: Fixtures.defaultRuleSet) == nil)
        #expect(!RuleDocumentation.markdown(Fixtures.defaultRuleSet).contains("## Composition"))
    }
}
