import Foundation
import RedlineXML
import Testing

@testable import RedlineKit

/// The one XPath 1.0 parser: its trees, their offsets, and what it reads as not XPath.
struct XPathSyntaxTests {
    /// A compact rendering: operators and calls as `op(…)`, steps as `axis::test[…]`, literals and
    /// numbers as written.
    static func shape(_ node: XPathNode, _ syntax: XPathSyntax) -> String {
        func steps(_ steps: [XPathStep]) -> String {
            steps.map { step in
                let test = step.test.name ?? "\(step.test)"
                return "\(step.axis.rawValue)::\(test)" + step.predicates.map { "[\(shape($0, syntax))]" }.joined()
            }.joined(separator: "/")
        }
        switch node.kind {
        case .literal, .number, .variable: return syntax.text(of: node)
        case .group(let inner): return "(\(shape(inner, syntax)))"
        case .call(let name, let arguments):
            return "\(name)(" + arguments.map { shape($0, syntax) }.joined(separator: ", ") + ")"
        case .path(let path): return (path.absolute ? "/" : "") + steps(path.steps)
        case .filter(let primary, let predicates, let rest):
            return "filter(\(shape(primary, syntax))" + predicates.map { "[\(shape($0, syntax))]" }.joined()
                + (rest.isEmpty ? "" : " / " + steps(rest)) + ")"
        case .binary(let op, let left, let right):
            return "\(op.rawValue)(\(shape(left, syntax)), \(shape(right, syntax)))"
        case .negate(let operand): return "-(\(shape(operand, syntax)))"
        case .invalid(let parts): return "invalid(" + parts.map { shape($0, syntax) }.joined(separator: ", ") + ")"
        }
    }

    @Test(arguments: [
        ("r:a and r:b or r:c", "or(and(child::r:a, child::r:b), child::r:c)"),
        ("r:a = 1 + 2 * 3", "=(child::r:a, +(1, *(2, 3)))"),
        ("r:a * r:b", "*(child::r:a, child::r:b)"),
        ("r:a/* | @*", "|(child::r:a/child::*, attribute::*)"),
        ("-r:a | r:b", "-(|(child::r:a, child::r:b))"),
        ("and and or", "and(child::and, child::or)"),
        ("div div div", "div(child::div, child::div)"),
        ("/", "/"),
        ("//r:a[1]", "/descendant-or-self::node/child::r:a[1]"),
        ("r:a//r:b/..", "child::r:a/descendant-or-self::node/child::r:b/parent::node"),
        (
            "(r:a | r:b)[last()]//r:c",
            "filter((|(child::r:a, child::r:b))[last()] / descendant-or-self::node/child::r:c)"
        ),
        ("rl:in-list('x', r:a/@b)", "rl:in-list('x', child::r:a/attribute::b)"),
        ("following::r:a[lang('en')]", "following::r:a[lang('en')]"),
        ("$limit > count(r:*)", ">($limit, count(child::r:*))"),
        (
            "r:a/text() | r:b/comment() | processing-instruction('x')",
            "|(|(child::r:a/child::text, child::r:b/child::comment), child::processingInstruction(Optional(\"x\")))"
        ),
        ("namespace::* and self::node()", "and(namespace::*, self::node)"),
        ("1 div 0 mod -2", "mod(div(1, 0), -(2))"),
        ("'a'[1]", "filter('a'[1])"),
    ])
    func readsXPath(_ text: String, _ expected: String) {
        let syntax = XPathSyntax(text)
        #expect(syntax.isValid, "\(text): errors at \(syntax.errors)")
        #expect(Self.shape(syntax.root, syntax) == expected)
    }

    @Test(arguments: [
        "", "(", "r:a and", "]]", "'unterminated", "r:limits[", "r:a/", "f(1,)", ".[1]", "1.2.3", "r:a r:b", "@",
        "child::", "bogus::r:a", "r:a/count(r:b)", "$", "r:", "r:limits/r:duration[@months <= 12",
    ])
    func readsWhatIsNotXPathAsInvalid(_ text: String) {
        let syntax = XPathSyntax(text)
        #expect(!syntax.isValid, "\(text) read as \(Self.shape(syntax.root, syntax))")
    }

    /// A broken expression still has the parts it could read, for the linter.
    @Test func keepsWhatItCouldReadOfABrokenExpression() {
        let syntax = XPathSyntax("r:limits/r:duration[@months <= 12")
        #expect(Self.shape(syntax.root, syntax) == "child::r:limits/child::r:duration[<=(attribute::months, 12)]")
        #expect(syntax.errors == [syntax.text.count])
    }

    /// Every node of every default-rule expression is the text at its offsets.
    @Test func everyNodeIsTheTextAtItsOffsets() throws {
        for rule in Fixtures.defaultRuleSet.rules {
            for expression in rule.expressions {
                let syntax = XPathSyntax(expression.text)
                #expect(syntax.isValid, "\(rule.id): \(expression.text)")
                let characters = Array(expression.text)
                for node in syntax.root.allNodes {
                    #expect(node.start <= node.end && node.end <= characters.count)
                    let text = String(characters[node.start..<node.end])
                    #expect(text == syntax.text(of: node))
                    let trimmed = text.first?.isWhitespace == false && text.last?.isWhitespace == false
                    #expect(trimmed, "\(rule.id): '\(text)'")
                }
            }
        }
    }
}
