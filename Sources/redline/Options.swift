import ArgumentParser
import RedlineKit

#if canImport(Glibc)
    import Glibc
#endif

/// Options shared by the commands that evaluate records.
struct EvaluationFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A rule-set file to use instead of the built-in rules.", valueName: "path"))
    var rules: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The rule set's profile (default: the rule set's default, due-diligence).", valueName: "name"))
    var profile: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Evaluate as of this date; later events do not exist (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Which demands to judge by: as-of (those the letters had made by the evaluation date) or current (every "
                + "demand of today's rule set, whatever the date).",
            valueName: "as-of|current"))
    var standard: Standard?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A configuration file (default: \(RedlineConfiguration.fileName) in this folder or the nearest one above, "
                + "up to the repository root; docs/configuration.md).",
            valueName: "file"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Use no configuration file, even if one is found.")
    var noConfig = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder of official list files (EU FSF XML, US CSL JSON/CSV, OpenSanctions FtM); their entries replace "
                + "those of the rule set's lists that name their format (docs/lists.md).",
            valueName: "dir"))
    var lists: String?

    @Option(name: .customLong("max-bytes"), help: ArgumentHelp("Largest record accepted, in bytes.", valueName: "n"))
    var maxBytes: Int = XMLLimits.default.maxBytes

    @Option(
        name: .customLong("max-xpath-ops"),
        help: ArgumentHelp("XPath operations allowed per expression.", valueName: "n"))
    var maxXPathOperations: Int = XMLLimits.default.xpathOperationLimit

    @Option(
        name: .customLong("max-depth"),
        help: ArgumentHelp("Deepest element nesting accepted in a record (libxml2 stops at 256).", valueName: "n"))
    var maxDepth: Int = XMLLimits.default.maxDepth

    @Option(
        name: .customLong("max-attributes"),
        help: ArgumentHelp("Most attributes accepted on one element.", valueName: "n"))
    var maxAttributes: Int = XMLLimits.default.maxAttributes

    @Option(
        name: .customLong("max-elements"), help: ArgumentHelp("Most elements accepted in one record.", valueName: "n"))
    var maxElements: Int = XMLLimits.default.maxElements

    @Option(
        name: .customLong("max-seconds-per-record"),
        help: ArgumentHelp(
            "Time one record may take, from parsing to the last rule (checked while parsing and between rules); over "
                + "it the record is an error.",
            valueName: "seconds"))
    var maxSecondsPerRecord: Double = XMLLimits.default.maxSecondsPerRecord

    func validate() throws {
        if config != nil, noConfig { throw ValidationError("--config and --no-config exclude each other.") }
        if let asOf, LocalDate(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date; write it as YYYY-MM-DD, e.g. --as-of 2021-11-04.")
        }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be a positive number of bytes.") }
        if maxXPathOperations < 1000 { throw ValidationError("--max-xpath-ops must be at least 1000.") }
        if maxDepth < 1 { throw ValidationError("--max-depth must be at least 1.") }
        if maxAttributes < 1 { throw ValidationError("--max-attributes must be at least 1.") }
        if maxElements < 1 { throw ValidationError("--max-elements must be at least 1.") }
        if !(maxSecondsPerRecord > 0) || !maxSecondsPerRecord.isFinite {
            throw ValidationError("--max-seconds-per-record must be a positive number of seconds, e.g. 10 or 0.5.")
        }
    }

    /// The evaluation date.
    var date: LocalDate { asOf.flatMap { LocalDate($0) } ?? LocalDate.today() }

    var limits: XMLLimits {
        XMLLimits(
            maxBytes: maxBytes, maxDepth: maxDepth, xpathOperationLimit: maxXPathOperations,
            maxAttributes: maxAttributes,
            maxElements: maxElements, maxSecondsPerRecord: maxSecondsPerRecord)
    }

    /// The evaluation options with the profile resolved against `engine`'s rule set.
    /// - Throws: `ValidationError` (usage) for a profile the rule set does not have.
    func options(for engine: Engine) throws -> EvaluationOptions {
        do {
            return EvaluationOptions(
                asOf: date, profile: try engine.resolveProfile(profile), limits: limits, standard: standard ?? .asOf)
        } catch {
            throw ValidationError("\(error.message); \(error.suggestion ?? "")")
        }
    }

    /// These flags with the configuration file's settings filled in where no option was given,
    /// and the configuration (nil when there is none); a bad file is printed, exit 64.
    func configured() throws -> (flags: EvaluationFlags, configuration: RedlineConfiguration?) {
        let here = AuditPath.currentDirectory()
        guard var path = config ?? (noConfig ? nil : RedlineConfiguration.discover(from: here)) else {
            return (self, nil)
        }
        if path == here + "/" + RedlineConfiguration.fileName { path = RedlineConfiguration.fileName }
        let configuration: RedlineConfiguration
        do {
            configuration = try RedlineConfiguration.load(path: path)
        } catch {
            Terminal.error(error.terminalDescription)
            throw ExitCode(ExitStatus.usage)
        }
        var flags = self
        flags.rules = rules ?? configuration.rules
        flags.profile = profile ?? configuration.profile
        flags.lists = lists ?? configuration.lists
        flags.standard = standard ?? configuration.standard
        return (flags, configuration)
    }

    /// Loads the rule set, printing its error and exiting with the bad-rules status on failure.
    func loadRuleSet() throws -> RuleSet {
        let ruleSet = try loadRules(at: rules)
        guard let lists else { return ruleSet }
        return ruleSet.importing(try loadListFolder(lists))
    }
}

extension Standard: ExpressibleByArgument {}

/// `--format` of the commands that print either text or one JSON document.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--color`: when output may be coloured.
enum ColourChoice: String, ExpressibleByArgument, CaseIterable {
    /// On a terminal, unless `NO_COLOR` is set or `TERM=dumb`; `CLICOLOR_FORCE` forces it.
    case auto
    case always
    case never
}

/// The `--color` option of the commands that print reports.
struct ColourFlags: ParsableArguments {
    @Option(
        name: .customLong("color"),
        help: "Colour: auto (a terminal, not with NO_COLOR or TERM=dumb; CLICOLOR_FORCE forces it), always or never.")
    var colour: ColourChoice = .auto

    /// Makes the choice the process's (before any output, on the main thread).
    func apply() { Terminal.colourChoice = colour }
}

/// Where output goes, and whether it may be coloured.
enum Terminal {
    /// `--color`, set once at the start of a command.
    nonisolated(unsafe) static var colourChoice = ColourChoice.auto

    /// `--color always` or `never` decides; `auto` colours a terminal, never with `NO_COLOR` set
    /// (to anything but an empty string) or `TERM=dumb`, and always with `CLICOLOR_FORCE` set
    /// to anything but `0` (no-color.org, bixense.com/clicolors).
    static func colourAllowed(fileDescriptor: Int32) -> Bool {
        switch colourChoice {
        case .always: return true
        case .never: return false
        case .auto: break
        }
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        if let force = getenv("CLICOLOR_FORCE"), force.pointee != 0, String(cString: force) != "0" { return true }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }

    /// Whether this runs in CI: `CI` set to anything but an empty string, `0`, `false` or `no`.
    static var inCI: Bool {
        guard let value = getenv("CI") else { return false }
        return !["", "0", "false", "no"].contains(String(cString: value).lowercased())
    }

    static func write(_ text: String) {
        clearProgress()
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    static func error(_ text: String) {
        clearProgress()
        var line = text.hasSuffix("\n") ? text : text + "\n"
        line.withUTF8 { buffer in
            _ = Glibc.write(2, buffer.baseAddress, buffer.count)
        }
    }
}

/// Loads the rule set at `path` (the default one without), printing its error and exiting with
/// the bad-rules status on failure.
func loadRules(at path: String?) throws -> RuleSet {
    do {
        if let path { return try RuleSetLoader.load(path: path) }
        return try RuleSetLoader.loadDefault()
    } catch {
        Terminal.error(error.description)
        throw ExitCode(ExitStatus.badRules)
    }
}
