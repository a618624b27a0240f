import RedlineKit

#if canImport(Glibc)
    import Glibc
#endif

/// A buffered writer over a file descriptor.
///
/// A sink that `keepsGoing` (standard output, a FIFO, a device: a stream whose reader may go away,
/// `| head -1`) does not throw when a write fails: it keeps the first ``failure``, drops what it
/// is given from then on, and the run goes on, so that the report files are still written.
class DescriptorSink: ReportSink {
    let descriptor: Int32
    /// Whether a failed write is kept in ``failure`` rather than thrown.
    let keepsGoing: Bool
    /// The first write that failed, on a sink that keeps going.
    private(set) var failure: ReportFileError?
    private var buffer: [UInt8] = []

    init(descriptor: Int32, keepsGoing: Bool = false) {
        self.descriptor = descriptor
        self.keepsGoing = keepsGoing
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) throws {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        do {
            try drain()
        } catch let error as ReportFileError {
            buffer.removeAll(keepingCapacity: false)
            guard keepsGoing else { throw error }
            if failure == nil { failure = error }
        }
    }

    private func drain() throws {
        guard failure == nil else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        // Standard output on the progress bar's terminal: erase the bar first (it is redrawn).
        if descriptor == 1, !buffer.isEmpty { Terminal.clearProgress() }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK {
                    // A descriptor inherited in non-blocking mode: wait until it can take more.
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                }
                throw ReportFileError(message: "cannot write: \(ReportTarget.describe(code))", code: code)
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

struct ReportFileError: Error, CustomStringConvertible {
    var message: String
    /// The `errno` of the system call that failed, when one did.
    var code: Int32 = 0
    var description: String { message }
}

/// Standard output: a stream that keeps going when its reader goes away (EPIPE; SIGPIPE is
/// ignored by the commands that write reports).
final class StandardOutputSink: DescriptorSink {
    init() { super.init(descriptor: 1, keepsGoing: true) }
}

/// The name `redline rules test` knows the report file sink by.
typealias AtomicFileSink = ReportFileSink

/// A report file (docs/security.md, guarantee 9), written according to what its path names
/// (``ReportTarget``):
/// - a regular file, or nothing yet: written atomically to a temporary file in the same folder,
///   created unlinked (`O_TMPFILE`: nothing is left behind whatever kills the process) and linked
///   into place only when the report is complete; where the file system cannot (`EOPNOTSUPP`), a
///   hidden `.NAME.redline-XXXXXX` file, locked with `flock` while it is in use so that a later
///   run can sweep it if this one is killed (``StaleTemporaryFiles``). Only a regular file is
///   ever replaced: the target is checked again right before;
/// - a FIFO, a character device or an open descriptor: streamed to it, and the sink keeps going
///   when the reader goes away (EPIPE).
final class ReportFileSink: DescriptorSink {
    /// The path and what it names.
    let target: ReportTarget
    /// A hidden temporary name in the target's folder, while there is one (the named fallback,
    /// or the link made to rename an unlinked file over an existing target).
    private var temporaryName: String?
    /// Whether the temporary file was created with `O_TMPFILE` (no name until it is linked).
    private let unlinked: Bool
    private var closed = false
    /// The folders created for the report, outermost first (removed again on discard).
    private var createdFolders: [String] = []

    /// Opens the report file for `target`, checking it first (``ReportTarget/resolve(_:suggestion:)``).
    convenience init(target: String) throws {
        try self.init(try ReportTarget.resolve(target))
    }

    /// Opens the report file for `target`: a temporary file for an atomic target (after sweeping
    /// stale ones, see ``StaleTemporaryFiles``), the FIFO, the device or the descriptor otherwise.
    /// `namedTemporaryFile` forces the named fallback (for the tests); opening a FIFO waits for a
    /// reader and stops with an error as soon as `shouldStop` returns true.
    init(_ target: ReportTarget, namedTemporaryFile: Bool = false, shouldStop: () -> Bool = { false }) throws {
        self.target = target
        let opened: (descriptor: Int32, name: String?)
        switch target.kind {
        case .newFile, .regularFile:
            let created = try Self.createFolders(target)
            StaleTemporaryFiles.sweep(in: target.directory, for: target.name)
            do {
                opened = try Self.createTemporary(for: target, named: namedTemporaryFile)
            } catch {
                Self.removeFolders(created)
                throw error
            }
            createdFolders = created
        case .fifo, .characterDevice:
            opened = (try Self.openStream(target, shouldStop: shouldStop), nil)
        case .descriptor(let number):
            let copy = fcntl(number, F_DUPFD_CLOEXEC, 3)
            guard copy >= 0 else {
                throw ReportTarget.problem(
                    "cannot use \(target.path) (descriptor \(number)): \(ReportTarget.describe(errno))",
                    fix: "name a file instead")
            }
            opened = (copy, nil)
        }
        temporaryName = opened.name
        unlinked = target.isAtomic && opened.name == nil
        super.init(descriptor: opened.descriptor, keepsGoing: !target.isAtomic)
    }

    /// Writes out everything and, for an atomic target, syncs it to disk: after this only
    /// ``place()`` is left, which cannot run out of space. A stream keeps its failure in
    /// ``DescriptorSink/failure``.
    func prepare() throws {
        try flush()
        guard target.isAtomic else { return }
        guard fsync(descriptor) == 0 || errno == EINVAL else {
            throw ReportFileError(
                message: "\(target.path): cannot write the report: \(ReportTarget.describe(errno))", code: errno)
        }
    }

    /// Checks that the target is still what it was (nothing, or a regular file), so that nothing
    /// else is replaced; does nothing for a stream.
    func verify() throws {
        guard target.isAtomic, let problem = Self.replaceable(target.path) else { return }
        throw problem
    }

    /// Puts the complete report in place of the target (atomic targets; a stream is only closed).
    func place() throws {
        defer { closeDescriptor() }
        guard target.isAtomic else { return }
        try verify()
        if unlinked {
            if Self.link(descriptor, to: target.path) { return }
            guard errno == EEXIST else { throw cannotWrite(errno) }
            // The target exists: link under a hidden name in the same folder, rename that over it.
            temporaryName = try Self.linkUnderHiddenName(descriptor, for: target)
        }
        guard let temporaryName else { return }
        try verify()
        guard rename(temporaryName, target.path) == 0 else { throw cannotWrite(errno) }
        self.temporaryName = nil
    }

    /// Flushes, closes and puts the report in place (``prepare()``, then ``place()``); a stream
    /// whose reader went away throws its failure.
    func commit() throws {
        do {
            try prepare()
            if let failure { throw ReportFileError(message: "\(target.path): \(failure.message)", code: failure.code) }
            try place()
        } catch {
            discard()
            throw error
        }
    }

    /// Closes and removes the temporary file; the target is left as it was (a stream keeps what
    /// was written to it).
    func discard() {
        closeDescriptor()
        if let temporaryName { unlink(temporaryName) }
        temporaryName = nil
        Self.removeFolders(createdFolders)
        createdFolders = []
    }

    /// Creates the target's missing folders (`mkdir -p`); the ones created, outermost first.
    private static func createFolders(_ target: ReportTarget) throws -> [String] {
        var created: [String] = []
        for folder in target.missingFolders {
            if mkdir(folder, 0o755) == 0 {
                created.append(folder)
            } else if errno != EEXIST {
                let reason = errno
                removeFolders(created)
                throw ReportTarget.problem(
                    "\(target.path): cannot create the folder \(folder): \(ReportTarget.describe(reason))",
                    fix:
                        "create it yourself (mkdir -p \(target.directory)), or name a file in a folder you can write to"
                )
            }
        }
        return created
    }

    /// Removes folders created for a report that was not written, innermost first (if empty).
    private static func removeFolders(_ folders: [String]) {
        for folder in folders.reversed() { rmdir(folder) }
    }

    private func closeDescriptor() {
        guard !closed else { return }
        close(descriptor)
        closed = true
    }

    private func cannotWrite(_ code: Int32) -> ReportFileError {
        let reason = ReportTarget.describe(code)
        if let temporaryName { unlink(temporaryName) }
        temporaryName = nil
        return ReportFileError(message: "\(target.path): cannot write the report: \(reason)", code: code)
    }

    // MARK: - Opening

    /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which the Glibc module does not export.
    static let temporaryFileFlag: Int32 = 0o20_000_000 | O_DIRECTORY

    /// A temporary file for `target` in its folder, locked: unlinked when the file system allows
    /// (nil name), otherwise a hidden `.NAME.redline-XXXXXX`.
    private static func createTemporary(for target: ReportTarget, named: Bool) throws -> (Int32, String?) {
        if !named {
            let descriptor = open(target.directory, temporaryFileFlag | O_WRONLY | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                // Linking it later goes through /proc/self/fd; without /proc, use a named file.
                if access("/proc/self/fd/\(descriptor)", F_OK) == 0 {
                    prepareTemporary(descriptor)
                    return (descriptor, nil)
                }
                close(descriptor)
            } else if ![EOPNOTSUPP, EISDIR, EINVAL].contains(errno) {
                throw cannotCreate(target, errno)
            }
        }
        var template = Array("\(target.directory)/.\(target.name).redline-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw cannotCreate(target, errno) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        prepareTemporary(descriptor)
        return (descriptor, template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    }

    /// Mode 0644 as before, and the lock that tells a sweeping run the file is in use.
    private static func prepareTemporary(_ descriptor: Int32) {
        fchmod(descriptor, 0o644)
        _ = flock(descriptor, LOCK_EX | LOCK_NB)
    }

    private static func cannotCreate(_ target: ReportTarget, _ code: Int32) -> ReportFileError {
        ReportTarget.problem(
            "\(target.path): cannot create the report's temporary file in \(target.directory): "
                + ReportTarget.describe(code),
            fix: "make the folder writable (and give it space), or name a file in another folder")
    }

    /// Links the unlinked file open on `descriptor` as `path`; fails (EEXIST) if `path` exists.
    private static func link(_ descriptor: Int32, to path: String) -> Bool {
        linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
    }

    /// Links the unlinked file open on `descriptor` under a new hidden name next to the target.
    private static func linkUnderHiddenName(_ descriptor: Int32, for target: ReportTarget) throws -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        for _ in 0..<100 {
            let suffix = String((0..<6).map { _ in letters.randomElement()! })
            let name = "\(target.directory)/.\(target.name).redline-\(suffix)"
            if link(descriptor, to: name) { return name }
            guard errno == EEXIST else {
                throw ReportFileError(
                    message: "\(target.path): cannot write the report: \(ReportTarget.describe(errno))", code: errno)
            }
        }
        throw ReportFileError(message: "\(target.path): cannot write the report: no free temporary name", code: EEXIST)
    }

    /// Why `path` must not be replaced now (it is neither absent nor a regular file), or nil.
    private static func replaceable(_ path: String) -> ReportFileError? {
        var info = stat()
        // Gone is fine (the link or rename creates it); a lookup that fails otherwise fails the rename too.
        if lstat(path, &info) != 0 { return nil }
        guard info.st_mode & S_IFMT != S_IFREG else { return nil }
        return ReportTarget.problem(
            "\(path) is no longer a regular file (it was replaced while the audit ran); it was left as it is and the "
                + "report was not written",
            fix: "remove what is there now, or name another file, and run the audit again")
    }

    /// Opens a FIFO or a character device for writing, never creating, truncating or following a
    /// link; a FIFO without a reader is waited for, polling `shouldStop`.
    private static func openStream(_ target: ReportTarget, shouldStop: () -> Bool) throws -> Int32 {
        var waits = 0
        while true {
            let descriptor = open(target.path, O_WRONLY | O_NOCTTY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            if descriptor >= 0 {
                var info = stat()
                let kind = fstat(descriptor, &info) == 0 ? info.st_mode & S_IFMT : 0
                guard kind == (target.kind == .fifo ? S_IFIFO : S_IFCHR) else {
                    close(descriptor)
                    throw ReportTarget.problem(
                        "\(target.path) changed while redline opened it; it was left as it is",
                        fix: "run the audit again")
                }
                _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
                return descriptor
            }
            let code = errno
            if code == EINTR { continue }
            guard code == ENXIO, target.kind == .fifo else {
                throw ReportTarget.problem(
                    "cannot open \(target.path) for writing: \(ReportTarget.describe(code))",
                    fix: "check its permissions, or name a regular file")
            }
            if shouldStop() {
                throw ReportFileError(message: "\(target.path): stopped while waiting for a reader", code: EINTR)
            }
            if waits == 50 {
                Terminal.error("redline: waiting for a process to read the FIFO \(target.path) (Ctrl-C to stop)")
            }
            waits += 1
            usleep(20_000)
        }
    }
}

/// A spill file: an anonymous temporary file, read back when the report is assembled. It is
/// created unlinked (`O_TMPFILE`), or, where the file system cannot, unlinked as soon as it is
/// created, so nothing is left behind whatever happens.
final class TemporarySpill: DescriptorSink, SpillSink {
    /// A spill in the folder of `target` (the same file system as the report), or in /tmp.
    init(near target: String?) throws {
        var directory = "/tmp"
        if let target { directory = ReportTarget.split(target).directory }
        var descriptor = open(directory, ReportFileSink.temporaryFileFlag | O_RDWR | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            var template = Array("\(directory)/.redline-spill-XXXXXX".utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else {
                throw ReportFileError(
                    message: "cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))",
                    code: errno)
            }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        super.init(descriptor: descriptor)
    }

    deinit { close(descriptor) }

    func replay(into sink: any ReportSink) throws {
        try flush()
        lseek(descriptor, 0, SEEK_SET)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var carry: [UInt8] = []
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReportFileError(message: "cannot read a temporary file: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            let data = carry + chunk[0..<count]
            // Never split a UTF-8 sequence between two writes.
            var cut = data.count
            var lead = data.count - 1
            while lead > 0, data.count - lead < 4, data[lead] & 0xC0 == 0x80 { lead -= 1 }
            if lead >= 0 {
                let byte = data[lead]
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                if data.count - lead < length { cut = lead }
            }
            try sink.write(String(decoding: data[0..<cut], as: UTF8.self))
            carry = Array(data[cut...])
        }
        if !carry.isEmpty { try sink.write(String(decoding: carry, as: UTF8.self)) }
        ftruncate(descriptor, 0)
        lseek(descriptor, 0, SEEK_SET)
    }
}
