/// File names as the kernel has them (bytes) carried in Swift strings without loss.
///
/// Linux file names are bytes, not always valid UTF-8. Decoded with replacement, a name with an
/// invalid byte names no file ("No such file"), and two names that differ only there become one
/// string. Here a byte that is not part of valid UTF-8 becomes one scalar of U+10FF80…U+10FFFF
/// (private use; the byte plus U+10FF00), and so does each byte of a valid scalar in that range,
/// so decoding is one-to-one and ``withCString(_:_:)`` gives back exactly the original bytes.
/// Names are shown with such bytes as `\xNN` (``display(_:)``).
public enum FileSystemPath {
    /// The first scalar that stands for a raw byte (U+10FF80 stands for 0x80).
    static let escapeBase: UInt32 = 0x10_FF00
    static let escapes: ClosedRange<UInt32> = 0x10_FF80...0x10_FFFF

    /// The name's bytes as a string, each byte that is not valid UTF-8 kept as its escape scalar.
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length > 0 {
                let scalar = String(decoding: bytes[index..<(index + length)], as: UTF8.self).unicodeScalars.first!
                if escapes.contains(scalar.value) {
                    for byte in bytes[index..<(index + length)] { scalars.append(escape(byte)) }
                } else {
                    scalars.append(scalar)
                }
                index += length
            } else {
                scalars.append(escape(bytes[index]))
                index += 1
            }
        }
        return String(scalars)
    }

    /// The NUL-terminated name (bytes) of a C string, decoded.
    public static func decode(cString: UnsafePointer<CChar>) -> String {
        var count = 0
        while cString[count] != 0 { count += 1 }
        return cString.withMemoryRebound(to: UInt8.self, capacity: count) {
            decode(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// The file name's bytes: escape scalars back to their byte, everything else as UTF-8.
    public static func bytes(of path: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if escapes.contains(scalar.value) {
                result.append(UInt8(scalar.value - escapeBase))
            } else {
                result.append(contentsOf: String(scalar).utf8)
            }
        }
        return result
    }

    /// Calls `body` with the file name as the NUL-terminated bytes the kernel knows it by.
    public static func withCString<R, E: Error>(_ path: String, _ body: (UnsafePointer<CChar>) throws(E) -> R)
        throws(E) -> R
    {
        let bytes = self.bytes(of: path).map { CChar(bitPattern: $0) } + [0]
        return try bytes.withUnsafeBufferPointer { buffer throws(E) in try body(buffer.baseAddress!) }
    }

    /// The name as shown to people: each byte that is not UTF-8 as `\xNN` (so two different
    /// names never look the same); everything else unchanged.
    public static func display(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: { escapes.contains($0.value) }) else { return path }
        var shown = ""
        for scalar in path.unicodeScalars {
            if escapes.contains(scalar.value) {
                let byte = UInt8(scalar.value - escapeBase)
                shown += "\\x" + String(byte, radix: 16, uppercase: true)
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    private static func escape(_ byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(escapeBase + UInt32(byte))!
    }

    /// The length of the well-formed UTF-8 sequence at `index` (RFC 3629: no overlong forms,
    /// no surrogates, nothing above U+10FFFF), or 0.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        if first < 0x80 { return 1 }
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        switch first {
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }
}
