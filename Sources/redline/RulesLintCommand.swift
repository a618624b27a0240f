import ArgumentParser
import Foundation
import RedlineKit

/// `redline rules lint PATH`: every problem of a rule set, with its place and a fix.
struct RulesLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract:
            "Check a rule set: schema, XPath, functions, lists, ids, demands, citations, examples, suspicious "
            + "patterns.",
        discussion: """
            Prints `file:line:col: error|warning: message` with a `fix:` line for each problem. \
            Exits 3 when there is an error, 0 otherwise (warnings alone do not fail).

            Example: redline rules lint examples/rulesets/bg-national.xml
            """
    )

    @OptionGroup var ruleSet: RuleSetArgument

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder of the letters citations must quote (default: seeds/ if it exists, else the built-in letters).",
            valueName: "dir"))
    var seeds: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Demand catalogue to check demand ids against (default: the built-in rules/demands.xml).", valueName: "file"
        ))
    var demands: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: TextOrJSON = .text

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
        let renderer = LintReportRenderer()
        Terminal.write(format == .json ? renderer.json(problems) : renderer.text(problems))
        if LintReportRenderer.errors(in: problems) > 0 { throw ExitCode(ExitStatus.badRules) }
    }
}
