import Testing

@testable import RedlineKit

/// redline's own JSON reader for list files: strict RFC 8259, one element at a time, every
/// error at its line and column.
struct JSONReaderTests {
    static let valid: [(String, JSONInputValue)] = [
        (
            #"{"a": [1, -2.5e+3, true, false, null]}"#,
            .object(["a": .array([.number("1"), .number("-2.5e+3"), .bool(true), .bool(false), .null])])
        ),
        (#""caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \n""#, .string("café 😀 \"q\" \\ / \n")),
        ("\u{FEFF}[]", .array([])),
        (#"{"k": 1, "k": 2}"#, .object(["k": .number("1")])),
        (" \n\t[ {} ]\r\n", .array([.object([:])])),
        (#""ПАО Группа Позитив""#, .string("ПАО Группа Позитив")),
    ]

    @Test(arguments: valid.indices)
    func validTextGivesItsValue(_ index: Int) throws {
        let (text, expected) = Self.valid[index]
        var reader = JSONReader(Array(text.utf8), path: "v.json")
        #expect(try reader.document() == expected)
    }

    /// Text, the line and column of the error, and words of its message.
    static let invalid: [(String, Int, Int, String)] = [
        ("{\"a\": 1,\n \"b\": }", 2, 7, "unexpected '}'"),
        ("[1, 2", 1, 6, "the text ends"),
        ("[01]", 1, 3, "',' or ']'"),
        ("[1.]", 1, 4, "digit after its '.'"),
        ("\"a\u{01}b\"", 1, 3, "control character"),
        (#""\x""#, 1, 3, "invalid escape"),
        (#""\ud800x""#, 1, 8, "low surrogate"),
        ("{\"a\": 1} x", 1, 10, "after the end"),
        ("[tru]", 1, 2, "expected true"),
        (String(repeating: "[", count: 65) + String(repeating: "]", count: 65), 1, 65, "nest more than 64"),
        ("{'a': 1}", 1, 2, "expected a string"),
    ]

    @Test(arguments: invalid.indices)
    func invalidTextIsAnErrorAtItsPlace(_ index: Int) {
        let (text, line, column, words) = Self.invalid[index]
        var reader = JSONReader(Array(text.utf8), path: "bad.json")
        #expect {
            _ = try reader.document()
        } throws: { error in
            guard let error = error as? RedlineError else { return false }
            return error.position.line == line && error.position.column == column && error.message.contains(words)
        }
    }

    /// Invalid UTF-8 inside a string is an error, not replaced silently.
    @Test func invalidUTF8IsAnError() {
        var reader = JSONReader([0x22, 0xC3, 0x28, 0x22], path: "u.json")
        #expect(throws: RedlineError.self) { _ = try reader.document() }
    }

    /// The elements of the array under a key arrive one by one, with their index and line; the
    /// other members are read and checked but not kept.
    @Test func elementsArriveOneByOne() throws {
        let text = "{\"meta\": {\"x\": [1]},\n \"results\": [\n {\"id\": 1},\n {\"id\": 2}\n], \"tail\": null}"
        var reader = JSONReader(Array(text.utf8), path: "r.json")
        var seen: [(Int, Int)] = []
        let found = try reader.forEachElement(
            ofArray: "results",
            notAnArray: { kind, line in RedlineError(.malformed, kind, at: SourcePosition(file: "r.json", line: line)) }
        ) { value, index, line in
            #expect(value["id"] == .number(String(index + 1)))
            seen.append((index, line))
        }
        #expect(found)
        #expect(seen.map(\.0) == [0, 1] && seen.map(\.1) == [3, 4])
    }
}
