import ArgumentParser
import Foundation
import RedlineKit

/// `redline rules …`: tools for writing rule sets.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Lint, test, document and show rule sets.",
        discussion: "Example: redline rules lint my-rules.xml && redline rules test my-rules.xml --examples records/",
        subcommands: [RulesLintCommand.self, RulesTestCommand.self, RulesDocCommand.self, RulesShowCommand.self]
    )
}

/// The rule set a `rules` subcommand works on.
struct RuleSetArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The rule set's main file (default: the built-in rule set).", valueName: "path"))
    var path: String?

    /// Loads the rule set, printing its error and exiting with the bad-rules status on failure.
    func load() throws -> RuleSet {
        try loadRules(at: path)
    }
}
