import Foundation
import RedlineKit
import Testing

/// Every rule of the default set is traceable to the letters: its citations are verbatim in
/// `seeds/`, its demand ids exist, and every demand is implemented or declared not checkable.
struct TraceabilityTests {
    static let catalogue: DemandCatalogue = {
        do { return try DemandCatalogue.loadDefault() } catch { fatalError("demand catalogue does not load: \(error)") }
    }()
    static let trace = Traceability(ruleSet: Fixtures.defaultRuleSet, catalogue: catalogue)

    /// Every (rule, citation) pair of the default set.
    static let citations: [String] = Fixtures.defaultRuleSet.rules.flatMap { rule in
        rule.citations.indices.map { "\(rule.id)#\($0)" }
    }

    @Test func theCatalogueHasEveryDemandOfTheFiveLetters() {
        #expect(Self.catalogue.letters.map(\.id) == ["AN19", "CS21", "SX21", "SR20", "NSO21"])
        #expect(Self.catalogue.demands.count == 39)
        #expect(Set(Self.catalogue.demands.map(\.id)).count == Self.catalogue.demands.count)
        let prefixes = Set(Self.catalogue.demands.map(\.letter))
        #expect(prefixes == Set(Self.catalogue.letters.map(\.id)))
    }

    @Test func theCatalogueMatchesTheSharedOneWhenPresent() throws {
        let shared = Fixtures.path("../shared/DEMANDS.md")
        guard let text = try? String(contentsOfFile: shared, encoding: .utf8) else { return }
        let ids = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| "), let end = line.dropFirst(2).firstIndex(of: " ") else { return nil }
            let id = String(line[line.index(line.startIndex, offsetBy: 2)..<end])
            return id.contains("-") && id.first!.isUppercase ? id : nil
        }
        #expect(ids == Self.catalogue.demands.map(\.id))
    }

    @Test func everyCatalogueQuoteIsVerbatimInItsLetter() {
        let problems = Self.trace.catalogueProblems(seeds: .builtIn)
        #expect(problems.isEmpty, "\(problems.map(\.description))")
    }

    @Test(arguments: citations)
    func citationIsVerbatimInTheSeed(_ key: String) throws {
        let parts = key.split(separator: "#")
        let rule = try #require(Fixtures.defaultRuleSet.rule(String(parts[0])))
        let citation = rule.citations[Int(parts[1])!]
        let file = try #require(Fixtures.defaultRuleSet.letters.first { $0.id == citation.letter }?.file)
        // Read the seed from disk, not only from the binary, so the committed letters are what is checked.
        let text = try String(contentsOfFile: Fixtures.path("seeds/" + file), encoding: .utf8)
        #expect(
            SeedLibrary(texts: [file: text]).contains(citation.quote, in: file),
            "\(rule.id) cites \"\(citation.quote)\"")
    }

    @Test func everyRuleCitesAndNamesKnownDemands() {
        for rule in Fixtures.defaultRuleSet.rules {
            #expect(!rule.citations.isEmpty, "\(rule.id) cites no letter")
            #expect(!rule.demands.isEmpty, "\(rule.id) names no demand")
        }
        #expect(Self.trace.unknownDemandProblems().isEmpty, "\(Self.trace.unknownDemandProblems().map(\.description))")
        #expect(Traceability.citationProblems(ruleSet: Fixtures.defaultRuleSet, seeds: .builtIn).isEmpty)
    }

    @Test func everyDemandIsImplementedOrDeclaredNotCheckable() {
        let problems = Self.trace.coverageProblems()
        #expect(problems.isEmpty, "\(problems.map(\.description))")
    }

    @Test func aQuoteMissingFromTheLetterIsReportedAtTheCitation() throws {
        let file = try #require(Fixtures.defaultRuleSet.letters.first { $0.id == "SR20" }?.file)
        var texts = BuiltIn.seeds
        texts[file] = "A letter that says something else entirely."
        let problems = Traceability.citationProblems(ruleSet: Fixtures.defaultRuleSet, seeds: SeedLibrary(texts: texts))
        let sr20 = Fixtures.defaultRuleSet.rules.flatMap(\.citations).filter { $0.letter == "SR20" }
        #expect(problems.count == sr20.count)
        let first = try #require(problems.first)
        #expect(first.message.contains("does not appear verbatim in SR20"))
        #expect(first.position.line > 0 && first.position.file.hasPrefix("rules/"))
    }

    @Test(arguments: [
        ("a quote", "A letter\nwith a   quote in it", true), ("with a quote", "with a\n  quote", true),
        ("with a quote.", "with a quote", false), ("With a quote", "with a quote", false), ("", "anything", false),
    ])
    func verbatimMeansVerbatimUpToWhitespace(_ quote: String, _ letter: String, _ found: Bool) {
        #expect(SeedLibrary(texts: ["l.txt": letter]).contains(quote, in: "l.txt") == found)
    }

    @Test func anUncoveredDemandAndAnUnknownIdAreReported() throws {
        var ruleSet = Fixtures.defaultRuleSet
        ruleSet.rules = ruleSet.rules.map { rule in
            var rule = rule
            rule.demands = rule.demands.map { $0 == "SR20-10" ? "SR20-11" : $0 }
            return rule
        }
        let trace = Traceability(ruleSet: ruleSet, catalogue: Self.catalogue)
        #expect(
            trace.coverageProblems().map(\.message) == [
                "demand SR20-10 is implemented by no rule and not declared not checkable"
            ])
        let unknown = trace.unknownDemandProblems()
        #expect(unknown.count == 1)
        #expect(unknown.first?.message.contains("'SR20-11'") == true)
    }

    @Test func theSeedsAreTheLettersUnchanged() throws {
        let shared = Fixtures.path("../shared/seeds")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: shared) else { return }
        let ours = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("seeds")).sorted()
        #expect(ours == names.sorted())
        for name in names {
            let theirs = try Data(contentsOf: URL(fileURLWithPath: shared + "/" + name))
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("seeds/" + name))) == theirs, "\(name) differs")
        }
    }
}
