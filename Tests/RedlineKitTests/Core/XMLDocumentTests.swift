import Testing

@testable import RedlineKit

/// The hardened parser: what it accepts, what it refuses, and the positions in its errors.
struct XMLDocumentTests {
    struct HostileCase: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let code: RedlineError.Code
        let line: Int
        var testDescription: String { name }
    }

    static let hostile: [HostileCase] = [
        HostileCase(
            name: "XXE to a file",
            text: "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>",
            code: .hostile, line: 2),
        HostileCase(
            name: "XXE to an http URL",
            text: "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"http://127.0.0.1:8765/x\">]>\n<r>&x;</r>",
            code: .hostile, line: 2),
        HostileCase(
            name: "parameter entity",
            text: "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:8765/p.dtd\"> %p;]>\n<r/>",
            code: .hostile, line: 1),
        HostileCase(
            name: "external DTD",
            text: "<?xml version=\"1.0\"?>\n\n<!DOCTYPE r SYSTEM \"http://127.0.0.1:8765/r.dtd\">\n<r/>",
            code: .hostile, line: 3),
        HostileCase(
            name: "billion laughs",
            text:
                "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                + "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><lolz>&lol3;</lolz>",
            code: .hostile, line: 1),
        HostileCase(
            name: "quadratic blow-up",
            text:
                "<!DOCTYPE r [<!ENTITY a "
                + "\"\(String(repeating: "B", count: 50_000))\">]><r>\(String(repeating: "&a;", count: 2_000))</r>",
            code: .hostile, line: 1),
        HostileCase(
            name: "100,000-deep nesting",
            text: String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000),
            code: .hostile, line: 1),
        HostileCase(name: "truncated", text: "<r>\n<a>text</a>\n<b>", code: .malformed, line: 3),
        HostileCase(name: "undefined entity", text: "<r>\n&nope;</r>", code: .hostile, line: 2),
    ]

    @Test(arguments: hostile)
    func refusesHostileOrBrokenInput(_ item: HostileCase) {
        #expect {
            _ = try Fixtures.document(item.text, path: "in.xml")
        } throws: { error in
            guard let error = error as? RedlineError else { return false }
            let lineMatches = item.line == 0 || error.position.line == item.line
            return error.code == item.code && error.position.file == "in.xml" && lineMatches && error.suggestion != nil
        }
    }

    @Test func invalidUTF8BytesGiveLineAndColumn() {
        let bytes = Array("<r>\n  <a>caf".utf8) + [0xC3, 0x28] + Array("</a></r>".utf8)
        #expect {
            _ = try XMLDocument(bytes: bytes, path: "latin.xml")
        } throws: { error in
            guard let error = error as? RedlineError else { return false }
            return error.code == .malformed && error.position.line == 2 && error.position.column > 0
                && error.message.contains("UTF-8")
        }
    }

    @Test func overlongUTF8AndNULAreRefused() {
        for bytes in [
            Array("<r>".utf8) + [0xC0, 0xAF] + Array("</r>".utf8), Array("<r>".utf8) + [0] + Array("</r>".utf8),
        ] {
            #expect(throws: RedlineError.self) { _ = try XMLDocument(bytes: bytes, path: "bad.xml") }
        }
    }

    @Test func sizeCapIsCheckedBeforeParsing() {
        let text = "<r>" + String(repeating: "x", count: 2_000) + "</r>"
        #expect {
            _ = try Fixtures.document(text, limits: XMLLimits(maxBytes: 1_000))
        } throws: { error in
            (error as? RedlineError)?.code == .tooLarge
        }
        #expect(throws: Never.self) { _ = try Fixtures.document(text, limits: XMLLimits(maxBytes: 3_000)) }
    }

    @Test func depthLimitIsConfigurable() throws {
        let nested = String(repeating: "<a>", count: 30) + String(repeating: "</a>", count: 30)
        _ = try Fixtures.document(nested)
        #expect {
            _ = try Fixtures.document(nested, limits: XMLLimits(maxDepth: 20))
        } throws: { error in
            (error as? RedlineError)?.code == .hostile && (error as? RedlineError)?.message.contains("30 deep") == true
        }
    }

    @Test func emptyInputIsAnError() {
        #expect { _ = try XMLDocument(bytes: [], path: "empty.xml") } throws: { error in
            (error as? RedlineError)?.code == .malformed
        }
    }

    @Test func xincludeIsNotProcessed() throws {
        let text = """
            <r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></r>
            """
        let document = try Fixtures.document(text)
        #expect(document.root?.text == "")
        #expect(document.root?.children.first?.name == "include")
    }

    @Test func keepsLineNumbersBeyond65535() throws {
        let text = "<r>" + String(repeating: "\n", count: 70_000) + "<last/></r>"
        let document = try Fixtures.document(text, limits: XMLLimits(maxBytes: 1_000_000))
        let line = document.root?.children.first?.line ?? 0
        #expect(line >= 70_001 && line <= 70_002)
    }

    @Test func elementPathsAreStable() throws {
        let document = try Fixtures.document("<r><a/><b/><a><c/></a></r>")
        let second = document.root?.children[2]
        #expect(second?.path == "/r/a[2]")
        #expect(second?.children.first?.path == "/r/a[2]/c")
        #expect(document.root?.children[1].path == "/r/b")
    }
}
