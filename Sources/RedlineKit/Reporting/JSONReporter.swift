import Foundation

/// Renders reports as JSON: stable keys (sorted), documented in docs/json-format.md.
public struct JSONReporter: Sendable {
    /// The top-level document.
    public struct Document: Encodable, Sendable {
        /// Format version of this JSON.
        public var formatVersion: Int
        /// The tool.
        public var tool: Tool
        /// The rule set used.
        public var ruleSet: RuleSetInfo
        /// The evaluation date.
        public var asOf: String
        /// The profile in force.
        public var profile: String
        /// One entry per input file, in input order.
        public var records: [RecordReport]
    }

    /// The tool's name and version.
    public struct Tool: Codable, Sendable {
        /// `redline`.
        public var name: String
        /// The version.
        public var version: String
    }

    /// The rule set's identity.
    public struct RuleSetInfo: Codable, Sendable {
        /// The id.
        public var id: String
        /// The version.
        public var version: String
    }

    /// Creates a reporter.
    public init() {}

    /// The JSON text (pretty-printed, sorted keys, trailing newline).
    public func render(_ reports: [RecordReport], ruleSet: RuleSet, asOf: LocalDate, profile: String) -> String {
        let document = Document(
            formatVersion: 1, tool: Tool(name: "redline", version: Redline.version),
            ruleSet: RuleSetInfo(id: ruleSet.id, version: ruleSet.version), asOf: asOf.description, profile: profile,
            records: reports)
        return PrettyJSONEncoder().document(document)
    }
}

/// Facts about this build of redline.
public enum Redline {
    /// The version of redline.
    public static let version = "0.1.0"

    /// The number of active processor cores (the default `--jobs`).
    public static var coreCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
