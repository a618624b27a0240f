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
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule, schema and letter files",
                executable: try context.tool(named: "EmbedGen").url,
                arguments: [output.path] + pairs.sorted(),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
