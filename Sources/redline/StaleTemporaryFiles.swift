#if canImport(Glibc)
    import Glibc
#endif

/// Removes the temporary files a killed run left next to a report (docs/security.md, guarantee
/// 9). redline's temporary report files are unlinked (`O_TMPFILE`) and leave nothing, but
/// on a file system without `O_TMPFILE`, and with versions before it, a run killed with SIGKILL
/// (or a crash, or a power cut) leaves a hidden `.NAME.redline-XXXXXX` beside `NAME`, as large
/// as the report got. Before writing `NAME`, a run removes such a file when all of these hold:
/// - its name is exactly `.NAME.redline-` and six letters or digits (`mkstemp`'s), or a spill
///   file's `.redline-spill-` and six;
/// - it is a regular file (not a link) owned by the user redline runs as;
/// - nothing holds its lock: a running redline keeps every temporary file it has locked
///   (`flock`), and the lock goes when its process dies, however it dies;
/// - it was last modified more than ``minimumAge`` seconds ago (a file of another run that has
///   only just been created and not yet locked, or of a version that did not lock, is spared).
enum StaleTemporaryFiles {
    /// Ten minutes.
    static let minimumAge = 600

    /// Removes the stale temporary files of report `name` in `directory`; what cannot be
    /// inspected or removed is left alone, silently (it is never an error of this run).
    static func sweep(in directory: String, for name: String) {
        guard let folder = opendir(directory) else { return }
        defer { closedir(folder) }
        let prefixes = [".\(name).redline-", ".redline-spill-"]
        var stale: [String] = []
        while let entry = readdir(folder) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            for prefix in prefixes where isTemporaryName(entryName, prefix: prefix) { stale.append(entryName) }
        }
        for entryName in stale { removeIfStale("\(directory)/\(entryName)") }
    }

    private static func isTemporaryName(_ name: String, prefix: String) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        let suffix = name.utf8.dropFirst(prefix.utf8.count)
        return suffix.count == 6
            && suffix.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            }
    }

    private static func removeIfStale(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else { return }
        guard Int(time(nil)) - Int(info.st_mtim.tv_sec) > minimumAge else { return }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return }
        // Still the file that was inspected (not renamed away and replaced in between)?
        var now = stat()
        guard lstat(path, &now) == 0, now.st_dev == info.st_dev, now.st_ino == info.st_ino else { return }
        unlink(path)
    }
}
