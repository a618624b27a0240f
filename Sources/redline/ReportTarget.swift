#if canImport(Glibc)
    import Glibc
#endif

/// What a report path names, found with `lstat` before anything is evaluated or created, and so
/// how the report is written there:
/// - nothing yet, or a regular file: atomically (a temporary file in the same folder, put in
///   place when the report is complete; only a regular file is ever replaced);
/// - a FIFO or a character device (a terminal, `/dev/null`): streamed to it, in place;
/// - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: streamed to that descriptor,
///   which the caller opened (`--report json=>(jq .)` in bash);
/// - anything else is refused with a fix: a directory, a block device, a socket, and a symbolic
///   link (not followed: a link planted where a report goes would otherwise send the report to
///   whatever file it points to). Links among the folders of the path are followed as usual.
struct ReportTarget {
    enum Kind: Equatable {
        /// Nothing at the path yet: a new file, created in `directory`.
        case newFile
        /// An existing regular file, replaced.
        case regularFile
        /// A FIFO, opened for writing (waiting for a reader) and written to.
        case fifo
        /// A character device, opened for writing and written to.
        case characterDevice
        /// One of this process's open descriptors (`/dev/stdout`, `/dev/fd/N`…).
        case descriptor(Int32)
    }

    /// What a report lands in, whatever the spelling of its path (`x`, `./x`, `/abs/x`, a
    /// linked folder): two reports with the same identity would overwrite each other.
    enum Identity: Hashable {
        /// An existing file, FIFO or open descriptor: its device and inode.
        case object(device: UInt64, inode: UInt64)
        /// A file not yet created: its folder's device and inode, and its name.
        case entry(device: UInt64, inode: UInt64, name: String)
        /// A character device: its device number (`/dev/tty` and `/dev/pts/0` differ; one name
        /// and its hard links do not).
        case characterDevice(UInt64)
    }

    /// The path as given.
    let path: String
    let kind: Kind
    let identity: Identity
    /// The folder the path is in (`.` for a bare name).
    let directory: String
    /// The last component of the path.
    let name: String
    /// The folders of a new file's path that do not exist yet, outermost first: they are
    /// created with the report (and removed again when it is discarded).
    var missingFolders: [String] = []

    /// Whether the report is written to a temporary file and put in place at the end.
    var isAtomic: Bool { kind == .newFile || kind == .regularFile }

    /// Whether writes are thrown away (`/dev/null` or another node of the same device): any
    /// number of reports may go there.
    var isNullDevice: Bool { identity == .characterDevice(Self.nullDeviceNumber) }

    /// Linux's `makedev(1, 3)`, the null device.
    static let nullDeviceNumber: UInt64 = 0x103

    /// Checks `path` without creating or opening anything; `suggestion` is a file name to
    /// propose when the path names a folder.
    static func resolve(_ path: String, suggestion: String = "redline-report") throws -> ReportTarget {
        let (directory, name) = split(path)
        if path.hasSuffix("/") {
            throw problem(
                "\(path) ends with /, so it names a folder, not a file", fix: "name a file: \(path)\(suggestion)")
        }
        if let number = descriptorNumber(path) { return try descriptorTarget(path, number, directory, name) }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let reason = errno
            if reason == ENOTDIR { throw throughFile(path, directory) }
            guard reason == ENOENT else {
                throw problem(
                    "cannot look up \(path): \(describe(reason))",
                    fix: "name a file in a folder you can reach, or fix the folders of the path")
            }
            return try newFileTarget(path, directory, name)
        }
        let identity = Identity.object(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return ReportTarget(path: path, kind: .regularFile, identity: identity, directory: directory, name: name)
        case S_IFIFO:
            return ReportTarget(path: path, kind: .fifo, identity: identity, directory: directory, name: name)
        case S_IFCHR:
            let device = Identity.characterDevice(UInt64(info.st_rdev))
            return ReportTarget(path: path, kind: .characterDevice, identity: device, directory: directory, name: name)
        case S_IFDIR:
            let inside = path.hasSuffix("/") ? path : path + "/"
            throw problem("\(path) is a directory, not a file", fix: "name a file in it: \(inside)\(suggestion)")
        case S_IFLNK:
            throw symbolicLink(path)
        case S_IFBLK:
            throw problem(
                "\(path) is a block device; redline writes a report to a regular file, a FIFO or a character device",
                fix: "name a regular file")
        default:
            throw problem(
                "\(path) is a socket; redline writes a report to a regular file, a FIFO or a character device",
                fix: "name a regular file, or a FIFO (mkfifo) that the reader reads")
        }
    }

    /// The identity of what descriptor `number` is open on; nil when it is not open.
    static func identity(ofDescriptor number: Int32) -> Identity? {
        var info = stat()
        guard fstat(number, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFCHR { return .characterDevice(UInt64(info.st_rdev)) }
        return .object(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The identity `path` would have, following symbolic links (which ``resolve(_:suggestion:)``
    /// refuses), so that `x` and a link to `x` are seen as one file; nil when it cannot be told.
    static func identity(of path: String) -> Identity? {
        if let target = try? resolve(path) { return target.identity }
        var info = stat()
        guard !path.hasSuffix("/"), stat(path, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFCHR { return .characterDevice(UInt64(info.st_rdev)) }
        return .object(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The folder and last component of `path`.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// An error in the project's form: what is wrong, then `fix:`.
    static func problem(_ message: String, fix: String) -> ReportFileError {
        ReportFileError(message: "\(message)\n  fix: \(fix)")
    }

    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    // MARK: - Kinds

    private static func newFileTarget(_ path: String, _ directory: String, _ name: String) throws -> ReportTarget {
        var folder = stat()
        guard stat(directory, &folder) == 0 else {
            let reason = errno
            if reason == ENOENT { return try newFolderTarget(path, directory, name) }
            if reason == ENOTDIR { throw throughFile(path, directory) }
            throw problem(
                "cannot look up the folder \(directory) (of \(path)): \(describe(reason))",
                fix: "name a file in a folder you can reach")
        }
        guard folder.st_mode & S_IFMT == S_IFDIR else {
            throw problem("\(directory) (in \(path)) is not a folder", fix: "name a file in an existing folder")
        }
        let identity = Identity.entry(device: UInt64(folder.st_dev), inode: UInt64(folder.st_ino), name: name)
        return ReportTarget(path: path, kind: .newFile, identity: identity, directory: directory, name: name)
    }

    /// The error for a path whose folders go through a file: which one.
    private static func throughFile(_ path: String, _ directory: String) -> ReportFileError {
        var ancestor = directory
        var info = stat()
        while ancestor != "/", ancestor != "." {
            if stat(ancestor, &info) == 0, info.st_mode & S_IFMT != S_IFDIR { break }
            ancestor = split(ancestor).directory
        }
        return problem(
            "the path \(directory) (of \(path)) goes through \(ancestor), a file, not a folder",
            fix: "name a file in a folder, or move the file \(ancestor) away")
    }

    /// A new file in folders that do not exist yet: the nearest existing one must be a folder
    /// (not a file), and the identity is that folder's with the rest of the path.
    private static func newFolderTarget(_ path: String, _ directory: String, _ name: String) throws -> ReportTarget {
        var missing = [directory]
        var existing = split(directory).directory
        var folder = stat()
        while stat(existing, &folder) != 0 {
            guard errno == ENOENT, existing != "/", existing != "." else {
                throw problem(
                    "cannot look up the folder \(existing) (of \(path)): \(describe(errno))",
                    fix: "name a file in a folder you can reach")
            }
            missing.insert(existing, at: 0)
            existing = split(existing).directory
        }
        guard folder.st_mode & S_IFMT == S_IFDIR else { throw throughFile(path, directory) }
        let rest = String(path.dropFirst(existing == "." && !path.hasPrefix("./") ? 0 : existing.count + 1))
        let identity = Identity.entry(device: UInt64(folder.st_dev), inode: UInt64(folder.st_ino), name: rest)
        var target = ReportTarget(path: path, kind: .newFile, identity: identity, directory: directory, name: name)
        target.missingFolders = missing
        return target
    }

    /// `/dev/stdout` → 1, `/dev/stderr` → 2, `/dev/fd/N` and `/proc/self/fd/N` → N: the kernel's
    /// links to this process's own descriptors, the only symbolic links a report is written through.
    private static func descriptorNumber(_ path: String) -> Int32? {
        if path == "/dev/stdout" { return 1 }
        if path == "/dev/stderr" { return 2 }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            let digits = path.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count < 10, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber)
            else { return nil }
            return Int32(digits)
        }
        return nil
    }

    private static func descriptorTarget(_ path: String, _ number: Int32, _ directory: String, _ name: String) throws
        -> ReportTarget
    {
        let flags = fcntl(number, F_GETFL)
        guard flags >= 0, let identity = identity(ofDescriptor: number) else {
            throw problem(
                "\(path) names descriptor \(number), which is not open",
                fix: "open it for redline (bash: 3>FILE or >(COMMAND)), or name a file")
        }
        guard flags & O_ACCMODE == O_WRONLY || flags & O_ACCMODE == O_RDWR else {
            throw problem(
                "\(path) names descriptor \(number), which is open for reading only",
                fix: "open it for writing (bash: 3>FILE), or name a file")
        }
        return ReportTarget(path: path, kind: .descriptor(number), identity: identity, directory: directory, name: name)
    }

    private static func symbolicLink(_ path: String) -> ReportFileError {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        let destination =
            count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
        var fix = "give the file it points to instead, or remove the link"
        if let resolved = realpath(path, nil) {
            fix = "give the file it points to instead (\(String(cString: resolved))), or remove the link"
            free(resolved)
        }
        return problem(
            "\(path) is a symbolic link (to \(destination)); redline does not write a report through a symbolic link, "
                + "so that a link placed where a report goes cannot send the report to another file",
            fix: fix)
    }
}
