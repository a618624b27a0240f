import Foundation

/// Where rule-set files come from: the file system (`--rules PATH`) or the binary (the default set).
public enum RuleSource: Sendable {
    /// Files on disk.
    case fileSystem
    /// Files embedded in the binary.
    case embedded

    /// Reads a file's bytes.
    func read(_ path: String, limit: Int) throws(RedlineError) -> [UInt8] {
        switch self {
        case .embedded:
            guard let text = BuiltIn.file(path) else {
                throw RedlineError(.unreadable, "no embedded file '\(path)'", at: SourcePosition(file: path))
            }
            return Array(text.utf8)
        case .fileSystem:
            return try FileInput.read(path, limit: limit, flag: nil)
        }
    }
}

/// Reads input files with clear errors for what is not a readable regular file.
public enum FileInput {
    /// Reads at most `limit` bytes of a regular file; larger files are refused without being read.
    /// - Throws: ``RedlineError`` `unreadable` (missing, directory, FIFO, permission…) or `tooLarge`.
    /// - Parameter flag: the option that raises `limit`, for records (`--max-bytes`); `nil` for the
    ///   fixed cap of a rule-set, waivers or letter file.
    public static func read(_ path: String, limit: Int, flag: String? = "--max-bytes") throws(RedlineError) -> [UInt8] {
        let raise =
            flag.map { "raise the limit with \($0) if the input is trusted" }
            ?? "this cap of rule sets, waiver files and letters is fixed (docs/security.md, \"Limits\")"
        var info = stat()
        // The name's own bytes (FileSystemPath): a name that is not UTF-8 is still found.
        guard FileSystemPath.withCString(path, { stat($0, &info) }) == 0 else {
            let reason = String(cString: strerror(errno))
            throw RedlineError(
                .unreadable, "cannot read file: \(reason)", at: SourcePosition(file: path),
                suggestion: "check the path and its permissions")
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            throw RedlineError(
                .unreadable, "is a directory, not a file", at: SourcePosition(file: path),
                suggestion: "pass the XML files inside it (redline audit walks directories)")
        }
        guard type == S_IFREG else {
            throw RedlineError(
                .unreadable, "is not a regular file (FIFO, socket or device)", at: SourcePosition(file: path),
                suggestion: "pass a regular XML file")
        }
        guard Int(info.st_size) <= limit else {
            throw RedlineError(
                .tooLarge, "file is \(info.st_size) bytes, more than the limit of \(limit) bytes",
                at: SourcePosition(file: path),
                suggestion: "split the file, or " + raise)
        }
        let descriptor = FileSystemPath.withCString(path) { open($0, O_RDONLY | O_NONBLOCK) }
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw RedlineError(
                .unreadable, "cannot open file: \(reason)", at: SourcePosition(file: path),
                suggestion: "check the file's permissions")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        // A record is a few KB: a buffer of the file's size (at least 4 KB, at most 64 KB) saves
        // clearing 64 KB per file; larger or growing files are read in several chunks as before.
        var chunk = [UInt8](repeating: 0, count: min(65_536, max(4_096, Int(info.st_size) + 1)))
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw RedlineError(.unreadable, "cannot read file: \(reason)", at: SourcePosition(file: path))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                throw RedlineError(
                    .tooLarge, "file is more than the limit of \(limit) bytes", at: SourcePosition(file: path),
                    suggestion: "split the file, or " + raise)
            }
        }
        return bytes
    }
}
