/// Bounds on what one input may cost. Every value has a safe default; all are configurable
/// (docs/security.md lists them with their command-line flags).
public struct XMLLimits: Sendable, Hashable {
    /// Largest accepted input, in bytes, checked before parsing (libxml2 has no total-size limit).
    public var maxBytes: Int
    /// Deepest accepted element nesting. libxml2 itself stops at 256 without `XML_PARSE_HUGE`;
    /// a lower value is checked after parsing.
    public var maxDepth: Int
    /// XPath operations allowed per expression evaluation (libxml2 `opLimit`).
    public var xpathOperationLimit: Int
    /// Most attributes accepted on one element, checked before parsing (libxml2 2.9.14 spends
    /// quadratic time on many attributes).
    public var maxAttributes: Int
    /// Most elements accepted in one document, checked before parsing. Bounds the tree, every
    /// `//` walk, and libxml2's schema validation, whose error reporting is superlinear in the
    /// number of invalid siblings (20,000 invalid items: 25 s).
    public var maxElements: Int
    /// Wall-clock seconds one record's evaluation (parsing, schema validation and rules) may
    /// take, on a monotonic clock: ``XMLDocument`` checks it during the pre-parse scan (every
    /// 2^20 code units) and after libxml2's parse, the engine before schema validation and
    /// between rules; when it is exceeded the record is reported as a `time-limit` error. One
    /// expression is bounded by ``xpathOperationLimit`` instead. Rule-set, demand-catalogue and
    /// waivers files are parsed with no time limit (`.infinity`).
    public var maxSecondsPerRecord: Double
    /// Whether command-line flags set these limits (records); rule sets, waiver files and the
    /// demand catalogue have fixed caps, so their errors never suggest a flag.
    public var setByFlags: Bool = true

    /// How an error over a limit says it can be lifted: by `flag` for trusted records, or not at
    /// all for the fixed caps of rule sets and waiver files.
    package func raising(_ flag: String) -> String {
        setByFlags
            ? "raise the limit with \(flag) only for trusted input"
            : "this cap of rule sets and waiver files is fixed (docs/security.md, \"Limits\")"
    }

    /// Limits with `setByFlags` false: the fixed caps of a rule-set, waivers or catalogue file.
    public static func fixed(maxBytes: Int, maxElements: Int = XMLLimits.default.maxElements) -> XMLLimits {
        var limits = XMLLimits(maxBytes: maxBytes, maxElements: maxElements, maxSecondsPerRecord: .infinity)
        limits.setByFlags = false
        return limits
    }

    /// Creates limits.
    public init(
        maxBytes: Int = 4 * 1024 * 1024, maxDepth: Int = 64, xpathOperationLimit: Int = 1_000_000,
        maxAttributes: Int = 256, maxElements: Int = 10_000, maxSecondsPerRecord: Double = 10
    ) {
        (self.maxBytes, self.maxDepth, self.xpathOperationLimit) = (maxBytes, maxDepth, xpathOperationLimit)
        (self.maxAttributes, self.maxElements, self.maxSecondsPerRecord) = (
            maxAttributes, maxElements, maxSecondsPerRecord
        )
    }

    /// The defaults: 4 MiB per document, depth 64, one million XPath operations per expression,
    /// 256 attributes per element, 10,000 elements, 10 seconds per record.
    public static let `default` = XMLLimits()
}
