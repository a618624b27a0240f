import Foundation
import RedlineKit
import Testing

/// Deliberately broken rule files (Tests/Fixtures/broken-rules): each gives exactly these
/// problems, with these lines and columns. A file name, then `file:line:col: level: message`.
struct RuleSetLinterTests {
    struct BrokenCase: CustomTestStringConvertible, Sendable {
        var file: String
        var problems: [String]
        var testDescription: String { file }
    }

    static let cases: [BrokenCase] = [
        BrokenCase(
            file: "bad-lists.xml",
            problems: [
                "bad-lists.xml:14:5: error: 'UK' is not an ISO 3166-1 alpha-2 country code",
                "bad-lists.xml:20:3: error: duplicate list id 'parties' (first defined at bad-lists.xml:16:3)",
            ]),
        BrokenCase(
            file: "citation-not-verbatim.xml",
            problems: [
                "citation-not-verbatim.xml:14:5: error: rule T-001: the quote \"limited in size, place, and "
                    + "duration\" does not appear verbatim in SR20 (003_c93b2ad88fe27b7f.txt)"
            ]),
        BrokenCase(
            file: "double-slash.xml",
            problems: [
                "double-slash.xml:15:13: warning: '//' searches the whole record (in '//r:duration/@months <= 12')"
            ]),
        BrokenCase(
            file: "duplicate-rule-id.xml",
            problems: [
                "duplicate-rule-id.xml:21:3: error: duplicate rule id 'T-001' (first defined at "
                    + "duplicate-rule-id.xml:11:3)"
            ]),
        BrokenCase(
            file: "effective-dates-reversed.xml",
            problems: [
                "effective-dates-reversed.xml:11:3: error: rule T-001 ends (2021-01-01) before it starts (2022-01-01)"
            ]),
        BrokenCase(
            file: "element-not-in-record-schema.xml",
            problems: [
                "element-not-in-record-schema.xml:15:22: warning: element 'r:durations' is not declared in the "
                    + "licence record schema, so this path never matches (in 'r:limits/r:durations/@months <= 12')"
            ]),
        BrokenCase(
            file: "extends-cycle-a.xml",
            problems: [
                "extends-cycle-b.xml:5:3: error: rule sets extend each other in a cycle: extends-cycle-a.xml → "
                    + "extends-cycle-b.xml → extends-cycle-a.xml"
            ]),
        BrokenCase(
            file: "extends-cycle-b.xml",
            problems: [
                "extends-cycle-a.xml:5:3: error: rule sets extend each other in a cycle: extends-cycle-b.xml → "
                    + "extends-cycle-a.xml → extends-cycle-b.xml"
            ]),
        BrokenCase(
            file: "extends-missing-file.xml",
            problems: [
                "extends-missing-file.xml:5:3: error: the extended rule set 'national-base.xml' cannot be read: "
                    + "cannot read file: No such file or directory"
            ]),
        BrokenCase(
            file: "extends-outside-folder.xml",
            problems: [
                "extends-outside-folder.xml:5:3: error: <extends href=\"../../../rules/redline-default.xml\"> must "
                    + "be a relative path inside the rule set's folder"
            ]),
        BrokenCase(
            file: "impossible-value.xml",
            problems: [
                "impossible-value.xml:15:37: warning: 'enduser' is not a value @role can have in the licence record "
                    + "schema, so this comparison is constant (in 'r:parties/r:party[@role = 'enduser']')",
                "impossible-value.xml:16:81: warning: 'UK' is not a value r:country can have in the licence record "
                    + "schema, so this comparison is constant (in 'r:limits/r:duration/@months <= 12 and "
                    + "not(r:exporter/r:country = 'UK') and r:lifecycle[@status != 'pending']')",
            ]),
        BrokenCase(
            file: "invalid-severity.xml",
            problems: [
                "invalid-severity.xml:11:3: error: rule file does not match the rule language: Element 'rule', "
                    + "attribute 'severity': [facet 'enumeration'] The value 'high' is not an element of the set "
                    + "{'critical', 'major', 'minor', 'info'}."
            ]),
        BrokenCase(
            file: "malformed-rule-id.xml",
            problems: [
                "malformed-rule-id.xml:11:3: error: rule file does not match the rule language: Element 'rule', "
                    + "attribute 'id': [facet 'pattern'] The value 'limits-one' is not accepted by the pattern "
                    + "'[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-[0-9]{2,4}'."
            ]),
        BrokenCase(
            file: "many-problems-one-rule.xml",
            problems: [
                "many-problems-one-rule.xml:11:3: warning: rule T-001 has no failing example",
                "many-problems-one-rule.xml:11:3: error: rule T-001 names demand 'SR20-99', which is not in the "
                    + "demand catalogue",
                "many-problems-one-rule.xml:14:5: error: rule T-001: the quote \"limited in size, place, and "
                    + "duration\" does not appear verbatim in SR20 (003_c93b2ad88fe27b7f.txt)",
                "many-problems-one-rule.xml:15:11: warning: '//' searches the whole record (in "
                    + "'//r:item[@cyberSurveillance = 'true']')",
                "many-problems-one-rule.xml:16:22: warning: element 'r:durations' is not declared in the licence "
                    + "record schema, so this path never matches (in 'r:limits/r:durations/@months <= rl:twelve()')",
                "many-problems-one-rule.xml:16:48: error: unknown function 'rl:twelve' (in "
                    + "'r:limits/r:durations/@months <= rl:twelve()')",
            ]),
        BrokenCase(
            file: "many-problems-rule-set.xml",
            problems: [
                "many-problems-rule-set.xml:6:3: error: <override> names rule 'HRDD-010', which the extended rule "
                    + "set does not define",
                "many-problems-rule-set.xml:8:3: error: <disable> of rule HRDD-001 conflicts with the <override> at "
                    + "many-problems-rule-set.xml:7:3",
                "many-problems-rule-set.xml:11:5: error: 'UK' is not an ISO 3166-1 alpha-2 country code",
                "many-problems-rule-set.xml:12:5: error: entry 'FR' ends (2021-01-01) before it starts (2022-01-01)",
                "many-problems-rule-set.xml:15:3: error: rule NAT-001 ends (2021-01-01) before it starts (2022-01-01)",
                "many-problems-rule-set.xml:18:5: error: rule NAT-001 cites letter 'XX21', which the rule set does "
                    + "not declare",
                "many-problems-rule-set.xml:19:11: error: unknown reference list 'nationals' (in "
                    + "'rl:in-list('nationals', r:parties/r:party/r:country)')",
                "many-problems-rule-set.xml:20:22: error: XPath expression does not compile: invalid expression near "
                    + "'' (at offset 9 of 'r:limits[')",
                "many-problems-rule-set.xml:26:3: error: duplicate rule id 'NAT-001' (first defined at "
                    + "many-problems-rule-set.xml:15:3)",
                "many-problems-rule-set.xml:36:3: error: rule id 'HRDD-001' is already defined by the extended rule "
                    + "set (at rules/before-licence.xml:6:3)",
            ]),
        BrokenCase(
            file: "missing-failing-example.xml",
            problems: [
                "missing-failing-example.xml:11:3: warning: rule T-001 has no failing example"
            ]),
        BrokenCase(
            file: "multi-line-condition.xml",
            problems: [
                "multi-line-condition.xml:17:11: error: unknown function 'rl:has-geography' (in "
                    + "'r:limits/r:duration/@months <= 12\n      and rl:has-geography(r:limits)')"
            ]),
        BrokenCase(
            file: "no-policy.xml",
            problems: [
                "no-policy.xml:3:1: error: rule set has no <policy>"
            ]),
        BrokenCase(
            file: "override-changes-nothing.xml",
            problems: [
                "override-changes-nothing.xml:6:3: error: <override rule=\"HRDD-001\"> changes nothing"
            ]),
        BrokenCase(
            file: "override-conflict.xml",
            problems: [
                "override-conflict.xml:7:3: error: <disable> of rule HRDD-001 conflicts with the <override> at "
                    + "override-conflict.xml:6:3"
            ]),
        BrokenCase(
            file: "override-unknown-rule.xml",
            problems: [
                "override-unknown-rule.xml:6:3: error: <override> names rule 'HRDD-010', which the extended rule set "
                    + "does not define"
            ]),
        BrokenCase(
            file: "override-without-extends.xml",
            problems: [
                "override-without-extends.xml:21:3: error: <override> changes an inherited rule, but this rule set "
                    + "extends none"
            ]),
        BrokenCase(
            file: "path-never-matches.xml",
            problems: [
                "path-never-matches.xml:15:26: warning: 'r:duration' never matches a licence record: r:duration is "
                    + "never a child of item (in 'r:items/r:item[r:duration]')",
                "path-never-matches.xml:16:23: warning: 'r:parties/r:duration' never matches a licence record: "
                    + "r:duration is never a child of parties (in 'r:parties/r:duration/@months <= 12 or "
                    + "r:limits[r:geography/r:country = 'EE']/r:volume')",
            ]),
        BrokenCase(
            file: "redefines-inherited-rule.xml",
            problems: [
                "redefines-inherited-rule.xml:6:3: error: rule id 'HRDD-001' is already defined by the extended rule "
                    + "set (at rules/before-licence.xml:6:3)"
            ]),
        BrokenCase(
            file: "schema-and-rule-errors.xml",
            problems: [
                "schema-and-rule-errors.xml:11:3: error: rule file does not match the rule language: Element 'rule', "
                    + "attribute 'severity': [facet 'enumeration'] The value 'high' is not an element of the set "
                    + "{'critical', 'major', 'minor', 'info'}.",
                "schema-and-rule-errors.xml:25:13: error: unknown function 'rl:nope' (in 'rl:nope(r:limits)')",
                "schema-and-rule-errors.xml:36:5: error: rule file does not match the rule language: Element "
                    + "'remedy': This element is not expected. Expected is one of ( {urn:redline:rules:1}partial, "
                    + "{urn:redline:rules:1}locate, {urn:redline:rules:1}message ).",
            ]),
        BrokenCase(
            file: "several-errors.xml",
            problems: [
                "several-errors.xml:15:22: error: XPath expression does not compile: invalid expression near '' (at "
                    + "offset 9 of 'r:limits[')",
                "several-errors.xml:25:13: error: unknown function 'rl:nope' (in 'rl:nope()')",
                "several-errors.xml:35:13: error: unknown reference list 'missing' (in 'rl:in-list('missing', "
                    + "r:exporter/r:name)')",
            ]),
        BrokenCase(
            file: "shadowed-rule.xml",
            problems: [
                "shadowed-rule.xml:21:3: warning: rule T-002 has the same <when> and <assert> as rule T-001 (at "
                    + "shadowed-rule.xml:11:3), so it always gives the same outcome"
            ]),
        BrokenCase(
            file: "undeclared-prefix.xml",
            problems: [
                "undeclared-prefix.xml:15:13: error: namespace prefix 'x' is not declared (in 'x:limits/x:duration')"
            ]),
        BrokenCase(
            file: "undefined-variable.xml",
            problems: [
                "undefined-variable.xml:15:47: error: variable '$maximum' is not defined: rule expressions have no "
                    + "variables (in 'r:limits/r:duration/@months <= $maximum')"
            ]),
        BrokenCase(
            file: "unknown-demand.xml",
            problems: [
                "unknown-demand.xml:11:3: error: rule T-001 names demand 'SR20-99', which is not in the demand "
                    + "catalogue"
            ]),
        BrokenCase(
            file: "unknown-function.xml",
            problems: [
                "unknown-function.xml:15:13: error: unknown function 'rl:in-lists' (in 'rl:in-lists('x', "
                    + "r:exporter/r:name)')"
            ]),
        BrokenCase(
            file: "unknown-letter.xml",
            problems: [
                "unknown-letter.xml:14:5: error: rule T-001 cites letter 'XX21', which the rule set does not declare"
            ]),
        BrokenCase(
            file: "unknown-list.xml",
            problems: [
                "unknown-list.xml:15:17: error: unknown reference list 'sanctioned' (in "
                    + "'not(rl:in-list('sanctioned', r:exporter/r:name))')"
            ]),
        BrokenCase(
            file: "unprefixed-element.xml",
            problems: [
                "unprefixed-element.xml:15:13: warning: 'limits' has no namespace prefix, so it never matches a "
                    + "record element (in 'limits/r:duration/@months <= 12')"
            ]),
        BrokenCase(
            file: "weight-out-of-range.xml",
            problems: [
                "weight-out-of-range.xml:11:3: error: rule file does not match the rule language: Element 'rule', "
                    + "attribute 'weight': [facet 'maxInclusive'] The value '150' is greater than the maximum value "
                    + "allowed ('100')."
            ]),
        BrokenCase(
            file: "wrong-arity.xml",
            problems: [
                "wrong-arity.xml:15:13: error: function rl:days takes 1 argument, not 0 (in 'rl:days() > 0')"
            ]),
        BrokenCase(
            file: "xpath-does-not-compile.xml",
            problems: [
                "xpath-does-not-compile.xml:15:49: error: XPath expression does not compile: invalid predicate near "
                    + "'' (at offset 33 of 'r:limits/r:duration[@months <= 12')"
            ]),
    ]

    static let folder = Fixtures.path("Tests/Fixtures/broken-rules")

    static func lint(_ file: String) throws -> [LintProblem] {
        let linter = RuleSetLinter(catalogue: try DemandCatalogue.loadDefault(), seeds: SeedLibrary.builtIn)
        return linter.lint(path: folder + "/" + file)
    }

    @Test(arguments: cases)
    func brokenFileGivesExactProblems(_ broken: BrokenCase) throws {
        let problems = try Self.lint(broken.file).map { problem in
            let file = (problem.position.file as NSString).lastPathComponent
            let message = problem.message.replacingOccurrences(of: Self.folder + "/", with: "")
            return "\(file):\(problem.position.line):\(problem.position.column): \(problem.level.rawValue): \(message)"
        }
        #expect(problems == broken.problems)
    }

    @Test func atLeastFifteenBrokenFilesAreCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".xml") }
        #expect(files.count >= 15)
        #expect(Set(files) == Set(Self.cases.map(\.file)), "every fixture has a case and every case a fixture")
    }

    @Test func everyProblemSuggestsAFix() throws {
        for broken in Self.cases {
            for problem in try Self.lint(broken.file) {
                #expect(problem.suggestion != nil, "\(broken.file): \(problem.message)")
            }
        }
    }

    @Test func theDefaultRuleSetAndTheExampleSetAreClean() throws {
        let linter = RuleSetLinter(catalogue: try DemandCatalogue.loadDefault(), seeds: SeedLibrary.builtIn)
        #expect(linter.lint(path: BuiltIn.defaultRuleSetPath, source: .embedded) == [])
        #expect(linter.lint(path: Fixtures.path("examples/rulesets/bg-national.xml")) == [])
    }
}
