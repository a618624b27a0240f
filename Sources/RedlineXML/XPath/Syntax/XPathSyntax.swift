/// An XPath 1.0 expression read into a syntax tree, every node with the character offsets it is
/// written at. Made once per expression, at compile time, by ``XPathParser`` over the tokens of
/// ``XPathToken``; the native evaluator's form is lowered from it, and the loader's checks, the
/// linter, coverage and explanations read it. Never fails: text that is not XPath 1.0 gives a
/// tree with ``XPathNode/Kind/invalid(_:)`` parts and ``errors``.
package struct XPathSyntax: Sendable {
    /// The expression text.
    package let text: String
    /// The tree.
    package let root: XPathNode
    /// The offsets where the text is not XPath 1.0 (empty when it is).
    package let errors: [Int]

    /// Reads `text`.
    package init(_ text: String) {
        self.text = text
        var parser = XPathParser(tokens: XPathToken.tokenize(text), textEnd: text.count)
        root = parser.parse()
        errors = parser.errors
    }

    /// Whether the text is XPath 1.0 (as redline reads it).
    package var isValid: Bool { errors.isEmpty }

    /// The text a node is written as.
    package func text(of node: XPathNode) -> String {
        text(from: node.start, to: node.end)
    }

    /// The text between two character offsets.
    package func text(from start: Int, to end: Int) -> String {
        let from = text.index(text.startIndex, offsetBy: max(0, start), limitedBy: text.endIndex) ?? text.endIndex
        let to = text.index(from, offsetBy: max(0, end - start), limitedBy: text.endIndex) ?? text.endIndex
        return String(text[from..<to])
    }
}
