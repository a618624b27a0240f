import Testing

@testable import RedlineKit

/// File names are bytes (issue 13, item 7): decoding keeps every name distinct and gives back
/// its exact bytes; display shows the bytes that are not UTF-8 as `\xNN`.
struct FileSystemPathTests {
    struct Name: Sendable, CustomTestStringConvertible {
        let bytes: [UInt8]
        let shown: String
        var testDescription: String { shown }
    }

    static let names: [Name] = [
        Name(bytes: Array("plain.xml".utf8), shown: "plain.xml"),
        Name(bytes: Array("café-Ωmega.xml".utf8), shown: "café-Ωmega.xml"),
        Name(bytes: [0x61, 0xFF, 0x2E, 0x78], shown: "a\\xFF.x"),  // a byte never valid in UTF-8
        Name(bytes: [0x61, 0xC3], shown: "a\\xC3"),  // a truncated sequence at the end
        Name(bytes: [0xC3, 0x28], shown: "\\xC3("),  // a lead byte without its continuation
        Name(bytes: [0xC0, 0xAF], shown: "\\xC0\\xAF"),  // an overlong "/"
        Name(bytes: [0xED, 0xA0, 0x80], shown: "\\xED\\xA0\\x80"),  // a UTF-16 surrogate
        Name(bytes: [0xF4, 0x90, 0x80, 0x80], shown: "\\xF4\\x90\\x80\\x80"),  // above U+10FFFF
        Name(bytes: [0x80, 0x80], shown: "\\x80\\x80"),  // continuation bytes alone
        // A valid scalar in the escape range (U+10FF80) is escaped too, so decoding stays one-to-one.
        Name(bytes: [0xF4, 0x8F, 0xBE, 0x80], shown: "\\xF4\\x8F\\xBE\\x80"),
    ]

    @Test(arguments: names)
    func decodingGivesBackTheBytes(_ name: Name) {
        let decoded = FileSystemPath.decode(name.bytes)
        #expect(FileSystemPath.bytes(of: decoded) == name.bytes)
        #expect(FileSystemPath.display(decoded) == name.shown)
        let viaC = FileSystemPath.withCString(decoded) { FileSystemPath.decode(cString: $0) }
        #expect(viaC == decoded)
    }

    /// Names that replacement decoding would make equal stay different.
    @Test func differentNamesStayDifferent() {
        let decoded = Set(Self.names.map { FileSystemPath.decode($0.bytes) })
        #expect(decoded.count == Self.names.count)
        #expect(FileSystemPath.decode([0x61, 0xFE]) != FileSystemPath.decode([0x61, 0xFF]))
        #expect(String(decoding: [0x61, 0xFE], as: UTF8.self) == String(decoding: [0x61, 0xFF], as: UTF8.self))
    }
}
