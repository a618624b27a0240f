#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shell-style glob matching (`*`, `?`, `[…]`) as used by waivers, via POSIX `fnmatch`.
/// `*` matches across `/` too, so `records/legacy/*` covers sub-folders.
public enum Glob {
    /// Whether `text` matches `pattern`.
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        fnmatch(pattern, text, 0) == 0
    }
}
