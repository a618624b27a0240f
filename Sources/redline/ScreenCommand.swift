import ArgumentParser
import Foundation
import RedlineKit

/// `redline screen NAME`: one name against the lists, from the command line.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen a name against sanctions and trade-restriction lists: hit, possible match or no match.",
        discussion: """
            A hit is an identifier equal, or the name equal (after normalisation) to a strong name or alias of an \
            entry in force; a possible match is a fuzzy score of at least 0.70 or any match on a weak alias or former \
            name (docs/lists.md). Without --lists, the built-in rule set's party lists are used. Exit status: 0 no \
            match, 1 a hit or a possible match, 2 a list file cannot be read.
            Example: redline screen "NSO Group Technologies Ltd" --as-of 2021-11-04 --lists lists/
            """)

    @Argument(help: ArgumentHelp("The name to screen.", valueName: "name")) var name: String?
    @Option(
        help: ArgumentHelp(
            "A file of names to screen, one per line (instead of NAME): one line per match is printed, "
                + "name, tier, score, entry id, matched name, list.", valueName: "file"))
    var names: String?
    @Option(help: "Threads to screen --names on (default: one per core).") var jobs: Int?
    @Option(help: ArgumentHelp("The party's country (ISO 3166-1 alpha-2).", valueName: "CC")) var country: String?
    @Option(name: .customLong("id"), help: ArgumentHelp("An identifier of the party (repeatable).", valueName: "id"))
    var identifiers: [String] = []
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The date to screen on (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?
    @Option(
        help: ArgumentHelp(
            "A folder of official list files (.xml, .json, .jsonl, .csv; formats recognised).", valueName: "dir"))
    var lists: String?

    func validate() throws {
        if let asOf, LocalDate(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date (YYYY-MM-DD)") }
        if (name == nil) == (names == nil) { throw ValidationError("give a NAME or --names FILE (one of the two)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let date = asOf.flatMap { LocalDate($0) } ?? LocalDate.today()
        var loaded: [ScreeningList] = []
        if let lists {
            loaded = try loadListFolder(lists)
        } else {
            loaded.append(ScreeningList(ruleSet: try loadRules(at: nil)))
        }
        let index = ScreeningIndex(lists: loaded)
        if let names {
            try screenMany(names, index: index, asOf: date)
            return
        }
        let name = name ?? ""
        let matches = index.screen(name, identifiers: identifiers, country: country, asOf: date)
        Terminal.write(ScreeningRenderer.matches(matches, query: name, asOf: date))
        if !matches.isEmpty { throw ExitCode(1) }
    }

    /// `--names FILE`: every line screened, one output line per match, a count on standard error.
    private func screenMany(_ path: String, index: ScreeningIndex, asOf: LocalDate) throws {
        let bytes: [UInt8]
        do {
            bytes = try FileInput.read(path, limit: ScreeningListLoader.maxBytes, flag: nil)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(ExitStatus.inputError)
        }
        let queries = bytes.split(separator: 0x0A).map { line in
            ScreeningIndex.Query(name: String(decoding: line, as: UTF8.self), country: country)
        }.filter { !$0.name.trimmingCharacters(in: .whitespaces).isEmpty }
        let results = index.screen(queries, asOf: asOf, jobs: jobs ?? Redline.coreCount)
        Terminal.write(ScreeningRenderer.batch(zip(queries.map(\.name), results).map { ($0, $1) }))
        let hits = results.filter { $0.first?.tier == .hit }.count
        let possible = results.filter { $0.first?.tier == .possible }.count
        Terminal.error(
            "redline screen: \(queries.count) names, \(hits) with a hit, \(possible) with a possible match only")
        if hits + possible > 0 { throw ExitCode(1) }
    }
}

/// Every list file of a folder whose format is recognised (others are named on standard error
/// and skipped); exits 2 when there is none or one cannot be read.
func loadListFolder(_ folder: String) throws -> [ScreeningList] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let files = names.filter { [".xml", ".json", ".jsonl", ".csv"].contains(where: $0.lowercased().hasSuffix) }
    var loaded: [ScreeningList] = []
    for file in files.sorted() {
        let path = folder + "/" + file
        // Files that are no list (a README.json, another format) are named, not guessed at.
        guard let data = FileManager.default.contents(atPath: path),
            ScreeningListLoader.detect(Array(data.prefix(4096)), path: path) != nil
        else {
            Terminal.error("redline: \(path): not a list file in a known format; skipped")
            continue
        }
        loaded.append(try loadList(path, format: nil))
    }
    guard !loaded.isEmpty else {
        Terminal.error(
            "redline: no list file (EU FSF XML, US CSL JSON or CSV, OpenSanctions FtM) in \(folder)"
                + "\n  fix: put the official list files in the folder (docs/lists.md)")
        throw ExitCode(ExitStatus.inputError)
    }
    return loaded
}
