import Foundation
import Testing

/// The library's folders depend in one direction (docs/architecture.md): a file may use the types
/// of its own folder and of the folders below it, never of one above. RedlineXML, the module
/// below them all, is the only one that imports libxml2.
struct DependencyDirectionTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Each RedlineKit folder's level: a file may name types declared at its level or below.
    static let levels: [String: Int] = [
        "Model": 1, "Rules": 2, "Traceability": 3, "Engine": 3,
        "Audit": 4, "Reporting": 4, "Authoring": 4, "Docs": 4, "Screening": 4, "Configuration": 5,
    ]

    struct SourceFile {
        var path: String
        var folder: String
        var text: String
    }

    static func swiftFiles(under directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path }
    }

    static func kitFiles() throws -> [SourceFile] {
        let kit = sources.appendingPathComponent("RedlineKit")
        return try swiftFiles(under: kit).map { url in
            let relative = String(url.path.dropFirst(kit.path.count + 1))
            let folder = relative.contains("/") ? String(relative.prefix { $0 != "/" }) : ""
            return SourceFile(path: relative, folder: folder, text: try String(contentsOf: url, encoding: .utf8))
        }
    }

    /// The code of a file without comments and string literals (what names it really uses).
    static func code(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var inString = false
            var previous: Character = " "
            var kept = ""
            for character in line {
                if !inString, character == "/", previous == "/" {
                    kept.removeLast()
                    break
                }
                if character == "\"" { inString.toggle() } else if !inString { kept.append(character) }
                previous = character
            }
            out += kept + "\n"
        }
        return out
    }

    /// The top-level types a file declares.
    static func declaredTypes(_ text: String) -> [String] {
        let pattern = /(?m)^(?:public |package |final |indirect )*(?:struct|class|enum|protocol|actor|typealias) (\w+)/
        return code(text).matches(of: pattern).map { String($0.output.1) }
    }

    static func identifiers(_ text: String) -> Set<String> {
        Set(code(text).matches(of: /\b[A-Z]\w*\b/).map { String($0.output) })
    }

    @Test func everyFolderHasALevel() throws {
        for file in try Self.kitFiles() where !file.folder.isEmpty {
            #expect(
                Self.levels[file.folder] != nil, "\(file.path): add its folder to docs/architecture.md and this test")
        }
    }

    @Test func noFileUsesATypeOfAHigherFolder() throws {
        let files = try Self.kitFiles()
        var owner: [String: (folder: String, level: Int)] = [:]
        for file in files {
            guard let level = Self.levels[file.folder] else { continue }
            for type in Self.declaredTypes(file.text) { owner[type] = (file.folder, level) }
        }
        #expect(
            owner["Engine"]?.folder == "Engine" && owner["RuleSet"]?.folder == "Rules", "the scan finds declarations")
        var violations: [String] = []
        for file in files {
            guard let level = Self.levels[file.folder] else { continue }
            for name in Self.identifiers(file.text).sorted() {
                guard let declared = owner[name], declared.level > level else { continue }
                violations.append("\(file.path) uses \(name) from \(declared.folder)/")
            }
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    @Test func onlyTheXMLTargetImportsLibXML2() throws {
        var importers: [String] = []
        for url in Self.swiftFiles(under: Self.sources) {
            let text = try String(contentsOf: url, encoding: .utf8)
            if text.contains("import CLibXML2") {
                importers.append(String(url.path.dropFirst(Self.sources.path.count + 1)))
            }
        }
        #expect(!importers.isEmpty)
        #expect(
            importers.allSatisfy { $0.hasPrefix("RedlineXML/") }, "\(importers.filter { !$0.hasPrefix("RedlineXML/") })"
        )
    }
}
