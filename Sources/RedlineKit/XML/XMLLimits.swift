/// Bounds on what one input may cost. Every value has a safe default; all are configurable.
public struct XMLLimits: Sendable, Hashable {
    /// Largest accepted input, in bytes, checked before parsing (libxml2 has no total-size limit).
    public var maxBytes: Int
    /// Deepest accepted element nesting. libxml2 itself stops at 256 without `XML_PARSE_HUGE`;
    /// a lower value is checked after parsing.
    public var maxDepth: Int
    /// XPath operations allowed per expression evaluation (libxml2 `opLimit`).
    public var xpathOperationLimit: Int

    /// Creates limits.
    public init(maxBytes: Int = 4 * 1024 * 1024, maxDepth: Int = 64, xpathOperationLimit: Int = 1_000_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.xpathOperationLimit = xpathOperationLimit
    }

    /// The defaults: 4 MiB per document, depth 64, one million XPath operations per expression.
    public static let `default` = XMLLimits()
}
