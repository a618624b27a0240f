/// Links a rule set to the demand catalogue and the letters: which rules implement which
/// demand, whether every citation is verbatim in its letter, whether every demand id a rule
/// names exists, and whether every demand is implemented or declared not checkable.
/// Problems are ``RedlineError`` values with the position of the rule or demand to fix.
public struct Traceability: Sendable {
    /// The rule set traced.
    public let ruleSet: RuleSet
    /// The catalogue traced against.
    public let catalogue: DemandCatalogue

    /// Creates a traceability view.
    public init(ruleSet: RuleSet, catalogue: DemandCatalogue) {
        self.ruleSet = ruleSet
        self.catalogue = catalogue
    }

    /// The rules naming `id` among their demands, in rule-set order.
    public func rules(implementing id: String) -> [Rule] {
        ruleSet.rules.filter { $0.demands.contains(id) }
    }

    /// Every citation of every rule whose quote is not verbatim (up to whitespace) in the letter
    /// it names, or whose letter's seed file is missing.
    public static func citationProblems(ruleSet: RuleSet, seeds: SeedLibrary) -> [RedlineError] {
        var problems: [RedlineError] = []
        let files = Dictionary(ruleSet.letters.map { ($0.id, $0.file) }, uniquingKeysWith: { first, _ in first })
        for rule in ruleSet.rules {
            for citation in rule.citations {
                guard let file = files[citation.letter] else {
                    problems.append(
                        RedlineError(
                            .invalidRules,
                            "rule \(rule.id) cites letter '\(citation.letter)', which the rule set does not declare",
                            at: citation.position,
                            suggestion: "declare <letter id=\"\(citation.letter)\" file=\"…\"> or fix the letter id"))
                    continue
                }
                guard seeds.has(file) else {
                    problems.append(
                        RedlineError(
                            .invalidRules,
                            "rule \(rule.id) cites \(citation.letter), but its seed file '\(file)' is not among the "
                                + "letters",
                            at: citation.position,
                            suggestion: "put the letter in seeds/ (or pass --seeds DIR) or fix the letter's file name"))
                    continue
                }
                if !seeds.contains(citation.quote, in: file) {
                    problems.append(
                        RedlineError(
                            .invalidRules,
                            "rule \(rule.id): the quote \"\(citation.quote)\" does not appear verbatim in "
                                + "\(citation.letter) (\(file))",
                            at: citation.position,
                            suggestion:
                                "copy the words exactly from the letter; only line breaks and runs of spaces may differ"
                        ))
                }
            }
        }
        return problems
    }

    /// Demand ids named by rules but absent from the catalogue.
    public func unknownDemandProblems() -> [RedlineError] {
        var problems: [RedlineError] = []
        for rule in ruleSet.rules {
            for id in rule.demands where !catalogue.contains(id) {
                let near = catalogue.demands.first { $0.id.lowercased() == id.lowercased() }?.id
                problems.append(
                    RedlineError(
                        .invalidRules, "rule \(rule.id) names demand '\(id)', which is not in the demand catalogue",
                        at: rule.position,
                        suggestion: near.map { "did you mean \($0)?" }
                            ?? "use an id from rules/demands.xml (e.g. CS21-j)"))
            }
        }
        return problems
    }

    /// Demands neither implemented by any rule nor declared not checkable.
    public func coverageProblems() -> [RedlineError] {
        catalogue.demands.compactMap { demand in
            guard demand.isCheckable, rules(implementing: demand.id).isEmpty else { return nil }
            return RedlineError(
                .invalidRules, "demand \(demand.id) is implemented by no rule and not declared not checkable",
                at: demand.position,
                suggestion:
                    "add a rule naming \(demand.id) in its demands, or mark the demand checkable=\"false\" with a "
                    + "<reason>"
            )
        }
    }

    /// Catalogue quotes that are not verbatim in their letters.
    public func catalogueProblems(seeds: SeedLibrary) -> [RedlineError] {
        let files = Dictionary(catalogue.letters.map { ($0.id, $0.file) }, uniquingKeysWith: { first, _ in first })
        return catalogue.demands.compactMap { demand in
            guard let file = files[demand.letter], seeds.contains(demand.quote, in: file) else {
                return RedlineError(
                    .invalidRules,
                    "demand \(demand.id): the quote \"\(demand.quote)\" is not verbatim in \(demand.letter)",
                    at: demand.position, suggestion: "copy the words exactly from the letter")
            }
            return nil
        }
    }

    /// The traceability table as Markdown (`docs/traceability.md`).
    public func markdown() -> String {
        var out = "# Traceability: demands → rules\n\n"
        out += "Generated from `rules/demands.xml` and the rule set `\(ruleSet.id)` \(ruleSet.version) "
        out += "by `RECORD_DOCS=1 swift test --filter GeneratedDocs`; a test fails when this file is stale.\n\n"
        let implemented = catalogue.demands.filter { !rules(implementing: $0.id).isEmpty }.count
        let notCheckable = catalogue.demands.filter { !$0.isCheckable }
        out += "\(catalogue.demands.count) demands: \(implemented) implemented by at least one rule, "
        out += "\(notCheckable.count) declared not checkable.\n\n"
        out += "| demand | letter | quote | what a rule checks | rules |\n|---|---|---|---|---|\n"
        for demand in catalogue.demands {
            let ids = rules(implementing: demand.id).map { "[\($0.id)](rules.md#\($0.id.lowercased()))" }
            let cell = ids.isEmpty ? (demand.isCheckable ? "**none**" : "not checkable") : ids.joined(separator: ", ")
            out +=
                "| \(demand.id) | \(demand.letter) | “\(Self.cell(demand.quote))” | \(Self.cell(demand.check)) | "
                + "\(cell) |\n"
        }
        out += "\n## Not checkable\n\n"
        if notCheckable.isEmpty {
            out += "None: every demand of the catalogue is implemented by at least one rule.\n"
        } else {
            for demand in notCheckable {
                out += "- **\(demand.id)**: \(demand.reason ?? "no reason given")\n"
            }
        }
        out += "\n## Letters\n\n"
        for letter in catalogue.letters {
            out += "- **\(letter.id)**: `seeds/\(letter.file)`, \(letter.title)\n"
        }
        return out
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
