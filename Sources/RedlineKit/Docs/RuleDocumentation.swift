import Foundation

/// Generates Markdown documentation of a rule set: profiles, verdict policy, reference lists,
/// a summary table, then one section per rule (id, title, category, severity, weight, demands,
/// citations, what it checks, remedy, examples). The same generator writes the default set's
/// `docs/rules.md` and serves `redline rules doc`. A rule set that extends another also gets its
/// composition: the extended set, each override with its reason, each disabled rule with its
/// reason, and, per rule, where it comes from.
public enum RuleDocumentation {
    /// The Markdown text for a rule set; `extended` is the rule set it extends, if known (for
    /// the inherited values an override changes and the titles of disabled rules).
    public static func markdown(_ ruleSet: RuleSet, extended: RuleSet? = nil) -> String {
        var out = "# \(ruleSet.title)\n\n"
        out += "Rule set `\(ruleSet.id)` version \(ruleSet.version), \(ruleSet.rules.count) rules. "
        out += "Generated from the rule files by `redline rules doc`; do not edit by hand.\n\n"
        if !ruleSet.description.isEmpty { out += ruleSet.description + "\n\n" }
        out += composition(ruleSet, extended: extended)
        out += letters(ruleSet) + profiles(ruleSet) + policy(ruleSet) + lists(ruleSet)
        out += "## Rules\n\n"
        out += "| id | title | category | severity | weight | demands |\n|---|---|---|---|---|---|\n"
        for rule in ruleSet.rules {
            out +=
                "| [\(rule.id)](#\(anchor(rule.id))) | \(cell(rule.title)) | \(rule.category) | "
                + "\(rule.severity.rawValue) "
            out += "| \(format(rule.weight)) | \(rule.demands.joined(separator: ", ")) |\n"
        }
        out += "\n"
        for rule in ruleSet.rules { out += section(rule, in: ruleSet) }
        return out
    }

    /// The rule set a rule set extends, loaded again (nil when it extends none or does not load):
    /// `redline:default`, or a file relative to the rule set's main file.
    public static func extendedRuleSet(of ruleSet: RuleSet) -> RuleSet? {
        guard let href = ruleSet.extends else { return nil }
        if href == RuleSetLoader.defaultRuleSetReference { return try? RuleSetLoader.loadDefault() }
        guard let main = ruleSet.files.first else { return nil }
        let base = (main as NSString).deletingLastPathComponent
        return try? RuleSetLoader.load(path: base.isEmpty ? href : base + "/" + href)
    }

    private static func composition(_ ruleSet: RuleSet, extended: RuleSet?) -> String {
        guard let href = ruleSet.extends else { return "" }
        let name =
            href == RuleSetLoader.defaultRuleSetReference
            ? "`\(href)` (the default rule set built into redline)" : "`\(href)`"
        let own = ruleSet.rules.filter { !ruleSet.inheritedRuleIDs.contains($0.id) }
        let inherited = ruleSet.rules.count - own.count
        var out = "## Composition\n\n"
        out += "This rule set extends \(name)"
        if let extended { out += ", rule set `\(extended.id)` version \(extended.version) (\(extended.title))" }
        out += ": it inherits its letters, profiles, verdict policy, reference lists and rules. "
        out += "\(inherited) inherited rule\(inherited == 1 ? " is" : "s are") in force"
        out += own.isEmpty ? ".\n\n" : "; \(own.count) rule\(own.count == 1 ? " is" : "s are") its own: "
        if !own.isEmpty { out += own.map { "[\($0.id)](#\(anchor($0.id)))" }.joined(separator: ", ") + ".\n\n" }
        let overrides = ruleSet.overrides.filter { !$0.disabled }
        if !overrides.isEmpty {
            out += "### Overridden rules\n\n| rule | change | reason | where |\n|---|---|---|---|\n"
            for change in overrides {
                let before = extended?.rule(change.ruleID)
                var changes: [String] = []
                if let severity = change.severity {
                    changes.append("severity \(before.map { "\($0.severity.rawValue) → " } ?? "")\(severity.rawValue)")
                }
                if let weight = change.weight {
                    changes.append("weight \(before.map { "\(format($0.weight)) → " } ?? "")\(format(weight))")
                }
                out +=
                    "| [\(change.ruleID)](#\(anchor(change.ruleID))) | \(changes.joined(separator: ", ")) | "
                    + "\(cell(change.reason)) "
                out += "| `\(change.position.file)` line \(change.position.line) |\n"
            }
            out += "\n"
        }
        let disabled = ruleSet.overrides.filter(\.disabled)
        if !disabled.isEmpty {
            out += "### Disabled rules\n\nThese inherited rules are not in force in this rule set.\n\n"
            out += "| rule | title | reason | where |\n|---|---|---|---|\n"
            for change in disabled {
                let title = extended?.rule(change.ruleID)?.title ?? ""
                out +=
                    "| \(change.ruleID) | \(cell(title)) | \(cell(change.reason)) | `\(change.position.file)` line "
                    + "\(change.position.line) |\n"
            }
            out += "\n"
        }
        return out
    }

    private static func letters(_ ruleSet: RuleSet) -> String {
        guard !ruleSet.letters.isEmpty else { return "" }
        var out = "## Letters cited\n\n"
        for letter in ruleSet.letters {
            out +=
                "- **\(letter.id)** (`seeds/\(letter.file)`\(letter.date.map { ", \($0)" } ?? "")): \(letter.title)\n"
        }
        return out + "\n"
    }

    private static func profiles(_ ruleSet: RuleSet) -> String {
        guard !ruleSet.profiles.isEmpty else { return "" }
        var out = "## Profiles\n\n"
        for profile in ruleSet.profiles {
            out += "- `\(profile.id)`\(profile.isDefault ? " (default)" : ""): \(profile.description)\n"
        }
        return out + "\n"
    }

    private static func policy(_ ruleSet: RuleSet) -> String {
        var out =
            "## Verdicts\n\nThe first verdict whose condition holds applies; a rule that could not be evaluated "
            + "gives the on-error verdict unless a worse one applies.\n\n"
        let stages = [
            ("Applications", ruleSet.policy.application), ("Licences", ruleSet.policy.licence),
            ("No-licence-required determinations", ruleSet.policy.determination),
        ]
        for (name, stage) in stages {
            out += "\(name):\n\n| verdict | when |\n|---|---|\n"
            for level in stage.levels {
                var conditions: [String] = []
                if let severity = level.severity { conditions.append("a \(severity.rawValue) rule fails") }
                if let category = level.category { conditions.append("a \(category) rule fails") }
                if let below = level.below { conditions.append("score below \(format(below))") }
                let when = conditions.isEmpty ? "otherwise" : conditions.joined(separator: ", or ")
                out += "| \(level.name) | \(when)\(level.description.isEmpty ? "" : ": " + cell(level.description)) |\n"
            }
            out += "| \(stage.onError) | on error |\n"
            if let retrospective = stage.retrospective {
                out +=
                    "| \(retrospective) | the licence is no longer in force and a rule still fails "
                    + "(else \(VerdictPolicy.notInForce)) |\n"
            }
            out += "\n"
        }
        if !ruleSet.policy.combinations.isEmpty {
            out += "Combinations of red flags (at least one failing rule of each group):\n\n"
            out += "| combination | rules | application | licence | why |\n|---|---|---|---|---|\n"
            for combination in ruleSet.policy.combinations {
                let groups = combination.groups.map { $0.joined(separator: " or ") }.joined(separator: ", and ")
                let quotes = combination.citations.map { "\($0.letter): “\($0.quote)”" }.joined(separator: "; ")
                out +=
                    "| \(combination.id) \(cell(combination.title)) | \(groups) | "
                    + "\(combination.verdicts[.application] ?? "—") | \(combination.verdicts[.licence] ?? "—") | "
                    + "\(cell(quotes)) |\n"
            }
            out += "\n"
        }
        return out
    }

    private static func lists(_ ruleSet: RuleSet) -> String {
        guard !ruleSet.lists.isEmpty else { return "" }
        var out = "## Reference lists\n\n| list | kind | effective | entries | source |\n|---|---|---|---|---|\n"
        for list in ruleSet.lists.values.sorted(by: { $0.id < $1.id }) {
            let entries =
                list.entries.isEmpty
                ? "(empty)"
                : list.entries.map { entry in
                    entry.since == list.effective ? entry.value : "\(entry.value) (from \(entry.since))"
                }.joined(separator: ", ")
            out +=
                "| `\(list.id)` | \(list.kind.rawValue) | \(list.effective) | \(cell(entries)) | "
                + "\(cell(list.source)) |\n"
        }
        return out + "\n"
    }

    private static func section(_ rule: Rule, in ruleSet: RuleSet) -> String {
        var out = "### \(rule.id)\n\n**\(rule.title)**\n\n"
        if let description = rule.description { out += description + "\n\n" }
        out += "| | |\n|---|---|\n"
        out +=
            "| category | \(rule.category) |\n| severity | \(rule.severity.rawValue) |\n| weight | "
            + "\(format(rule.weight)) |\n"
        let stage: String
        switch rule.appliesTo {
        case .application: stage = "applications"
        case .licence: stage = "issued licences"
        case .determination: stage = "no-licence-required determinations"
        case nil: stage = "every stage"
        }
        out += "| applies to | \(stage)\(rule.whileInForce ? " (a licence only while in force)" : "") |\n"
        if !rule.profiles.isEmpty { out += "| profiles | \(rule.profiles.joined(separator: ", ")) |\n" }
        if let from = rule.effectiveFrom { out += "| in force from | \(from) |\n" }
        if let until = rule.effectiveUntil { out += "| in force until | \(until) |\n" }
        if rule.effectiveFrom == nil, let demanded = rule.demandedFrom {
            out += "| demanded from | \(demanded.date) (\(demanded.letter)) |\n"
        }
        out += "| demands | \(rule.demands.joined(separator: ", ")) |\n"
        out += "| defined in | `\(rule.position.file)` line \(rule.position.line) |\n"
        if let href = ruleSet.extends, ruleSet.inheritedRuleIDs.contains(rule.id) {
            out += "| inherited from | `\(href)` |\n"
            for change in ruleSet.overrides where change.ruleID == rule.id && !change.disabled {
                out +=
                    "| overridden | \(cell(change.reason)) (`\(change.position.file)` line \(change.position.line)) |\n"
            }
        }
        out += "\n"
        for citation in rule.citations { out += "> \(citation.letter): “\(citation.quote)”\n\n" }
        out += "**Checks:** "
        if let when = rule.when { out += "where `\(cell(when.text))`, " }
        out += "that `\(cell(rule.assertion.text))`"
        if let partial = rule.partial {
            out += "; partly satisfied (credit \(format(partial.credit))) when `\(cell(partial.condition.text))`"
        }
        out += ".\n\n**Finding:** \(rule.message.template)\n\n**Remedy:** \(rule.remedy)\n\n"
        for stage in Stage.allCases {
            if let remedy = rule.stageRemedies[stage] { out += "**Remedy for \(stage.withArticle):** \(remedy)\n\n" }
        }
        if !rule.examples.isEmpty {
            out += "**Examples:**\n\n"
            for example in rule.examples {
                let name = example.name.map { " (\($0))" } ?? ""
                let date = example.asOf.map { ", as of \($0)" } ?? ""
                out += "- \(example.expect.rawValue)\(name)\(date): `\(cell(compact(example.xml)))`\n"
            }
            out += "\n"
        }
        return out
    }

    private static func compact(_ xml: String) -> String {
        xml.replacingOccurrences(of: " xmlns=\"\(BuiltIn.recordNamespace)\"", with: "")
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined()
    }

    private static func anchor(_ id: String) -> String { id.lowercased() }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
