import Foundation
import RedlineTestSupport
import Testing

/// Runs the `sh` blocks of docs/writing-rules.md marked `<!-- tutorial-test -->` (optionally
/// `<!-- tutorial-test exit=N -->`), in order, as written, with the built `redline` first on
/// PATH, in a scratch folder that links the repository's examples, rules and seeds.
struct TutorialTests {
    struct Block {
        var line: Int
        var script: String
        var exit: Int32
        /// The lines of the plain ``` block shown right after the command, if any: each one
        /// without an ellipsis must appear in the output.
        var shownOutput: [String] = []
    }

    static func blocks() throws -> [Block] {
        let text = try String(
            contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("docs/writing-rules.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("<!-- tutorial-test"), index + 1 < lines.count, lines[index + 1] == "```sh" {
                var exit: Int32 = 0
                if let range = line.range(of: "exit=") {
                    exit = Int32(line[range.upperBound...].prefix { $0.isNumber }) ?? -1
                }
                var body: [String] = []
                var end = index + 2
                while end < lines.count, lines[end] != "```" {
                    body.append(lines[end])
                    end += 1
                }
                var block = Block(line: index + 1, script: body.joined(separator: "\n"), exit: exit)
                var next = end + 1
                while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
                if next < lines.count, lines[next] == "```" {
                    var shown = next + 1
                    while shown < lines.count, lines[shown] != "```" {
                        block.shownOutput.append(lines[shown])
                        shown += 1
                    }
                }
                blocks.append(block)
                index = end
            }
            index += 1
        }
        return blocks
    }

    @Test func theTutorialHasItsStepsMarked() throws {
        let blocks = try Self.blocks()
        #expect(blocks.count >= 8)
        #expect(blocks.filter { !$0.shownOutput.isEmpty }.count >= 4, "outputs shown in the tutorial are checked")
    }

    @Test func everyTutorialCommandRunsAsWritten() throws {
        let folder = try TemporaryFolder.make("redline-tutorial")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["examples", "rules", "seeds"] {
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(name),
                withDestinationURL: CLIRunner.repositoryRoot.appendingPathComponent(name))
        }
        let binaryFolder = CLIRunner.binary.deletingLastPathComponent().path
        for block in try Self.blocks() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-e", "-o", "pipefail", "-c", block.script]
            process.currentDirectoryURL = folder
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = binaryFolder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            environment["NO_COLOR"] = "1"
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            for shown in block.shownOutput where !shown.contains("…") && !shown.isEmpty {
                #expect(
                    text.contains(shown),
                    Comment(
                        rawValue: "docs/writing-rules.md:\(block.line): the output shown has '\(shown)', the command "
                            + "printed:\n\(text)")
                )
            }
            #expect(
                process.terminationStatus == block.exit,
                Comment(
                    rawValue: "docs/writing-rules.md:\(block.line): exit \(process.terminationStatus), expected "
                        + "\(block.exit)\n\(String(decoding: data, as: UTF8.self))")
            )
        }
    }
}
