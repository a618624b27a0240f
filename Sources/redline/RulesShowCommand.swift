import ArgumentParser
import RedlineKit

/// `redline rules show PATH`: the effective rule set after composition.
struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract:
            "Print the effective rule set after <extends>, <override> and <disable>: every rule in force and its "
            + "origin.",
        discussion: "Example: redline rules show examples/rulesets/bg-national.xml"
    )

    @OptionGroup var ruleSet: RuleSetArgument

    func run() throws {
        Terminal.write(EffectiveRuleSetRenderer().render(try ruleSet.load()))
    }
}
