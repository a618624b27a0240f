#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Expands audit arguments (files and directories) into the sorted, deduplicated list of inputs.
///
/// Nothing is opened for reading except directories: every entry is examined with `lstat`/`stat`
/// first, so a FIFO is never opened (which would block), a symlink loop is detected (by `ELOOP`
/// or by a directory that is its own ancestor) and reported, and an unreadable directory
/// becomes an error entry. Inside a walk, regular files whose name ends in `.xml` are records
/// and directories are descended into (even one named `x.xml`); other files are ignored.
/// An explicitly named path is always an input: a directory named like a record is an error.
///
/// Names stay the kernel's bytes (``FileSystemPath``): a name that is not valid UTF-8 is found,
/// kept apart from any other, and shown with its odd bytes as `\xNN`.
public struct InputCollector: Sendable {
    /// The directory display paths are relative to (absolute, normalised).
    public var base: String
    /// The directory relative arguments are resolved against (absolute).
    public var workingDirectory: String
    /// What the walk of folders leaves out (``Exclusion``).
    public var exclusions: [Exclusion]

    /// Creates a collector; `base` defaults to the working directory.
    public init(
        base: String? = nil, workingDirectory: String = AuditPath.currentDirectory(), exclusions: [Exclusion] = []
    ) {
        self.workingDirectory = workingDirectory
        self.base = AuditPath.normalize(base ?? workingDirectory, in: workingDirectory)
        self.exclusions = exclusions
    }

    /// The inputs named by `arguments`, each exactly once (by normalised path), sorted by display path.
    public func collect(_ arguments: [String]) -> [AuditInput] {
        var seen = Set<String>()
        var inputs: [AuditInput] = []
        func add(_ location: String, _ error: (String) -> RedlineError?) {
            let key = AuditPath.normalize(location, in: workingDirectory)
            guard seen.insert(key).inserted else { return }
            let display = FileSystemPath.display(AuditPath.relative(key, to: base))
            inputs.append(AuditInput(path: display, location: location, error: error(display)))
        }
        for argument in arguments where !argument.isEmpty {
            let location = argument.hasPrefix("/") ? argument : workingDirectory + "/" + argument
            examine(location, explicit: true, ancestors: [], add: add)
        }
        inputs.sort { AuditPath.precedes($0.path, $1.path) }
        return inputs
    }

    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func problem(_ message: String, _ suggestion: String) -> (String) -> RedlineError? {
        { path in RedlineError(.unreadable, message, at: SourcePosition(file: path), suggestion: suggestion) }
    }

    private static func fine(_ path: String) -> RedlineError? { nil }

    private func examine(
        _ location: String, explicit: Bool, ancestors: Set<Identity>, add: (String, (String) -> RedlineError?) -> Void
    ) {
        var link = stat()
        guard FileSystemPath.withCString(location, { lstat($0, &link) }) == 0 else {
            let reason = String(cString: strerror(errno))
            add(location, Self.problem("cannot read file: \(reason)", "check the path and its permissions"))
            return
        }
        var info = link
        if !explicit, !exclusions.isEmpty {
            let key = AuditPath.normalize(location, in: workingDirectory)
            // The lstat above tells, except for a symbolic link, whose target is looked up.
            var target = link
            if link.st_mode & S_IFMT == S_IFLNK, FileSystemPath.withCString(location, { stat($0, &target) }) != 0 {
                target = link
            }
            let isDirectory = target.st_mode & S_IFMT == S_IFDIR
            if exclusions.contains(where: { $0.excludes(key, isDirectory: isDirectory) }) { return }
        }
        let name = location.split(separator: "/").last.map(String.init) ?? location
        let looksLikeRecord = name.lowercased().hasSuffix(".xml")
        if link.st_mode & S_IFMT == S_IFLNK {
            guard FileSystemPath.withCString(location, { stat($0, &info) }) == 0 else {
                let loop = errno == ELOOP
                guard explicit || looksLikeRecord || loop else { return }
                add(
                    location,
                    loop
                        ? Self.problem(
                            "symbolic link loop: the link resolves to itself", "remove or fix the symbolic link")
                        : Self.problem(
                            "dangling symbolic link: \(String(cString: strerror(errno)))",
                            "remove or fix the symbolic link"))
                return
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            if explicit && looksLikeRecord {
                add(
                    location,
                    Self.problem(
                        "is a directory named like a record, not a file",
                        "rename the directory, or pass a path that is not named *.xml to audit the records inside it"))
                return
            }
            let identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            guard !ancestors.contains(identity) else {
                add(
                    location,
                    Self.problem(
                        "symbolic link loop: the directory contains itself",
                        "remove the link or point it outside the tree"))
                return
            }
            walk(location, ancestors: ancestors.union([identity]), add: add)
        case S_IFREG:
            if explicit || looksLikeRecord { add(location, Self.fine) }
        default:
            guard explicit || looksLikeRecord else { return }
            add(
                location,
                Self.problem(
                    "is not a regular file (FIFO, socket or device); not opened", "pass a regular XML file"))
        }
    }

    private func walk(_ directory: String, ancestors: Set<Identity>, add: (String, (String) -> RedlineError?) -> Void) {
        guard let handle = FileSystemPath.withCString(directory, { opendir($0) }) else {
            let reason = String(cString: strerror(errno))
            add(
                directory,
                Self.problem(
                    "cannot read directory: \(reason)",
                    "check the directory's permissions; its records were not audited"))
            return
        }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                FileSystemPath.decode(raw.prefix { $0 != 0 })
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(handle)
        names.sort { AuditPath.precedes($0, $1) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names {
            examine(prefix + name, explicit: false, ancestors: ancestors, add: add)
        }
    }
}
