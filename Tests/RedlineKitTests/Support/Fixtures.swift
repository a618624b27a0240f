import Foundation
import RedlineKit

/// Paths and helpers shared by the tests.
enum Fixtures {
    /// The repository root (two levels above this file's folder).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A path inside the repository.
    static func path(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent(relative).path
    }

    /// The default rule set, loaded once.
    static let defaultRuleSet: RuleSet = {
        do { return try RuleSetLoader.loadDefault() } catch { fatalError("default rule set does not load: \(error)") }
    }()

    /// A minimal valid record with extra content spliced into its body (after exporter).
    static func record(
        id: String = "T-1", stage: String = "application", status: String = "pending", exporter: String = "Test Exporter Ltd",
        body: String = ""
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <licenceRecord xmlns="urn:redline:licence-record:1" formatVersion="1" id="\(id)" stage="\(stage)">
          <lifecycle kind="individual" status="\(status)"><issuingState>BG</issuingState><authority>Ministry of Economy</authority></lifecycle>
          <exporter><name>\(exporter)</name><country>BG</country></exporter>
        \(body)
        </licenceRecord>
        """
    }

    /// Parses text as a document.
    static func document(_ text: String, path: String = "test.xml", limits: XMLLimits = .default) throws -> XMLDocument {
        try XMLDocument(bytes: Array(text.utf8), path: path, limits: limits)
    }

    /// Writes `text` to a new temporary file and returns its path.
    static func temporaryFile(_ text: String, name: String = "record.xml") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redline-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
