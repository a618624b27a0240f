import ArgumentParser
import Foundation
import RedlineKit

/// `redline rules lint PATH`: every problem of a rule set, with its place and a fix.
struct RulesLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a rule set: schema, XPath, functions, lists, ids, demands, citations, examples, suspicious patterns.",
        discussion: """
            Prints `file:line:col: error|warning: message` with a `fix:` line for each problem. \
            Exits 3 when there is an error, 0 otherwise (warnings alone do not fail).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var ruleSet: RuleSetArgument

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder of the letters citations must quote (default: seeds/ if it exists, else the built-in letters).", valueName: "dir"))
    var seeds: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Demand catalogue to check demand ids against (default: the built-in rules/demands.xml).", valueName: "file"))
    var demands: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let seedLibrary: SeedLibrary
        let catalogue: DemandCatalogue
        do throws(RedlineError) {
            if let seeds {
                seedLibrary = try SeedLibrary(directory: seeds)
            } else if FileManager.default.fileExists(atPath: "seeds") {
                seedLibrary = try SeedLibrary(directory: "seeds")
            } else {
                seedLibrary = .builtIn
            }
            if let demands {
                catalogue = try DemandCatalogue.load(path: demands)
            } else {
                catalogue = try DemandCatalogue.loadDefault()
            }
        } catch {
            Terminal.error(error.description)
            throw ExitCode(ExitStatus.usage)
        }
        let linter = RuleSetLinter(catalogue: catalogue, seeds: seedLibrary)
        let problems =
            if let path = ruleSet.path {
                linter.lint(path: path)
            } else {
                linter.lint(path: BuiltIn.defaultRuleSetPath, source: .embedded)
            }
        let errors = problems.filter { $0.level == .error }.count
        let warnings = problems.count - errors
        switch format {
        case .text:
            var out = problems.map { $0.description + "\n" }.joined()
            out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
            Terminal.write(out)
        case .json:
            struct Output: Encodable {
                var errors: Int
                var warnings: Int
                var problems: [Problem]
            }
            struct Problem: Encodable {
                var level: String
                var file: String
                var line: Int
                var column: Int
                var message: String
                var suggestion: String?
            }
            let output = Output(
                errors: errors, warnings: warnings,
                problems: problems.map {
                    Problem(
                        level: $0.level.rawValue, file: $0.position.file, line: $0.position.line, column: $0.position.column,
                        message: $0.message, suggestion: $0.suggestion)
                })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Terminal.write(String(decoding: try encoder.encode(output), as: UTF8.self) + "\n")
        }
        if errors > 0 { throw ExitCode(ExitStatus.badRules) }
    }
}
