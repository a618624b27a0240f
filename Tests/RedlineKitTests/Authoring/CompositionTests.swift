import RedlineKit
import Testing

/// `<extends>`, `<override>` and `<disable>`.
struct CompositionTests {
    static func load(_ text: String) throws -> RuleSet {
        try RuleSetLoader.load(path: try Fixtures.temporaryFile(text, name: "national.xml"))
    }

    static func ruleSet(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ruleset xmlns="urn:redline:rules:1" formatVersion="1" id="national" version="2">
          <title>National</title>
          <extends href="redline:default"/>
        \(body)
        </ruleset>
        """
    }

    @Test func theExampleNationalSetAddsARuleAndTightensAWeight() throws {
        let national = try RuleSetLoader.load(path: Fixtures.path("examples/rulesets/bg-national.xml"))
        let base = Fixtures.defaultRuleSet
        #expect(national.rules.count == base.rules.count + 1)
        #expect(national.rules.last?.id == "BGN-001")
        #expect(national.rule("HRDD-001")?.weight == 20)
        #expect(national.rule("HRDD-001")?.severity == .critical)
        #expect(base.rule("HRDD-001")?.weight != 20)
        #expect(national.policy == base.policy)
        #expect(national.lists.keys.sorted() == base.lists.keys.sorted())
        #expect(national.extends == "redline:default")
        #expect(national.overrides.map(\.ruleID) == ["HRDD-001"])
        #expect(national.inheritedRuleIDs == Set(base.rules.map(\.id)))
    }

    @Test func disableRemovesTheRuleAndKeepsTheReason() throws {
        let national = try Self.load(
            Self.ruleSet("<disable rule=\"TRANS-003\" reason=\"Contracts are classified here.\"/>"))
        #expect(national.rule("TRANS-003") == nil)
        #expect(national.rules.count == Fixtures.defaultRuleSet.rules.count - 1)
        #expect(national.overrides.first?.disabled == true)
        #expect(national.overrides.first?.reason == "Contracts are classified here.")
    }

    @Test func overridesOfDifferentAttributesCombine() throws {
        let national = try Self.load(
            Self.ruleSet(
                """
                <override rule="TRANS-001" weight="9" reason="More weight."/>
                <override rule="TRANS-001" severity="major" reason="More severe."/>
                """))
        #expect(national.rule("TRANS-001")?.weight == 9)
        #expect(national.rule("TRANS-001")?.severity == .major)
    }

    @Test func twoWeightsForOneRuleConflict() throws {
        let text = Self.ruleSet(
            """
            <override rule="TRANS-001" weight="9" reason="More."/>
            <override rule="TRANS-001" weight="2" reason="Less."/>
            """)
        let error = #expect(throws: RedlineError.self) { try Self.load(text) }
        #expect(error?.message.hasPrefix("<override> of rule TRANS-001 conflicts with the <override> at ") == true)
        #expect(error?.position.line == 6)
    }

    @Test func anExtendingSetCanUseInheritedListsAndLetters() throws {
        let national = try Self.load(
            Self.ruleSet(
                """
                <rule id="NAT-001" category="sanctions" severity="critical" weight="5">
                  <title>Not an NSO entity</title>
                  <implements>SX21-1</implements>
                  <cite letter="SX21">NSO Group</cite>
                  <assert>not(rl:in-list('nso-entities', r:exporter/r:name))</assert>
                  <message>NSO</message>
                  <remedy>None.</remedy>
                </rule>
                """))
        #expect(national.rule("NAT-001") != nil)
    }
}
