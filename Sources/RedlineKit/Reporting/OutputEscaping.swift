/// How data (paths, record values, rule messages, waivers, error messages) is written into each
/// kind of human-readable output, one function per kind (docs/security.md, "Reports are inert").
/// Reporters do not call these directly: they build their output as ``TerminalText`` or
/// ``MarkdownText``, whose interpolations go through them, so a new call site cannot forget.
public enum OutputEscaping {
    /// Data for a terminal or a CI log, one value: control characters shown escaped, and no
    /// workflow command can be formed from it.
    ///
    /// - LF, CR and TAB become `\n`, `\r` and `\t`; every other C0 control, DEL and every C1
    ///   control becomes `\u{XX}` (upper-case hex, as Swift writes it: ESC is `\u{1B}`, the C1
    ///   CSI `\u{9B}`); so do the invisible characters that reorder or break lines: the
    ///   bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
    ///   U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators (U+2028, U+2029).
    /// - A `:` that begins the value, after any leading spaces, becomes `\u{3A}`: data that
    ///   starts a line can never start it with `::` (GitHub's runner trims leading whitespace
    ///   before it looks for a command).
    /// - The `[` of `##[` (GitHub's legacy command prefix, found anywhere in a line) and of
    ///   `##vso[` (Azure Pipelines', any case) becomes `\u{5B}`.
    ///
    /// Everything else, backslashes included, is kept: the result is for reading, not a
    /// reversible encoding (the JSON and SARIF reports have the exact value).
    public static func terminal(_ text: String) -> String { neutralised(text, startsLine: true) }

    /// Data that never starts a line: as ``terminal(_:)``, except that a leading `:` is kept.
    /// For the `file` property of a GitHub annotation (before actions/toolkit's own escaping,
    /// which escapes `:` there) and for Markdown, whose lines always start with the template.
    static func inLine(_ text: String) -> String { neutralised(text, startsLine: false) }

    /// Data in Markdown text (a table cell, a paragraph, a list item): ``inLine(_:)``, then a
    /// backslash before every character that could start Markdown or HTML: `` \ ` * _ [ ] < > | ~ & $ ``.
    /// No link, image, emphasis, code span, math, entity or HTML tag can come from data, a table
    /// cell cannot be split, and it renders as the text itself.
    public static func markdown(_ text: String) -> String {
        let text = inLine(text)
        guard text.unicodeScalars.contains(where: isMarkdownSyntax) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isMarkdownSyntax(scalar) { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Data as Markdown inline code: ``inLine(_:)``, `|` escaped for table cells, fenced with one
    /// backtick more than the longest run inside (and padded with spaces where CommonMark would
    /// otherwise eat them), so the code span cannot be closed early. Inside it, Markdown and
    /// HTML are shown as they are.
    public static func markdownCode(_ text: String) -> String {
        let text = inLine(text).replacingAll("|", with: "\\|")
        var longest = 0
        var run = 0
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let allSpaces = text.unicodeScalars.allSatisfy { $0 == " " }
        let pad =
            text.hasPrefix("`") || text.hasSuffix("`") || text.isEmpty
            || (text.hasPrefix(" ") && text.hasSuffix(" ") && !allSpaces)
        return pad ? "\(fence) \(text) \(fence)" : "\(fence)\(text)\(fence)"
    }

    // MARK: - Implementation

    /// ``terminal(_:)``; `startsLine` false leaves out the rule for a leading `:` (``inLine(_:)``).
    private static func neutralised(_ text: String, startsLine: Bool) -> String {
        guard needsWork(text, startsLine: startsLine) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        let scalars = Array(text.unicodeScalars)
        var leading = startsLine
        for (index, scalar) in scalars.enumerated() {
            if let escaped = escape(scalar) {
                out += escaped
                leading = false
            } else if leading, scalar == ":" {
                out += "\\u{3A}"
                leading = false
            } else if scalar == "[", isCommandPrefix(scalars, before: index) {
                out += "\\u{5B}"
                leading = false
            } else {
                leading = leading && scalar.properties.isWhitespace
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `text` has anything ``neutralised(_:startsLine:)`` changes (the common case is
    /// no: one pass without allocating).
    private static func needsWork(_ text: String, startsLine: Bool) -> Bool {
        var leading = startsLine
        var hashes = 0
        var sawHashes = false
        for scalar in text.unicodeScalars {
            if escape(scalar) != nil { return true }
            if leading, scalar == ":" { return true }
            // A `[` after `##` somewhere before it: the full pass decides (`##[`, `##vso[`).
            if scalar == "[", sawHashes { return true }
            hashes = scalar == "#" ? hashes + 1 : 0
            sawHashes = sawHashes || hashes >= 2
            leading = leading && scalar.properties.isWhitespace
        }
        return false
    }

    /// Whether the `[` at `index` ends `##[` or `##vso[` (any case).
    private static func isCommandPrefix(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        func matches(_ prefix: String) -> Bool {
            let prefix = Array(prefix.unicodeScalars)
            guard index >= prefix.count else { return false }
            return zip(scalars[(index - prefix.count)..<index], prefix).allSatisfy { actual, expected in
                actual.properties.lowercaseMapping == String(expected)
            }
        }
        return matches("##") || matches("##vso")
    }

    /// How a control or invisible character is shown; nil for every other character.
    static func visible(_ scalar: Unicode.Scalar) -> String? { escape(scalar) }

    private static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
            return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: return nil
        }
    }

    private static func isMarkdownSyntax(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$": true
        default: false
        }
    }
}

extension RedlineError {
    /// ``description`` with the path, message and suggestion escaped for a terminal
    /// (``OutputEscaping/terminal(_:)``): what a command prints to standard error.
    public var terminalDescription: String {
        var text: TerminalText = "\(position): error: \(message)"
        if let suggestion { text += "\n  fix: \(suggestion)" }
        return text.text
    }
}
