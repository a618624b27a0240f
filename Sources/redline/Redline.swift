import ArgumentParser
import RedlineKit

@main
struct RedlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redline",
        abstract:
            "Check export licences for surveillance technology against the demands of civil society and UN letters.",
        discussion: """
            Exit codes: 0 every verdict clean (approve / maintain); 1 a verdict is not clean; \
            2 an input could not be evaluated (unreadable, malformed, hostile or schema-invalid record); \
            3 the rule set is invalid; 64 usage error.
            """,
        version: Redline.version,
        subcommands: [CheckCommand.self, AuditCommand.self, RulesCommand.self, ExplainCommand.self]
    )
}
