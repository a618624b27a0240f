import ArgumentParser
import RedlineKit

/// `redline rules doc PATH`: Markdown documentation of a rule set.
struct RulesDocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: "Print Markdown documentation of a rule set (the generator of docs/rules.md)."
    )

    @OptionGroup var ruleSet: RuleSetArgument

    func run() throws {
        Terminal.write(RuleDocumentation.markdown(try ruleSet.load()))
    }
}
