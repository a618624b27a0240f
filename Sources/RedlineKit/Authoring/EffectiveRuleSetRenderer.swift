/// Renders the effective rule set after composition (`redline rules show`): what it extends,
/// its profiles, lists and every rule in force with its severity, weight and origin, then
/// the overrides with their reasons. Plain text, deterministic.
public struct EffectiveRuleSetRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The text for a rule set.
    public func render(_ ruleSet: RuleSet) -> String {
        var out = "rule set \(ruleSet.id) \(ruleSet.version): \(ruleSet.title)\n"
        if let extends = ruleSet.extends { out += "extends: \(extends)\n" }
        out += "files: \(ruleSet.files.joined(separator: ", "))\n"
        let profiles = ruleSet.profiles.map { $0.id + ($0.isDefault ? " (default)" : "") }
        out += "profiles: \(profiles.isEmpty ? "none" : profiles.joined(separator: ", "))\n"
        out += "lists: \(ruleSet.lists.isEmpty ? "none" : ruleSet.lists.keys.sorted().joined(separator: ", "))\n"
        let policy = ruleSet.policy
        out += "verdicts: application \(policy.application.levels.map(\.name).joined(separator: " > ")); "
        out += "licence \(policy.licence.levels.map(\.name).joined(separator: " > "))\n"
        out += "\nrules in force (\(ruleSet.rules.count)):\n"
        let changed = Dictionary(grouping: ruleSet.overrides, by: \.ruleID)
        let idWidth = ruleSet.rules.map(\.id.count).max() ?? 0
        for rule in ruleSet.rules {
            let origin: String
            if !ruleSet.inheritedRuleIDs.contains(rule.id) {
                origin = ruleSet.extends == nil ? "" : "  [own]"
            } else {
                origin = changed[rule.id] == nil ? "  [inherited]" : "  [inherited, overridden]"
            }
            let id = rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            let severity = rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            out +=
                "  \(id)  \(severity)  weight \(ExplanationRenderer.number(rule.weight))  \(rule.title)  "
                + "(\(rule.position))\(origin)\n"
        }
        if !ruleSet.overrides.isEmpty {
            out += "\noverrides:\n"
            for change in ruleSet.overrides {
                var what: [String] = []
                if change.disabled { what.append("disabled") }
                if let severity = change.severity { what.append("severity \(severity.rawValue)") }
                if let weight = change.weight { what.append("weight \(ExplanationRenderer.number(weight))") }
                out +=
                    "  \(change.ruleID): \(what.joined(separator: ", ")). Reason: \(change.reason) "
                    + "(\(change.position))\n"
            }
        }
        return out
    }
}
