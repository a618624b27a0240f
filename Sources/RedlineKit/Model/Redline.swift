import Foundation

/// Facts about this build of redline.
public enum Redline {
    /// The version of redline.
    public static let version = "0.1.0"

    /// The git commit this binary was built from (12 hex digits; `unknown` when built outside a
    /// git checkout).
    public static var commit: String { EmbeddedResources.commit }

    /// `redline --version`: redline's version, the embedded rule set's id and version, the
    /// libxml2 it runs with and the commit it was built from, one per line.
    public static var versionText: String {
        let header = BuiltIn.file(BuiltIn.defaultRuleSetPath).flatMap { text in
            text.firstRange(of: "<ruleset ").map { text[$0.lowerBound...].prefix { $0 != ">" } }
        }
        func attribute(_ name: String) -> String {
            guard let header, let start = header.firstRange(of: " \(name)=\"") else { return "unknown" }
            return String(header[start.upperBound...].prefix { $0 != "\"" })
        }
        return """
            redline \(version)
            rules \(attribute("id")) \(attribute("version")) (embedded)
            libxml2 \(XMLLibrary.version)
            commit \(commit)
            """
    }

    /// The number of active processor cores (the default `--jobs`).
    public static var coreCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
