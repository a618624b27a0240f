/// A location path: steps from the context node, or from the document root when absolute.
/// `//` is kept as a step of its own (``XPathStep/Syntax/doubleSlash``), where it is written.
package struct XPathLocationPath: Sendable {
    /// Whether the path starts at the root (`/…`, `//…`).
    package var absolute: Bool
    /// The steps (none for `/` alone).
    package var steps: [XPathStep]
}
