/// HTML text: ``OutputEscaping/html(_:)``. Every value from a record, a rule set or a list is
/// interpolated as data, so no tag, attribute, entity or URL can come from it.
enum HTMLStyle: EscapingStyle {
    static func escape(_ text: String) -> String { OutputEscaping.html(text) }
}

/// A fragment of an HTML report, built from the template's literals and escaped values.
typealias HTMLText = EscapedText<HTMLStyle>

extension OutputEscaping {
    /// Data in HTML text or a quoted attribute value: `& < > " '` as character references, and
    /// control and invisible characters (bidirectional overrides among them) shown as
    /// `\u{…}`, as in a terminal; line breaks stay line breaks. The result is text wherever the
    /// template puts it (an element's content or a double-quoted attribute), never markup.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if let shown = visible(scalar) { out += shown } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
