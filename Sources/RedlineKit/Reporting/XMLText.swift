/// Escaping for XML reports (JUnit): text and attribute values. Control characters other than
/// TAB, LF and CR (those XML 1.0 forbids, and DEL and the C1 controls it allows), the
/// bidirectional controls and the line and paragraph separators are shown as in a terminal,
/// `\u{1B}` (``OutputEscaping/terminal(_:)``): JUnit messages end up in CI consoles and pages.
/// Any other character XML forbids (U+FFFE, U+FFFF; lone surrogates cannot occur in Swift
/// strings) is replaced by U+FFFD.
enum XMLText {
    /// Escaped for element content.
    static func text(_ value: String) -> String { escape(value, attribute: false) }

    /// Escaped for a double-quoted attribute value (newlines and tabs kept as character references).
    static func attribute(_ value: String) -> String { escape(value, attribute: true) }

    private static func escape(_ value: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            default:
                // TAB and LF are kept in element content (the report's own line breaks too).
                if scalar != "\n", scalar != "\t", let visible = OutputEscaping.visible(scalar) {
                    out += visible
                    continue
                }
                let v = scalar.value
                let allowed =
                    v == 0x9 || v == 0xA || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                if allowed { out.unicodeScalars.append(scalar) } else { out += "\u{FFFD}" }
            }
        }
        return out
    }
}
