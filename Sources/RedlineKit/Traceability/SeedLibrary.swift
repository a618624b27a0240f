import Foundation

/// The texts of the source letters, by seed file name, and the verbatim-quote test used for
/// every citation. Whitespace differences (line wrapping) are ignored; nothing else is.
public struct SeedLibrary: Sendable {
    /// Letter text by seed file name (`000_d3d654b5c922fcf3.txt`), whitespace-normalised.
    private let normalised: [String: String]

    /// The seed file names, sorted.
    public var files: [String] { normalised.keys.sorted() }

    /// Creates a library from letter texts by file name.
    public init(texts: [String: String]) {
        normalised = texts.mapValues(SeedLibrary.normalise)
    }

    /// The letters embedded in the binary.
    public static var builtIn: SeedLibrary { SeedLibrary(texts: BuiltIn.seeds) }

    /// Reads every `*.txt` file of a directory (`--seeds DIR`).
    /// - Throws: ``RedlineError`` `unreadable` when the directory cannot be listed or a file read.
    public init(directory: String) throws(RedlineError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }
                .sorted()
        } catch {
            throw RedlineError(
                .unreadable, "cannot list the seeds directory", at: SourcePosition(file: directory),
                suggestion: "pass --seeds with the folder holding the letters (seeds/ in the project)")
        }
        var texts: [String: String] = [:]
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let bytes = try FileInput.read(path, limit: RuleSetLoader.maxFileBytes, flag: nil)
            texts[name] = String(decoding: bytes, as: UTF8.self)
        }
        self.init(texts: texts)
    }

    /// True when the file exists in the library.
    public func has(_ file: String) -> Bool { normalised[file] != nil }

    /// True when `quote` appears verbatim (up to whitespace) in the letter `file`.
    public func contains(_ quote: String, in file: String) -> Bool {
        let needle = SeedLibrary.normalise(quote)
        guard !needle.isEmpty, let text = normalised[file] else { return false }
        return text.contains(needle)
    }

    /// Collapses every run of whitespace to one space and trims the ends.
    static func normalise(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
