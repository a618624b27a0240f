import ArgumentParser

/// `redline completions bash|zsh|fish`: the shell completion script, for the shell's completion
/// folder (README, "Shell completions").
struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Print the shell completion script for bash, zsh or fish.",
        discussion: """
            Examples:
              redline completions bash > /etc/bash_completion.d/redline
              redline completions zsh > "${fpath[1]}/_redline"
              redline completions fish > ~/.config/fish/completions/redline.fish
            """
    )

    /// A shell ArgumentParser writes completions for.
    enum Shell: String, ExpressibleByArgument, CaseIterable {
        case bash, zsh, fish

        var kind: CompletionShell {
            switch self {
            case .bash: .bash
            case .zsh: .zsh
            case .fish: .fish
            }
        }
    }

    @Argument(help: "The shell: bash, zsh or fish.")
    var shell: Shell

    func run() {
        print(RedlineCommand.completionScript(for: shell.kind), terminator: "")
    }
}
