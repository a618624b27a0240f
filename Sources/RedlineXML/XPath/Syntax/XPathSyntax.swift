/// An XPath 1.0 expression read into a syntax tree, every node with the character offsets it is
/// written at. Made once per expression, at compile time, by ``XPathParser`` over the tokens of
/// ``XPathToken``; the native evaluator's form is lowered from it, and the loader's checks, the
/// linter, coverage and explanations read it. Never fails: text that is not XPath 1.0 gives a
/// tree with ``XPathNode/Kind/invalid(_:)`` parts and ``errors``.
///
/// Bounded by construction: a text longer than ``maxLength`` characters is not read at all, and
/// the parser stops where the tree would grow deeper than ``maxDepth`` (``limit`` says which), so
/// that no walk of a tree (each recursive, one call per level) can overflow the stack.
package struct XPathSyntax: Sendable {
    /// The longest expression read, in characters (the default rule set's longest is about 1,100).
    package static let maxLength = 16_384
    /// The deepest tree built (``XPathNode/depth``; the default rule set's deepest is 24).
    package static let maxDepth = 128

    /// A bound the text goes past: it was not read (too long) or not read to its end (too deep).
    package enum Limit: Sendable, Equatable {
        /// The text has this many characters, more than ``XPathSyntax/maxLength``.
        case length(Int)
        /// The tree would be deeper than ``XPathSyntax/maxDepth`` at this character offset.
        case depth(offset: Int)
    }

    /// The tree's owner: frees it node by node when the last copy of the syntax goes.
    private final class Tree: @unchecked Sendable {
        /// Never changed after `init` but in `deinit`.
        var root: XPathNode

        init(_ root: XPathNode) { self.root = root }

        deinit {
            XPathNode.release(&root)
        }
    }

    /// The expression text.
    package let text: String
    private let tree: Tree
    /// The offsets where the text is not XPath 1.0 (empty when it is).
    package let errors: [Int]
    /// The bound the text goes past, if any (then ``errors`` is not empty).
    package let limit: Limit?

    /// The tree.
    package var root: XPathNode { tree.root }

    /// Reads `text`.
    package init(_ text: String) {
        self.text = text
        let length = text.count
        guard length <= Self.maxLength else {
            tree = Tree(XPathNode(.invalid([]), start: 0, end: length))
            errors = [Self.maxLength]
            limit = .length(length)
            return
        }
        var parser = XPathParser(tokens: XPathToken.tokenize(text), textEnd: length, maxDepth: Self.maxDepth)
        tree = Tree(parser.parse())
        errors = parser.errors
        limit = parser.tooDeepAt.map { .depth(offset: $0) }
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
