import CLibXML2

/// XPath 1.0's string functions that search one string for another (§4.2), in time linear in
/// both lengths. libxml2 2.9.14 searches by trying every position (`xmlStrstr`) and translates by
/// scanning the `from` string for every character, so a long pattern in a long value costs the
/// product of the lengths; both of redline's evaluators use these instead.
enum XPathStrings {
    /// `contains(text, pattern)`.
    static func contains(_ text: String, _ pattern: String) -> Bool {
        offset(of: pattern, in: text) != nil
    }

    /// `substring-before(text, separator)`: empty when the separator does not occur (or is empty).
    static func substring(of text: String, before separator: String) -> String {
        guard let offset = offset(of: separator, in: text) else { return "" }
        return String(decoding: text.utf8.prefix(offset), as: UTF8.self)
    }

    /// `substring-after(text, separator)`: empty when the separator does not occur; all of the
    /// text when it is empty.
    static func substring(of text: String, after separator: String) -> String {
        guard let offset = offset(of: separator, in: text) else { return "" }
        return String(decoding: text.utf8.dropFirst(offset + separator.utf8.count), as: UTF8.self)
    }

    /// `translate(text, from, to)`: each character of `text` found in `from` is replaced by the
    /// character at the same position in `to`, or removed when `to` is shorter; the first
    /// occurrence in `from` counts. Characters are Unicode scalars, as in libxml2.
    static func translate(_ text: String, from: String, to: String) -> String {
        guard !from.isEmpty else { return text }
        let replacements = Array(to.unicodeScalars)
        var map: [Unicode.Scalar: Unicode.Scalar?] = [:]
        for (index, scalar) in from.unicodeScalars.enumerated() where map[scalar] == nil {
            map[scalar] = index < replacements.count ? replacements[index] : .some(nil)
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard let replacement = map[scalar] else {
                result.append(scalar)
                continue
            }
            if let replacement { result.append(replacement) }
        }
        return String(result)
    }

    /// The UTF-8 offset of the first occurrence of `pattern` in `text` (0 for an empty pattern).
    static func offset(of pattern: String, in text: String) -> Int? {
        var text = text
        var pattern = pattern
        return text.withUTF8 { text in
            pattern.withUTF8 { pattern in offset(of: UnsafeRawBufferPointer(pattern), in: UnsafeRawBufferPointer(text))
            }
        }
    }

    /// The byte offset of the first occurrence of `pattern` in `text` (0 for an empty pattern), in
    /// time linear in both lengths (glibc's two-way `memmem`: a 30 KB phrase in a 1 MB text costs
    /// one pass). The one byte search of redline's functions and lists.
    static func offset(of pattern: UnsafeRawBufferPointer, in text: UnsafeRawBufferPointer) -> Int? {
        guard !pattern.isEmpty else { return 0 }
        guard text.count >= pattern.count else { return nil }
        let found = redline_find(text.baseAddress, text.count, pattern.baseAddress, pattern.count)
        return found < 0 ? nil : found
    }
}
