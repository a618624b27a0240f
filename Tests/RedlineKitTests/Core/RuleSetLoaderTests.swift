import Foundation
import RedlineKit
import Testing

/// Load errors name file, line and column, and say what to do.
struct RuleSetLoaderTests {
    /// Six header lines; the rule text starts on line 7.
    static func ruleSet(_ rules: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ruleset xmlns="urn:redline:rules:1" formatVersion="1" id="t" version="1"><title>T</title>
        <letter id="AN19" file="000_d3d654b5c922fcf3.txt">Access Now 2019</letter>
        <policy><application on-error="b"><verdict name="a" severity="critical"/><verdict name="b"/></application>
        <licence on-error="d"><verdict name="c" below="50"/><verdict name="d"/></licence></policy>
        <list id="cc" kind="country" source="test" effective="2020-01-01"><title>C</title><entry>AE</entry></list>
        \(rules)
        </ruleset>
        """
    }

    static func rule(id: String = "T-001", assert: String = "true()", extra: String = "", cite: String = "AN19")
        -> String
    {
        """
        <rule id="\(id)" category="test" severity="major" weight="1">
          <title>t</title><implements>AN19-5</implements>
          <cite letter="\(cite)">assessment of the potential human rights impacts of exports</cite>
          <assert>\(assert)</assert>\(extra)
          <message>m</message><remedy>r</remedy>
        </rule>
        """
    }

    struct Broken: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let line: Int
        let message: String
        var testDescription: String { name }
    }

    static let broken: [Broken] = [
        Broken(name: "not well-formed", text: ruleSet("<rule id=\"T-001\">"), line: 8, message: "not well-formed XML"),
        Broken(name: "unknown element", text: ruleSet("<rulez/>"), line: 7, message: "rulez"),
        Broken(
            name: "XPath does not compile", text: ruleSet(rule(assert: "r:items[")), line: 10,
            message: "does not compile"),
        Broken(
            name: "unknown redline function", text: ruleSet(rule(assert: "rl:frobnicate(.)")), line: 10,
            message: "unknown function 'rl:frobnicate'"),
        Broken(
            name: "unknown XPath function", text: ruleSet(rule(assert: "matches(., 'x')")), line: 10,
            message: "unknown function 'matches'"),
        Broken(
            name: "unknown list", text: ruleSet(rule(assert: "rl:in-list('nope', r:x)")), line: 10,
            message: "unknown reference list 'nope'"),
        Broken(
            name: "wrong arity", text: ruleSet(rule(assert: "rl:days-since()")), line: 10,
            message: "takes 1 argument, not 0"),
        Broken(
            name: "undeclared prefix", text: ruleSet(rule(assert: "x:items")), line: 10, message: "namespace prefix 'x'"
        ),
        Broken(
            name: "phrase function on a country list", text: ruleSet(rule(assert: "rl:contains-any('cc', r:x)")),
            line: 10, message: "needs a phrase list"),
        Broken(
            name: "duplicate rule id", text: ruleSet(rule() + "\n" + rule()), line: 13,
            message: "duplicate rule id 'T-001'"),
        Broken(name: "unknown letter", text: ruleSet(rule(cite: "ZZ99")), line: 9, message: "letter 'ZZ99'"),
        Broken(name: "bad rule id", text: ruleSet(rule(id: "lower-case")), line: 7, message: "lower-case"),
        Broken(name: "DOCTYPE", text: "<!DOCTYPE ruleset>\n<ruleset/>", line: 1, message: "DOCTYPE"),
        Broken(
            name: "undefined variable (lint refuses it, so loading does too)",
            text: ruleSet(rule(assert: "count(r:items/r:item) &gt; $limit")), line: 10,
            message: "variable '$limit' is not defined"),
    ]

    @Test(arguments: broken)
    func loadErrorPointsAtTheLine(_ item: Broken) throws {
        let path = try Fixtures.temporaryFile(item.text, name: "rules.xml")
        #expect {
            _ = try RuleSetLoader.load(path: path)
        } throws: { error in
            guard let error = error as? RedlineError else { return false }
            let ok =
                error.position.file == path && error.position.line == item.line && error.message.contains(item.message)
                && error.position.column >= 1
            if !ok { Issue.record("got \(error)") }
            return ok
        }
    }

    @Test func xpathCompileErrorColumnPointsIntoTheExpression() throws {
        let path = try Fixtures.temporaryFile(Self.ruleSet(Self.rule(assert: "r:items[")), name: "rules.xml")
        do {
            _ = try RuleSetLoader.load(path: path)
            Issue.record("expected an error")
        } catch {
            // `  <assert>` ends at column 11; the error lies inside the expression.
            #expect(error.position.column > 11)
        }
    }

    @Test func missingFileIsUnreadable() {
        #expect {
            _ = try RuleSetLoader.load(path: "/nonexistent/rules.xml")
        } throws: { error in
            (error as? RedlineError)?.code == .unreadable
        }
    }

    @Test func includeOutsideTheFolderIsRefused() throws {
        let path = try Fixtures.temporaryFile(Self.ruleSet("<include href=\"../secret.xml\"/>"), name: "rules.xml")
        #expect {
            _ = try RuleSetLoader.load(path: path)
        } throws: { error in
            (error as? RedlineError)?.message.contains("relative path inside") == true
        }
    }

    @Test func validRuleSetLoads() throws {
        let path = try Fixtures.temporaryFile(Self.ruleSet(Self.rule()), name: "rules.xml")
        let ruleSet = try RuleSetLoader.load(path: path)
        #expect(ruleSet.rules.map(\.id) == ["T-001"])
        #expect(ruleSet.rules.first?.position.line == 7)
        #expect(ruleSet.lists["cc"]?.entries.map(\.value) == ["AE"])
    }

    /// A rule set whose policy has one combination of `groups`, giving `verdict` to applications.
    static func combining(_ groups: String, verdict: String = "a") -> String {
        ruleSet(rule(id: "T-001") + "\n" + rule(id: "T-002"))
            .replacingOccurrences(
                of: "</licence></policy>",
                with: "</licence>\n<combination id=\"C-001\" application=\"\(verdict)\"><title>t</title>\(groups)"
                    + "<cite letter=\"AN19\">assessment of the potential human rights impacts of exports</cite>"
                    + "</combination></policy>")
    }

    @Test func aCombinationLoadsAndIsCheckedAgainstTheRulesAndVerdicts() throws {
        let good = try Fixtures.temporaryFile(
            Self.combining("<failing any=\"T-001\"/><failing any=\"T-002\"/>"), name: "rules.xml")
        let ruleSet = try RuleSetLoader.load(path: good)
        #expect(ruleSet.policy.combinations.first?.groups == [["T-001"], ["T-002"]])
        #expect(ruleSet.policy.combinations.first?.verdicts == [.application: "a"])
        #expect(ruleSet.policy.combinations.first?.matches(failing: ["T-001", "T-002"]) == ["T-001", "T-002"])
        #expect(ruleSet.policy.combinations.first?.matches(failing: ["T-001"]) == nil)
        for (groups, verdict, message) in [
            ("<failing any=\"T-001\"/><failing any=\"NO-SUCH-001\"/>", "a", "names no rule 'NO-SUCH-001'"),
            ("<failing any=\"T-001\"/><failing any=\"T-002\"/>", "maintain", "not a verdict of <application>"),
        ] {
            let path = try Fixtures.temporaryFile(Self.combining(groups, verdict: verdict), name: "rules.xml")
            #expect {
                _ = try RuleSetLoader.load(path: path)
            } throws: { error in
                guard let error = error as? RedlineError else { return false }
                return error.message.contains(message) && error.position.line == 6 && error.position.file == path
            }
        }
    }

    @Test func aRuleIsDemandedFromItsEarliestLetter() throws {
        let text = Self.ruleSet(Self.rule()).replacingOccurrences(
            of: "<letter id=\"AN19\" file=", with: "<letter id=\"AN19\" date=\"2019-05-14\" file=")
        let ruleSet = try RuleSetLoader.load(path: try Fixtures.temporaryFile(text, name: "rules.xml"))
        let demanded = try #require(ruleSet.rules.first?.demandedFrom)
        #expect(demanded.date.description == "2019-05-14")
        #expect(demanded.letter == "AN19")
        #expect(ruleSet.policy.determination.levels.map(\.name) == ["require-licence", "review", "confirm"])
    }

    @Test func defaultRuleSetIsEmbedded() throws {
        let ruleSet = try RuleSetLoader.loadDefault()
        #expect(ruleSet.id == "redline-default")
        #expect(!ruleSet.rules.isEmpty)
        #expect(ruleSet.files.first == BuiltIn.defaultRuleSetPath)
        #expect(BuiltIn.seeds.count == 5)
    }

    /// Positions inside an expression come from the bytes that were loaded, not from the file
    /// read again later: a rule file changed on disk after loading does not move them.
    @Test func expressionPositionsComeFromTheLoadedBytes() throws {
        let text = Self.ruleSet(Self.rule(assert: "\n    r:items\n    or r:parties"))
        let path = try Fixtures.temporaryFile(text, name: "rules.xml")
        let ruleSet = try RuleSetLoader.load(path: path)
        try ("\n\n\n" + text).write(toFile: path, atomically: true, encoding: .utf8)
        let rule = try #require(ruleSet.rules.first)
        let branches = ConditionCoverage(rule: rule).branches
        #expect(branches.map(\.text) == ["r:items", "r:parties"])
        #expect(branches.map(\.position.line) == [11, 12])
        #expect(branches.map(\.position.column) == [5, 8])
    }

    /// Elements that share a line each get their own column (one pass over the source finds every
    /// start tag; a search of the line for the element's name found the first one for all).
    @Test func elementsSharingALineGetTheirOwnColumns() throws {
        let list =
            "<list id=\"c2\" kind=\"country\" source=\"t\" effective=\"2020-01-01\"><title>C</title>"
            + "<entry>AE</entry><entry>MX</entry><entry>XX</entry></list>"
        let source = Self.ruleSet(list + Self.rule())
        let path = try Fixtures.temporaryFile(source, name: "rules.xml")
        let problem = try #require(RuleSetLoader.lint(path: path).problems.first { $0.message.contains("'XX'") })
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.contains("<entry>XX") })
        let start = try #require(lines[index].range(of: "<entry>XX")).lowerBound
        #expect(problem.position.line == index + 1)
        #expect(problem.position.column == lines[index].distance(from: lines[index].startIndex, to: start) + 1)
    }
}
