import Foundation
import RedlineTestSupport
import Testing

/// The command line behaves like the tools people know: `-` for standard input, `--color` with
/// `NO_COLOR` and `CLICOLOR_FORCE`, and `CI=false` is not CI.
struct CLIConventionsTests {
    static let example = "examples/records/approve-lawful-interception.xml"

    @Test func checkReadsOneRecordFromStandardInput() throws {
        let record = try String(contentsOfFile: Repository.path(Self.example), encoding: .utf8)
        let result = try CLIRunner.run(["check", "-", "--as-of", "2024-04-01"], stdin: record)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<stdin>: APPROVE  score 100/100"), "\(result.stdout.prefix(200))")
        // The same verdict as from the file.
        let file = try CLIRunner.run(["check", Self.example, "--as-of", "2024-04-01", "--format", "json"])
        let piped = try CLIRunner.run(["check", "-", "--as-of", "2024-04-01", "--format", "json"], stdin: record)
        #expect(
            piped.stdout.replacingOccurrences(of: "\"<stdin>\"", with: "\"\(Self.example)\"") == file.stdout)
    }

    @Test func standardInputIsBoundedAndGivenOnce() throws {
        let record = try String(contentsOfFile: Repository.path(Self.example), encoding: .utf8)
        let large = try CLIRunner.run(["check", "-", "--max-bytes", "100", "--as-of", "2024-04-01"], stdin: record)
        #expect(large.status == 2)
        #expect(large.stdout.contains("<stdin>: ERROR too-large"), "\(large.stdout)")
        #expect(large.stdout.contains("standard input holds more than the limit of 100 bytes"), "\(large.stdout)")
        let twice = try CLIRunner.run(["check", "-", "-"], stdin: record)
        #expect(twice.status == 64)
        #expect(twice.stderr.contains("can be given once"), "\(twice.stderr)")
    }

    struct Colour: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var environment: [String: String]
        var coloured: Bool
        var testDescription: String { "\(arguments) \(environment) → \(coloured ? "colour" : "plain")" }
    }

    /// Standard output is a pipe here: `auto` is plain unless `CLICOLOR_FORCE` forces it, and
    /// `NO_COLOR` wins over `CLICOLOR_FORCE`; `always` and `never` decide whatever is set.
    @Test(arguments: [
        Colour(arguments: [], environment: ["NO_COLOR": ""], coloured: false),
        Colour(arguments: [], environment: ["NO_COLOR": "", "CLICOLOR_FORCE": "1"], coloured: true),
        Colour(arguments: [], environment: ["NO_COLOR": "", "CLICOLOR_FORCE": "0"], coloured: false),
        Colour(arguments: [], environment: ["NO_COLOR": "1", "CLICOLOR_FORCE": "1"], coloured: false),
        Colour(arguments: ["--color", "always"], environment: ["NO_COLOR": "1"], coloured: true),
        Colour(
            arguments: ["--color", "never"], environment: ["NO_COLOR": "", "CLICOLOR_FORCE": "1"], coloured: false),
    ])
    func colourFollowsTheOptionAndTheEnvironment(_ case_: Colour) throws {
        let record = "examples/records/licence-without-limits.xml"
        let result = try CLIRunner.run(
            ["check", record, "--as-of", "2024-04-01"] + case_.arguments, environment: case_.environment)
        #expect(result.stdout.contains("\u{1B}[") == case_.coloured, "\(result.stdout.prefix(300))")
        #expect(result.stdout.contains("licence-without-limits.xml"))
    }

    /// The progress bar shows on a terminal (here a pseudo-terminal made by script(1)) unless CI is
    /// set to something true; `CI=false` is not CI.
    @Test(arguments: [("false", true), ("0", true), ("true", false), ("1", false)])
    func ciFalseIsNotCI(_ value: String, _ shown: Bool) throws {
        let command =
            "CI=\(value) \(CLIRunner.binary.path) audit examples/records --as-of 2024-04-01 --fail-on never > /dev/null"
        let result = try CLIRunner.run(
            ["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(result.stdout.contains("records") == shown, "CI=\(value): \(result.stdout.suffix(200))")
    }
}

/// `redline completions SHELL` prints a script the shell accepts, completing the subcommands.
struct CompletionsTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptNamesTheSubcommands(_ shell: String) throws {
        let result = try CLIRunner.run(["completions", shell])
        #expect(result.status == 0)
        for subcommand in ["check", "audit", "rules", "explain", "lists", "screen", "completions"] {
            #expect(result.stdout.contains(subcommand), "\(shell): no \(subcommand)")
        }
        if shell == "bash" {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("redline-completion.bash")
            try result.stdout.write(to: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: path) }
            // bash parses it, and after sourcing it completes `redline ch` with `check`.
            let check = try CLIRunner.run(
                [
                    "-c",
                    "source \(path.path) && COMP_WORDS=(redline ch) COMP_CWORD=1 COMP_LINE='redline ch' COMP_POINT=10 "
                        + "&& _redline && printf '%s\\n' \"${COMPREPLY[@]}\"",
                ], executable: URL(fileURLWithPath: "/bin/bash"))
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout.split(separator: "\n").contains("check"), "\(check.stdout)")
        }
    }

    @Test func anUnknownShellIsAUsageError() throws {
        let result = try CLIRunner.run(["completions", "powershell"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("bash"), "\(result.stderr)")
    }
}

/// Every command's `--help` shows an example of its use.
struct HelpExamplesTests {
    @Test(arguments: [
        ["check"], ["audit"], ["explain"], ["rules"], ["rules", "lint"], ["rules", "test"], ["rules", "doc"],
        ["rules", "show"], ["lists"], ["lists", "import"], ["lists", "show"], ["lists", "diff"], ["screen"],
        ["completions"], ["new"], ["timeline"],
    ])
    func helpShowsAnExample(_ command: [String]) throws {
        let result = try CLIRunner.run(command + ["--help"])
        #expect(result.status == 0)
        let example = try #require(
            result.stdout.firstMatch(of: /Examples?:\s+(redline|cat|git)[^\n]*/), "\(command): no example")
        #expect(example.output.0.contains("redline \(command.joined(separator: " "))"), "\(example.output.0)")
    }
}
