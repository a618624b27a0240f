/// One location step: an axis, a node test and predicates, with how the axis is written.
package struct XPathStep: Sendable {
    /// The thirteen axes of XPath 1.0.
    package enum Axis: String, Sendable, CaseIterable {
        /// Each axis, by its name in XPath (`ancestor-or-self`…).
        case ancestor, ancestorOrSelf = "ancestor-or-self", attribute, child, descendant
        case descendantOrSelf = "descendant-or-self", following, followingSibling = "following-sibling"
        case namespace, parent, preceding, precedingSibling = "preceding-sibling", `self`
    }

    /// How the step is written.
    package enum Syntax: Sendable, Equatable {
        /// A node test alone (the child axis).
        case implicitChild
        /// `axis::test`.
        case namedAxis
        /// `@test`.
        case at
        /// `.` (`self::node()`).
        case dot
        /// `..` (`parent::node()`).
        case dotDot
        /// `//` (`/descendant-or-self::node()/`).
        case doubleSlash
    }

    /// A node test.
    package enum NodeTest: Sendable, Equatable {
        /// A QName (`r:item`, `item`).
        case name(prefix: String?, local: String)
        /// `*` or `prefix:*`.
        case anyName(prefix: String?)
        /// `node()`.
        case node
        /// `text()`.
        case text
        /// `comment()`.
        case comment
        /// `processing-instruction()`, optionally with a literal.
        case processingInstruction(String?)

        /// A name test's text as written (`r:item`, `r:*`, `*`); nil for a node-type test.
        package var name: String? {
            switch self {
            case .name(let prefix, let local): return prefix.map { "\($0):\(local)" } ?? local
            case .anyName(let prefix): return prefix.map { "\($0):*" } ?? "*"
            default: return nil
            }
        }
    }

    /// The axis.
    package var axis: Axis
    /// How the axis is written.
    package var syntax: Syntax
    /// The node test.
    package var test: NodeTest
    /// The offset of the node test's first character (of the step's for `.`, `..` and `//`).
    package var testStart: Int
    /// The offset just after the node test's last character (the step's for `.`, `..` and `//`).
    package var testEnd: Int
    /// The predicates.
    package var predicates: [XPathNode]
    /// The offset of the step's first character.
    package var start: Int
    /// The offset just after its last character (predicates included).
    package var end: Int
}
