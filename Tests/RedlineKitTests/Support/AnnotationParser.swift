import Foundation

/// Parses workflow-command annotations the way actions/runner does (ActionCommand.TryParseV2,
/// IssueCommandExtension.ValidateLinesAndColumns; ci-formats.md §3.1), as the project's own
/// check. Mirrors ../shared/tools/gh_annotations_check.py.
enum AnnotationParser {
    struct Annotation: Equatable {
        var command: String
        var properties: [String: String]
        var message: String
    }

    static func unescapeProperty(_ text: String) -> String {
        text.replacing("%0D", with: "\r").replacing("%0A", with: "\n").replacing("%3A", with: ":")
            .replacing("%2C", with: ",").replacing("%25", with: "%")
    }

    static func unescapeData(_ text: String) -> String {
        text.replacing("%0D", with: "\r").replacing("%0A", with: "\n").replacing("%25", with: "%")
    }

    /// The annotations in `output` and the problems the runner would have with them.
    static func parse(_ output: String) -> (annotations: [Annotation], problems: [String]) {
        var annotations: [Annotation] = []
        var problems: [String] = []
        let known: Set<String> = ["file", "line", "endline", "col", "endcolumn", "title"]
        for (number, raw) in output.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            guard line.hasPrefix("::"), let end = line.dropFirst(2).range(of: "::") else { continue }
            let info = line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound]
            let name = String(info.prefix { $0 != " " })
            guard ["error", "warning", "notice"].contains(name.lowercased()) else { continue }
            var properties: [String: String] = [:]
            for fragment in info.dropFirst(name.count).split(separator: ",")
            where !fragment.trimmingCharacters(in: .whitespaces).isEmpty {
                let parts = fragment.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                guard parts.count == 2, !parts[1].isEmpty else {
                    problems.append("line \(number + 1): fragment '\(fragment)' dropped")
                    continue
                }
                let key = String(parts[0])
                if !known.contains(key.lowercased()) { problems.append("line \(number + 1): unknown property \(key)") }
                properties[key] = unescapeProperty(String(parts[1]))
            }
            let message = unescapeData(String(line[end.upperBound...]))
            if properties["file"] == nil { problems.append("line \(number + 1): no file=") }
            if properties["file"]?.hasPrefix("/") == true { problems.append("line \(number + 1): absolute file=") }
            if let value = properties["line"], (Int(value) ?? 0) < 1 {
                problems.append("line \(number + 1): line=\(value)")
            }
            if message.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("line \(number + 1): empty message")
            }
            annotations.append(Annotation(command: name, properties: properties, message: message))
        }
        return (annotations, problems)
    }
}
