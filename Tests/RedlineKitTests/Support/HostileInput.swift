import Foundation
import RedlineKit

#if canImport(Glibc)
    import Glibc
#endif

/// The hostile corpus: committed small files under Tests/Fixtures/hostile, and generators for
/// the huge ones (never committed), written into a fresh temporary folder.
enum HostileInput {
    /// The text of `Tests/Fixtures/hostile/records/xxe-secret.txt`, which no output may contain.
    static let canary = "REDLINE-CANARY-7f3a9c"

    /// A committed hostile record.
    static func record(_ name: String) -> String {
        Fixtures.path("Tests/Fixtures/hostile/records/\(name)")
    }

    /// A committed hostile rule-set file.
    static func rules(_ name: String) -> String {
        Fixtures.path("Tests/Fixtures/hostile/rules/\(name)")
    }

    /// A new empty temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redline-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `head`, then `count` copies of `fill`, then `tail` to a new file, in chunks of about
    /// 1 MB (so a 100 MB input never exists in memory), and returns its path.
    static func generate(_ name: String, head: String, fill: String, count: Int, tail: String) throws -> String {
        let url = try folder().appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw POSIXError(.EIO) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(head.utf8))
        let perChunk = max(1, (1 << 20) / max(1, fill.utf8.count))
        let chunk = Data(String(repeating: fill, count: perChunk).utf8)
        var remaining = count
        while remaining > 0 {
            let copies = min(remaining, perChunk)
            try handle.write(contentsOf: chunk.prefix(copies * fill.utf8.count))
            remaining -= copies
        }
        try handle.write(contentsOf: Data(tail.utf8))
        return url.path
    }

    /// Writes `text` to a new file in a new folder.
    static func write(_ text: String, name: String) throws -> String {
        let url = try folder().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A schema-valid application record with `items` items, so that `//` and axis
    /// expressions have thousands of nodes to walk.
    static func largeRecord(items: Int) -> String {
        var body = "<items>\n"
        for index in 0..<items {
            body += "<item id=\"i\(index)\"><description>Item \(index)</description><quantity>1</quantity></item>\n"
        }
        body += "</items>"
        return Fixtures.record(id: "LARGE-1", body: body)
    }

    /// A TCP listener on 127.0.0.1 (ephemeral port) that is never accepted from: a connection
    /// attempt is completed by the kernel and waits in the backlog, where ``connectionAttempted``
    /// finds it.
    final class Listener {
        let descriptor: Int32
        let port: UInt16

        init() throws {
            let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socketDescriptor >= 0 else { throw POSIXError(.EIO) }
            descriptor = socketDescriptor
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, length) }
            }
            guard bound == 0, listen(socketDescriptor, 16) == 0 else {
                close(socketDescriptor)
                throw POSIXError(.EADDRINUSE)
            }
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketDescriptor, $0, &length) }
            }
            port = UInt16(bigEndian: address.sin_port)
            guard named == 0 else { throw POSIXError(.EIO) }
            _ = fcntl(socketDescriptor, F_SETFL, fcntl(socketDescriptor, F_GETFL) | O_NONBLOCK)
        }

        deinit { close(descriptor) }

        /// Whether anything connected since the listener was opened.
        var connectionAttempted: Bool {
            let client = accept(descriptor, nil, nil)
            if client >= 0 {
                close(client)
                return true
            }
            return false
        }
    }

    /// Records that would reach `port` on 127.0.0.1 if entities, DTDs or XInclude were processed.
    static func networkRecords(port: UInt16) -> [(name: String, text: String)] {
        let url = "http://127.0.0.1:\(port)"
        let root = "<licenceRecord xmlns=\"urn:redline:licence-record:1\" formatVersion=\"1\" id=\"N-1\" stage=\"application\""
        return [
            ("xxe-http.xml", "<!DOCTYPE licenceRecord [<!ENTITY e SYSTEM \"\(url)/entity\">]>\n\(root)>&e;</licenceRecord>"),
            ("xxe-parameter-entity.xml", "<!DOCTYPE licenceRecord [<!ENTITY % p SYSTEM \"\(url)/p.dtd\"> %p;]>\n\(root)/>"),
            ("xxe-external-dtd.xml", "<!DOCTYPE licenceRecord SYSTEM \"\(url)/r.dtd\">\n\(root)/>"),
            (
                "xinclude-http.xml",
                "\(root) xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"\(url)/x.xml\"/></licenceRecord>"
            ),
            (
                "schema-location.xml",
                "\(root) xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:redline:licence-record:1 \(url)/r.xsd\"/>"
            ),
        ]
    }
}
