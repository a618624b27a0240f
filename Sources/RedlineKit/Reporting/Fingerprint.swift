/// Stable identities for findings, independent of line numbers: FNV-1a (64 bit) over the rule id,
/// the record id (or the path when the record has none) and the element path.
public enum Fingerprint {
    /// The hex FNV-1a 64 hash of `parts` joined with U+001F.
    public static func of(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 {
                hash ^= 0x1F
                hash = hash &* 0x0000_0100_0000_01B3
            }
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The identity of a finding: rule, record and element path.
    public static func finding(ruleID: String, recordID: String?, file: String, elementPath: String) -> String {
        of([ruleID, recordID ?? file, elementPath])
    }
}
