import Foundation
import RedlineTestSupport
import Testing

/// `redline --version` says what was built: redline's version, the embedded rule set, the libxml2
/// the process runs with and the commit.
struct VersionTests {
    @Test func versionNamesTheRuleSetLibxml2AndTheCommit() throws {
        let result = try CLIRunner.run(["--version"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(result.stdout)")
        #expect(lines.first?.wholeMatch(of: /redline \d+\.\d+\.\d+/) != nil, "\(result.stdout)")
        #expect(lines.dropFirst().first == "rules redline-default 1.0.0 (embedded)")
        // The version libxml2 itself reports at run time, as xmllint prints it ("20914").
        let xmllint = try CLIRunner.run(["--version"], executable: URL(fileURLWithPath: "/usr/bin/xmllint"))
        let number = try #require((xmllint.stdout + xmllint.stderr).firstMatch(of: /libxml version (\d+)/)?.1)
        let code = try #require(Int(number))
        #expect(lines.dropFirst(2).first == "libxml2 \(code / 10000).\(code / 100 % 100).\(code % 100)")
        let commit = try #require(lines.last?.firstMatch(of: /^commit ([0-9a-f]{12}|unknown)$/)?.1)
        // Built from this checkout: the commit is git's HEAD (when git and .git are there).
        let git = try? CLIRunner.run(
            ["-C", Repository.path(""), "rev-parse", "--short=12", "HEAD"],
            executable: URL(fileURLWithPath: "/usr/bin/git"))
        if let git, git.status == 0 {
            #expect(String(commit) == git.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
