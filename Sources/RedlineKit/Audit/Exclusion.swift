/// An `--exclude` pattern (or one of a configuration file's `exclude`), and the folder its
/// paths are relative to.
///
/// A pattern with a `/` is matched against the whole path relative to ``root`` (`*` crosses
/// `/`, as in waivers: `records/drafts/*`); a pattern without one against every name along the
/// path, so `drafts` excludes any folder named drafts and `*.draft.xml` any such file. A
/// trailing `/` matches folders only. Exclusions prune the walk of folders; a file named on the
/// command line is always audited.
public struct Exclusion: Sendable, Hashable {
    /// The pattern as written.
    public var pattern: String
    /// The absolute folder relative paths are taken from.
    public var root: String

    /// An exclusion of `pattern` relative to `root` (absolute).
    public init(_ pattern: String, root: String) {
        self.pattern = pattern
        self.root = root
    }

    /// Whether the entry at absolute, normalised `path` is excluded.
    public func excludes(_ path: String, isDirectory: Bool) -> Bool {
        var pattern = Substring(pattern)
        if pattern.hasPrefix("./") { pattern = pattern.dropFirst(2) }
        if pattern.hasSuffix("/") {
            guard isDirectory else { return false }
            pattern = pattern.dropLast()
        }
        guard !pattern.isEmpty else { return false }
        let prefix = root == "/" ? "/" : root + "/"
        guard path.hasPrefix(prefix) else { return false }
        let relative = String(path.dropFirst(prefix.count))
        if pattern.contains("/") { return Glob.matches(String(pattern), relative) }
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        return Glob.matches(String(pattern), name)
    }
}
