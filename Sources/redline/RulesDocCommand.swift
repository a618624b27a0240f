import ArgumentParser
import RedlineKit

/// `redline rules doc PATH`: Markdown documentation of a rule set.
struct RulesDocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: "Print Markdown documentation of a rule set (the generator of docs/rules.md).",
        discussion: """
            For a rule set that extends another, the documentation starts with its composition: the \
            extended rule set, each override with its reason and each disabled rule with its reason.

            Example: redline rules doc examples/rulesets/bg-national.xml > national-rules.md
            """
    )

    @OptionGroup var ruleSet: RuleSetArgument

    func run() throws {
        let rules = try ruleSet.load()
        Terminal.write(RuleDocumentation.markdown(rules, extended: RuleDocumentation.extendedRuleSet(of: rules)))
    }
}
