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
        version: Redline.versionText,
        subcommands: [
            CheckCommand.self, AuditCommand.self, RulesCommand.self, ExplainCommand.self, ListsCommand.self,
            ScreenCommand.self, NewCommand.self, TimelineCommand.self, CompletionsCommand.self,
        ]
    )

    /// Runs the command line with each argument decoded from its bytes as file names are
    /// (``FileSystemPath``): a path that is not valid UTF-8 reaches the file it names, where
    /// `CommandLine.arguments` would have replaced its odd bytes with U+FFFD.
    static func main() {
        let arguments = (1..<Int(CommandLine.argc)).map { index in
            CommandLine.unsafeArgv[index].map { FileSystemPath.decode(cString: $0) } ?? ""
        }
        main(arguments)
    }
}
