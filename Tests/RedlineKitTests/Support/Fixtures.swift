import Foundation
import RedlineKit
import RedlineTestSupport

/// Paths and helpers shared by the library's tests.
enum Fixtures {
    /// The repository root.
    static var repositoryRoot: URL { Repository.root }

    /// A path inside the repository.
    static func path(_ relative: String) -> String { Repository.path(relative) }

    /// The default rule set, loaded once.
    static let defaultRuleSet: RuleSet = {
        do { return try RuleSetLoader.loadDefault() } catch { fatalError("default rule set does not load: \(error)") }
    }()

    /// A minimal valid record with extra content spliced into its body (after exporter).
    static func record(
        id: String = "T-1", stage: String = "application", status: String = "pending",
        exporter: String = "Test Exporter Ltd",
        body: String = ""
    ) -> String {
        SampleRecord.text(id: id, stage: stage, status: status, exporter: exporter, body: body)
    }

    /// Parses text as a document.
    static func document(_ text: String, path: String = "test.xml", limits: XMLLimits = .default) throws -> XMLDocument
    {
        try XMLDocument(bytes: Array(text.utf8), path: path, limits: limits)
    }

    /// Writes `text` to a new temporary file and returns its path.
    static func temporaryFile(_ text: String, name: String = "record.xml") throws -> String {
        try TemporaryFolder.file(text, name: name)
    }
}
