import RedlineKit
import Testing

/// The condition parser splits the top levels of XPath 1.0 expressions into a tree.
struct ConditionNodeTests {
    /// A compact rendering of a tree: and(…), or(…), not(…), =(…), call(…), leaf text.
    static func shape(_ node: ConditionNode) -> String {
        switch node {
        case .and(let children, _, _): return "and(" + children.map(shape).joined(separator: ", ") + ")"
        case .or(let children, _, _): return "or(" + children.map(shape).joined(separator: ", ") + ")"
        case .not(let child, _, _): return "not(" + shape(child) + ")"
        case .comparison(let op, let left, let right, _, _): return "\(op)(\(shape(left)), \(shape(right)))"
        case .call(let name, let arguments, _, _):
            return "\(name)(" + arguments.map(shape).joined(separator: ", ") + ")"
        case .leaf(let text, _): return text
        }
    }

    @Test(arguments: [
        ("r:a and r:b", "and(r:a, r:b)"),
        ("r:a or r:b and r:c", "or(r:a, and(r:b, r:c))"),
        ("(r:a or r:b) and r:c", "and(or(r:a, r:b), r:c)"),
        ("not(r:a) and r:b", "and(not(r:a), r:b)"),
        ("r:item[@x = 'a' and @y] or r:other", "or(r:item[@x = 'a' and @y], r:other)"),
        ("count(r:item) > 2", ">(count(r:item), 2)"),
        ("r:a/@months <= 12 and r:b", "and(<=(r:a/@months, 12), r:b)"),
        (
            "rl:in-list('nso', r:exporter/r:name | r:exporter/r:alias)",
            "rl:in-list('nso', r:exporter/r:name | r:exporter/r:alias)"
        ),
        ("r:and and r:or", "and(r:and, r:or)"),
        ("r:a = 'x and y'", "=(r:a, 'x and y')"),
        ("r:lifecycle/r:review", "r:lifecycle/r:review"),
        ("rl:days(r:a) - rl:days(r:b) < 30", "<(rl:days(r:a) - rl:days(r:b), 30)"),
    ])
    func parsesTopLevels(_ expression: String, _ expected: String) {
        #expect(Self.shape(ConditionNode.parse(expression)) == expected)
    }

    @Test func offsetsPointIntoTheExpression() {
        let text = "r:a and not(r:b)"
        let node = ConditionNode.parse(text)
        #expect(node.children.map(\.offset) == [0, 8])
        #expect(node.children[1].children.first?.offset == 12)
    }

    @Test func branchesAreTheTopLevelOperands() {
        #expect(ConditionNode.parse("r:a or r:b or r:c").branches.map(\.text) == ["r:a", "r:b", "r:c"])
        #expect(ConditionNode.parse("not(r:a)").branches.map(\.text) == ["not(r:a)"])
    }

    @Test func nestedOperandsAreBranchesToo() {
        #expect(
            ConditionNode.parse("(r:a or r:b) and r:c and not(r:d and r:e)").branches.map(\.text) == [
                "r:a or r:b", "r:a", "r:b", "r:c", "not(r:d and r:e)", "r:d", "r:e",
            ])
        // Inside a path's predicate nothing is split: the predicate belongs to the path.
        #expect(ConditionNode.parse("r:x[@a = '1' or @b = '2']").branches.map(\.text) == ["r:x[@a = '1' or @b = '2']"])
    }

    @Test(arguments: ["", "(", "r:a and", "]]", "'unterminated"])
    func neverFailsOnBadInput(_ text: String) {
        // Whatever it cannot split stays one leaf with the whole text.
        #expect(!ConditionNode.parse(text).text.isEmpty || text.isEmpty)
    }
}
