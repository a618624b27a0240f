import Testing

@testable import RedlineXML

/// The chunked parse gives every child of the root once, in order, with its line, whatever the
/// chunk size, and refuses what the whole-document parse refuses.
struct XMLStreamTests {
    static let text: String = {
        var text = "<?xml version=\"1.0\"?>\n<list version=\"7\">\n"
        for index in 1...200 { text += "  <entry id=\"\(index)\"><name>Entry \(index) Ltd</name></entry>\n" }
        return text + "</list>\n"
    }()

    @Test(arguments: [1, 7, 64, 4_096, 1 << 18])
    func everyChildOnceInOrderWithItsLine(chunkSize: Int) throws {
        var ids: [String] = []
        var lines: [Int] = []
        var version: String?
        try XMLDocument.stream(
            bytes: Array(Self.text.utf8), path: "list.xml", limits: .default, chunkSize: chunkSize,
            root: { version = $0.attribute("version") },
            child: { element in
                ids.append(element.attribute("id") ?? "")
                lines.append(element.line)
                #expect(element.child(named: "name")?.text == "Entry \(ids.count) Ltd")
            })
        #expect(version == "7")
        #expect(ids == (1...200).map(String.init))
        #expect(lines == Array(3...202))
    }

    @Test(arguments: [
        ("<a><b></a>", "not well-formed XML"),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"y\">]>\n<a>&x;</a>", "DOCTYPE"),
        ("<a><b>", "not well-formed XML"),
        ("", "empty"),
    ])
    func brokenDocumentsAreErrors(_ text: String, _ words: String) {
        #expect {
            try XMLDocument.stream(
                bytes: Array(text.utf8), path: "bad.xml", limits: .default, chunkSize: 3, root: { _ in },
                child: { _ in })
        } throws: { error in
            (error as? RedlineError)?.message.contains(words) == true
        }
    }
}
