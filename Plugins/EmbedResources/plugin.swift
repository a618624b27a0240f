import Foundation
import PackagePlugin

/// Embeds the default rule set (`rules/`) and the letters (`seeds/`) into RedlineKit
/// as Swift string literals, so a copied `redline` binary needs no resource bundle.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        var pairs: [String] = []
        for folder in ["rules", "seeds"] {
            let base = root.appending(path: folder)
            guard
                let walker = FileManager.default.enumerator(
                    at: base, includingPropertiesForKeys: [.isRegularFileKey])
            else { continue }
            for case let url as URL in walker {
                let ext = url.pathExtension
                guard ["xml", "xsd", "txt"].contains(ext) else { continue }
                let relative = folder + "/" + url.path.dropFirst(base.path.count + 1)
                inputs.append(url)
                pairs.append("\(relative)=\(url.path)")
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        let (commit, gitFiles) = Self.commit(of: root)
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule, schema and letter files",
                executable: try context.tool(named: "EmbedGen").url,
                arguments: [output.path, "--commit=\(commit)"] + pairs.sorted(),
                // The git files too: a new commit re-embeds its hash.
                inputFiles: inputs + gitFiles,
                outputFiles: [output]
            )
        ]
    }

    /// The commit the package is checked out at (12 hex digits), read from `.git` without running
    /// git, and the files it was read from; `unknown` outside a git checkout.
    static func commit(of root: URL) -> (String, [URL]) {
        func read(_ url: URL) -> String? {
            (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var git = root.appending(path: ".git")
        // A worktree or submodule: `.git` is a file naming the real folder.
        if let text = read(git), text.hasPrefix("gitdir:") {
            let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
            git = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appending(path: path)
        }
        let headFile = git.appending(path: "HEAD")
        guard let head = read(headFile) else { return ("unknown", []) }
        guard head.hasPrefix("ref: ") else { return (String(head.prefix(12)), [headFile]) }
        let ref = String(head.dropFirst("ref: ".count))
        // A worktree keeps its refs in the common folder.
        let common = read(git.appending(path: "commondir")).map { git.appending(path: $0) } ?? git
        for folder in [git, common] {
            let refFile = folder.appending(path: ref)
            if let hash = read(refFile), hash.count >= 12 { return (String(hash.prefix(12)), [headFile, refFile]) }
        }
        let packed = common.appending(path: "packed-refs")
        for line in (read(packed) ?? "").split(separator: "\n") where line.hasSuffix(" " + ref) {
            return (String(line.prefix(12)), [headFile, packed])
        }
        return ("unknown", [headFile])
    }
}
