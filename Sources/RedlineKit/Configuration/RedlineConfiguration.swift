#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The settings of a records repository's `.redline.toml`, so that local runs and CI agree:
/// the rule set, profile, lists, standard, and the audit's fail level, waivers, excludes,
/// reports and jobs. Command-line options win over the file.
///
/// Paths in the file (rules, lists, waivers, report files) are relative to the file's folder,
/// and so are the `exclude` patterns, whatever folder redline runs in.
public struct RedlineConfiguration: Sendable, Hashable {
    /// The name redline looks for.
    public static let fileName = ".redline.toml"

    /// One setting the file may hold.
    public struct Key: Sendable, Hashable {
        /// The name in the file.
        public var name: String
        /// What it takes, for the documentation.
        public var type: String
        /// What it does.
        public var summary: String
    }

    /// Every setting, in the documentation's order.
    public static let keys: [Key] = [
        Key(name: "rules", type: "path", summary: "a rule-set file used instead of the built-in rules (--rules)"),
        Key(name: "profile", type: "string", summary: "the rule set's profile (--profile)"),
        Key(name: "lists", type: "path", summary: "a folder of official list files (--lists)"),
        Key(name: "standard", type: "\"as-of\" or \"current\"", summary: "which demands to judge by (--standard)"),
        Key(name: "fail-on", type: "string", summary: "audit: when the audit fails (--fail-on)"),
        Key(name: "waivers", type: "path", summary: "audit: a waivers file (--waivers)"),
        Key(name: "exclude", type: "array of globs", summary: "audit: paths not audited (--exclude, added to these)"),
        Key(
            name: "reports", type: "array of \"format[=file]\"",
            summary: "audit: the reports written when no --report is given"),
        Key(name: "jobs", type: "integer", summary: "threads to evaluate records on (--jobs)"),
    ]

    /// The file the settings came from (as found or named).
    public var file: String
    /// The folder relative paths and excludes are resolved against.
    public var directory: String
    public var rules: String?
    public var profile: String?
    public var lists: String?
    public var standard: Standard?
    public var failOn: AuditFailLevel?
    public var waivers: String?
    /// Exclude patterns, matched against paths relative to ``directory``.
    public var exclude: [String] = []
    /// Report requests, their files resolved against ``directory``.
    public var reports: [ReportRequest] = []
    public var jobs: Int?

    /// Reads the configuration in `path`.
    /// - Throws: a usage error with the line and column of what is wrong (unknown keys among them).
    public static func load(path: String) throws(RedlineError) -> RedlineConfiguration {
        let bytes: [UInt8]
        do {
            bytes = try FileInput.read(path, limit: 1 << 20, flag: nil)
        } catch {
            var wrapped = error
            wrapped.code = .usage
            wrapped.message = "cannot read the configuration file: \(error.message)"
            throw wrapped
        }
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Reads a configuration from its text; `file` names it in positions and anchors its paths.
    public static func parse(_ text: String, file: String) throws(RedlineError) -> RedlineConfiguration {
        let slash = file.lastIndex(of: "/")
        let directory = slash.map { file[..<$0].isEmpty ? "/" : String(file[..<$0]) } ?? "."
        var configuration = RedlineConfiguration(file: file, directory: directory)
        var seen: [String: SourcePosition] = [:]
        for entry in try ConfigParser.parse(text, file: file) {
            if let first = seen[entry.key] {
                throw RedlineError(
                    .usage, "'\(entry.key)' is set twice (first on line \(first.line))", at: entry.position,
                    suggestion: "keep one of the two lines")
            }
            seen[entry.key] = entry.position
            try configuration.set(entry)
        }
        return configuration
    }

    private mutating func set(_ entry: ConfigEntry) throws(RedlineError) {
        let value = entry.value
        switch entry.key {
        case "rules": rules = resolve(try Self.string(entry))
        case "profile": profile = try Self.string(entry)
        case "lists": lists = resolve(try Self.string(entry))
        case "waivers": waivers = resolve(try Self.string(entry))
        case "standard":
            let name = try Self.string(entry)
            guard let parsed = Standard(rawValue: name) else {
                throw Self.choice(entry, name, among: Standard.allCases.map(\.rawValue))
            }
            standard = parsed
        case "fail-on":
            let name = try Self.string(entry)
            guard let level = AuditFailLevel(rawValue: name) else {
                throw Self.choice(entry, name, among: AuditFailLevel.allCases.map(\.rawValue))
            }
            failOn = level
        case "exclude":
            exclude = try Self.strings(entry).map(\.0)
        case "reports":
            reports = try Self.strings(entry).map { (text, position) throws(RedlineError) in
                guard var request = ReportRequest(text) else {
                    throw RedlineError(
                        .usage, "'\(text)' is not a report: expected format[=file]", at: position,
                        suggestion: "use one of \(ReportFormat.all.map(\.name).joined(separator: ", ")), "
                            + "e.g. \"sarif=reports/redline.sarif\"")
                }
                if let file = request.file, file != "-" { request.file = resolve(file) }
                return request
            }
        case "jobs":
            guard case .integer(let number) = value.content, number >= 1 else {
                throw RedlineError(
                    .usage, "jobs must be a whole number of threads, at least 1 (found \(value.typeName))",
                    at: value.position, suggestion: "write e.g. jobs = 2, or remove the line to use every core")
            }
            jobs = number
        default:
            let names = Self.keys.map(\.name)
            let near = names.min { Self.distance(entry.key, $0) < Self.distance(entry.key, $1) }
            let guess = near.flatMap { Self.distance(entry.key, $0) <= 2 ? "did you mean '\($0)'? " : nil } ?? ""
            throw RedlineError(
                .usage, "unknown setting '\(entry.key)'", at: entry.position,
                suggestion: guess + "the settings are " + names.joined(separator: ", ") + " (docs/configuration.md)")
        }
    }

    /// `path` against the file's folder, unless it is absolute.
    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") || directory == "." ? path : directory + "/" + path
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = a.lowercased().replacingOccurrences(of: "_", with: "-")
        return ScreeningMatcher.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 3) ?? 4
    }

    private static func string(_ entry: ConfigEntry) throws(RedlineError) -> String {
        guard case .string(let text) = entry.value.content else {
            throw RedlineError(
                .usage, "\(entry.key) takes a string, found \(entry.value.typeName)", at: entry.value.position,
                suggestion: "quote the value: \(entry.key) = \"…\"")
        }
        return text
    }

    private static func strings(_ entry: ConfigEntry) throws(RedlineError) -> [(String, SourcePosition)] {
        guard case .array(let items) = entry.value.content else {
            throw RedlineError(
                .usage, "\(entry.key) takes an array of strings, found \(entry.value.typeName)",
                at: entry.value.position, suggestion: "write \(entry.key) = [\"…\", \"…\"]")
        }
        return try items.map { item throws(RedlineError) in
            guard case .string(let text) = item.content else {
                throw RedlineError(
                    .usage, "\(entry.key) holds strings only, found \(item.typeName)", at: item.position,
                    suggestion: "quote each value: \"…\"")
            }
            return (text, item.position)
        }
    }

    private static func choice(_ entry: ConfigEntry, _ name: String, among names: [String]) -> RedlineError {
        RedlineError(
            .usage, "'\(name)' is not a value of \(entry.key)", at: entry.value.position,
            suggestion: "write one of " + names.map { "\"\($0)\"" }.joined(separator: ", "))
    }

    /// The configuration file that applies in `directory`: `.redline.toml` there or in the
    /// nearest folder above it, not above the repository root (the folder with `.git`).
    public static func discover(from directory: String) -> String? {
        var folder = directory
        while true {
            let candidate = (folder == "/" ? "" : folder) + "/" + fileName
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG { return candidate }
            if access((folder == "/" ? "" : folder) + "/.git", F_OK) == 0 || folder == "/" { return nil }
            guard let slash = folder.lastIndex(of: "/") else { return nil }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }
}
