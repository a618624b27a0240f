import Foundation

/// Normalises party names so that spelling variants of one company match and different
/// companies do not.
///
/// Steps: fold case and diacritics (`Ś` → `s`), turn punctuation into spaces (`S.A.` → `s a`),
/// join single letters that were split by dots (`s a` → `sa`), then drop trailing corporate
/// suffixes (Ltd, Inc, S.A., EOOD, GmbH, Technologies…) while at least one word remains.
/// Matching is exact on the result: `NSO Group Technologies Ltd` and `nso group` match;
/// `NSO Grupa` or `ANSO Group` do not.
public enum NameNormalizer {
    /// Corporate-form and generic suffixes dropped from the end of a name.
    public static let suffixes: Set<String> = [
        "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "lp", "plc",
        "sa", "sas", "sarl", "srl", "spa", "ag", "gmbh", "kg", "bv", "nv", "eood", "ood", "ead", "ad", "pte",
        "pty", "oy", "ab", "as", "aps", "kft", "zrt", "sro", "doo", "jsc", "pjsc", "ojsc", "ooo", "ao", "zao", "oao",
        "pao", "sp", "zoo",
        "technologies", "technology", "tech", "holdings", "holding",
    ]

    /// The lower-case, diacritic-free words of `text`, punctuation removed, single letters joined.
    public static func words(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return join(asciiWords(text)) }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return join(words)
    }

    /// The words of an ASCII text: the result of the general path without Foundation's folding
    /// and character sets (for ASCII, folding is lower-casing and alphanumerics are [A-Za-z0-9]).
    static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte + 0x20)
            case UInt8(ascii: "'"):
                continue
            default:
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// Joins runs of single letters: "s a" (from "S.A.") becomes "sa"; "o o o" becomes "ooo".
    private static func join(_ words: [String]) -> [String] {
        var joined: [String] = []
        var run = ""
        for word in words {
            if word.count == 1 {
                run += word
            } else {
                if !run.isEmpty { joined.append(run); run = "" }
                joined.append(word)
            }
        }
        if !run.isEmpty { joined.append(run) }
        return joined
    }

    /// The comparison key of a party name.
    public static func normalize(_ name: String) -> String {
        var parts = words(name)
        while parts.count > 1, let last = parts.last, suffixes.contains(last) {
            parts.removeLast()
        }
        return parts.joined(separator: " ")
    }
}
