import ArgumentParser
import Foundation
import RedlineKit

/// `redline lists …`: official screening list files.
struct ListsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lists",
        abstract: "Import, show and compare official sanctions and trade-restriction list files.",
        discussion: """
            Formats: eu-fsf (EU Consolidated Financial Sanctions List, XML 1.1), us-csl-json and us-csl-csv (US \
            Consolidated Screening List bulk files), opensanctions (FollowTheMoney entities, JSON lines). See \
            docs/lists.md for where to download each and how to keep them current.

            Example: redline lists import eu-fsf xmlFullSanctionsList_1_1.xml
            """,
        subcommands: [ListsImportCommand.self, ListsShowCommand.self, ListsDiffCommand.self]
    )
}

extension ScreeningListFormat: ExpressibleByArgument {
    public static var allValueStrings: [String] { files.map(\.rawValue) }
}

/// Loads a list file, printing its error and exiting 2 when it cannot be read.
func loadList(_ path: String, format: ScreeningListFormat?) throws -> ScreeningList {
    do {
        return try ScreeningListLoader.load(path: path, format: format)
    } catch {
        Terminal.error(error.description)
        throw ExitCode(ExitStatus.inputError)
    }
}

/// The entries as JSON (sorted keys: the same file always gives the same bytes).
func listJSON(_ entries: [ScreeningEntry]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
}

/// `redline lists import FORMAT FILE`: reads a file as published and says what it holds.
struct ListsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read an official list file and summarise it (or print its entries as JSON).",
        discussion: "Example: redline lists import us-csl-json consolidated.json")

    @Argument(help: "The file's format.") var format: ScreeningListFormat
    @Argument(help: ArgumentHelp("The list file.", valueName: "file")) var file: String
    @Flag(help: "Print every entry as JSON instead of the summary.") var json = false

    func run() throws {
        let list = try loadList(file, format: format)
        Terminal.write(json ? try listJSON(list.entries) : ScreeningRenderer.summary(list))
    }
}

/// `redline lists show FILE`: the entries, one per line.
struct ListsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a list file's entries, one per line (only those in force with --as-of).",
        discussion: "Example: redline lists show eu-fsf.xml --as-of 2023-06-23")

    @Argument(help: ArgumentHelp("The list file.", valueName: "file")) var file: String
    @Option(help: "The file's format (default: recognised from the file).") var format: ScreeningListFormat?
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Only the entries in force on this date.", valueName: "YYYY-MM-DD"))
    var asOf: String?
    @Flag(help: "Print the entries as JSON.") var json = false

    func validate() throws {
        if let asOf, LocalDate(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date (YYYY-MM-DD)") }
    }

    func run() throws {
        let list = try loadList(file, format: format)
        let date = asOf.flatMap { LocalDate($0) }
        if json {
            Terminal.write(try listJSON(date.map { list.entries(inForceOn: $0) } ?? list.entries))
        } else {
            Terminal.write(ScreeningRenderer.summary(list, asOf: date) + ScreeningRenderer.entries(list, asOf: date))
        }
    }
}

/// `redline lists diff OLD NEW`: who was added, removed or delisted between two versions.
struct ListsDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a list file: entries added, removed, delisted or changed.",
        discussion: "Exit status: 0 no change, 1 changes. Example: redline lists diff last-week.xml today.xml")

    @Argument(help: ArgumentHelp("The older file.", valueName: "old")) var old: String
    @Argument(help: ArgumentHelp("The newer file.", valueName: "new")) var new: String
    @Option(help: "The files' format (default: recognised from each file).") var format: ScreeningListFormat?

    func run() throws {
        let before = try loadList(old, format: format)
        let after = try loadList(new, format: format)
        let diff = ScreeningListDiff(old: before, new: after)
        Terminal.write(ScreeningRenderer.diff(diff, old: before, new: after))
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
