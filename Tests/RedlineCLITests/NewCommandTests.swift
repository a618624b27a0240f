import Foundation
import RedlineTestSupport
import Testing

/// `redline new application|licence [--kind K] [--output FILE [--force]]`.
struct NewCommandTests {
    static let kinds = ["individual", "global", "general", "large-project", "marketing"]

    /// The template as printed is schema-valid: `redline check` gives findings and a verdict, no schema error.
    @Test(arguments: ["application", "licence"], kinds)
    func theTemplateChecksWithoutSchemaErrors(_ stage: String, _ kind: String) throws {
        let new = try CLIRunner.run(["new", stage, "--kind", kind])
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout.contains(#"<?xml-model href="rules/schemas/licence-record-1.xsd""#))
        #expect(new.stdout.contains(#"stage="\#(stage)""#) && new.stdout.contains(#"kind="\#(kind)""#))
        #expect(new.stdout.contains("(required)"))
        let check = try CLIRunner.run(["check", "-", "--as-of", "2026-01-01", "--format", "json"], stdin: new.stdout)
        #expect(check.status == 1, "a template is not a clean record: \(check.stderr)")
        #expect(check.stdout.contains(#""status" : "evaluated""#), "\(check.stdout.prefix(2000))")
        #expect(check.stdout.contains(#""kind" : "fail""#))
        #expect(!check.stdout.contains(#""kind" : "schema""#), "schema findings: \(check.stdout.prefix(2000))")
    }

    @Test func outputWritesANewFileAndRefusesToOverwriteWithoutForce() throws {
        let file = try TemporaryFolder.make().appendingPathComponent("my-licence.xml").path
        let first = try CLIRunner.run(["new", "licence", "--output", file])
        #expect(first.status == 0 && first.stdout.isEmpty, "\(first.stderr)")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written == (try CLIRunner.run(["new", "licence"])).stdout)

        try "mine".write(toFile: file, atomically: true, encoding: .utf8)
        let again = try CLIRunner.run(["new", "application", "--output", file])
        #expect(again.status == 64)
        #expect(again.stderr.contains("exists") && again.stderr.contains("--force"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "mine")

        let forced = try CLIRunner.run(["new", "application", "--output", file, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains(#"stage="application""#))
    }

    @Test func anUnknownKindNamesTheAllowedKinds() throws {
        let result = try CLIRunner.run(["new", "licence", "--kind", "bespoke"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown kind 'bespoke'"))
        for kind in Self.kinds { #expect(result.stderr.contains(kind), "\(kind) not named") }
    }

    @Test func anUnknownStageIsAUsageError() throws {
        let result = try CLIRunner.run(["new", "determination"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("application") && result.stderr.contains("licence"))
    }
}
