/// The files embedded in the binary at build time: the default rule set, the schemas and the letters.
public enum BuiltIn {
    /// The embedded path of the default rule set's main file.
    public static let defaultRuleSetPath = "rules/redline-default.xml"
    /// The embedded path of the licence-record schema.
    public static let recordSchemaPath = "rules/schemas/licence-record-1.xsd"
    /// The embedded path of the rule-language schema.
    public static let ruleSetSchemaPath = "rules/schemas/ruleset-1.xsd"
    /// The licence-record namespace.
    public static let recordNamespace = "urn:redline:licence-record:1"
    /// The rule-language namespace.
    public static let ruleNamespace = "urn:redline:rules:1"

    /// The text of an embedded file (`rules/…` or `seeds/…`), if it exists.
    public static func file(_ path: String) -> String? {
        EmbeddedResources.files[path]
    }

    /// The paths of every embedded file, sorted.
    public static var paths: [String] { EmbeddedResources.files.keys.sorted() }

    /// The letters, by seed file name.
    public static var seeds: [String: String] {
        var result: [String: String] = [:]
        for (path, text) in EmbeddedResources.files where path.hasPrefix("seeds/") {
            result[String(path.dropFirst("seeds/".count))] = text
        }
        return result
    }

    /// The compiled licence-record schema.
    public static let recordSchema: XMLSchema = {
        // The embedded schema is part of the binary and compiled by the test suite.
        // swiftlint:disable:next force_try
        try! XMLSchema(text: EmbeddedResources.files[recordSchemaPath] ?? "", name: recordSchemaPath)
    }()

    /// The compiled rule-language schema.
    public static let ruleSetSchema: XMLSchema = {
        // swiftlint:disable:next force_try
        try! XMLSchema(text: EmbeddedResources.files[ruleSetSchemaPath] ?? "", name: ruleSetSchemaPath)
    }()
}
