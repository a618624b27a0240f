import Foundation
import Testing

/// A file in the repository that a test's output must equal byte for byte: a golden report,
/// a generated document. The one way goldens are compared and re-recorded.
///
/// Run the tests with the file's recording variable set to `1` (`RECORD_GOLDEN=1` unless said
/// otherwise) to rewrite it from the output: the test then fails, so a rewrite is never
/// silent, and `git diff` shows what changed. Run again without the variable to see it pass.
public struct GoldenFile: Sendable {
    /// The path, relative to the repository root.
    public var relativePath: String
    /// The environment variable that turns recording on.
    public var recordVariable: String

    /// A golden file at `relativePath`, re-recorded when `recordVariable` is `1`.
    public init(_ relativePath: String, recordVariable: String = "RECORD_GOLDEN") {
        self.relativePath = relativePath
        self.recordVariable = recordVariable
    }

    /// Whether this run records instead of comparing.
    public var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    /// The file's absolute path.
    public var path: String { Repository.path(relativePath) }

    /// The file's text.
    public func contents() throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// Expects `actual` to equal the file; when recording, writes `actual` to it and records an
    /// issue instead.
    public func expectMatches(_ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isRecording {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            Issue.record(
                "recorded \(relativePath); review it with git diff and run again without \(recordVariable)",
                sourceLocation: sourceLocation)
            return
        }
        let expected = try contents()
        #expect(
            actual == expected, "\(relativePath) differs; rerun with \(recordVariable)=1 if the change is intended",
            sourceLocation: sourceLocation)
    }
}
