import Foundation

/// New, empty folders and files in the system's temporary directory, one folder per call so
/// that tests running in parallel never share one.
public enum TemporaryFolder {
    /// A new empty folder named `prefix-<UUID>`.
    public static func make(_ prefix: String = "redline-tests") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to a file called `name` in a new folder and returns its path.
    public static func file(_ text: String, name: String, prefix: String = "redline-tests") throws -> String {
        let url = try make(prefix).appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Writes `head`, then `count` copies of `fill`, then `tail` to a file called `name` in a
    /// new folder, in chunks of about 1 MB (so a 100 MB input never exists in memory), and
    /// returns its path.
    public static func generate(
        _ name: String, head: String, fill: String, count: Int, tail: String, prefix: String = "redline-tests"
    ) throws -> String {
        let url = try make(prefix).appendingPathComponent(name)
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
}
