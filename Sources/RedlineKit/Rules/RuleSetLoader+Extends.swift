/// Composition: `<extends href="…"/>` loads a parent rule set whose lists, letters, profiles,
/// policy and rules are inherited; `<override>` and `<disable>` change inherited rules by id.
extension RuleSetLoader {
    /// Loads the rule set named by an `<extends>` element, refusing cycles.
    mutating func loadParent(_ element: XMLElement) throws(RedlineError) -> RuleSet {
        let at = position(of: element)
        let href = element.attribute("href") ?? ""
        var loader: RuleSetLoader
        let target: String
        if href == RuleSetLoader.defaultRuleSetReference {
            target = BuiltIn.defaultRuleSetPath
            loader = RuleSetLoader(source: .embedded)
            // The embedded rule set is trusted (see `checks`) unless it is itself being verified.
            if case .embedded = source { loader.checks = checks } else { loader.checks = false }
        } else {
            guard !href.hasPrefix("/"), !href.contains("://"), !href.split(separator: "/").contains("..") else {
                throw RedlineError(
                    .invalidRules, "<extends href=\"\(href)\"> must be a relative path inside the rule set's folder",
                    at: at,
                    suggestion:
                        "write \"\(RuleSetLoader.defaultRuleSetReference)\" for the built-in rules, or a path "
                        + "relative to this file without '..'"
                )
            }
            target = try resolve(href, from: element.document.path, at: at)
            loader = RuleSetLoader(source: source)
            loader.checks = checks
            do {
                _ = try source.read(target, limit: RuleSetLoader.maxFileBytes)
            } catch {
                throw RedlineError(
                    .invalidRules, "the extended rule set '\(href)' cannot be read: \(error.message)", at: at,
                    suggestion:
                        "fix the href (relative to this file), or write \"\(RuleSetLoader.defaultRuleSetReference)\" "
                        + "for the built-in rules"
                )
            }
        }
        let key = RuleSetLoader.key(target, loader.source)
        if chain.contains(key) {
            let names = (chain + [key]).map { String($0.drop { $0 != ":" }.dropFirst()) }
            throw RedlineError(
                .invalidRules, "rule sets extend each other in a cycle: \(names.joined(separator: " → "))", at: at,
                suggestion: "remove the <extends> that closes the cycle")
        }
        loader.chain = chain + [key]
        return try loader.loadMain(target)
    }

    /// The inherited rules with every `<override>` and `<disable>` applied (disabled rules
    /// removed); `own` holds the ids of the rules this file defines. In lint mode an `<override>` or
    /// `<disable>` with a problem is reported and skipped.
    mutating func applyOverrides(to inherited: [Rule], own: Set<String>, overrides: inout [RuleOverride])
        throws(RedlineError) -> [Rule]
    {
        var rules = inherited
        var first: [String: (RuleOverride, XMLElement)] = [:]
        for element in overrideElements {
            do throws(RedlineError) {
                try applyOverride(element, to: &rules, own: own, first: &first, overrides: &overrides)
            } catch {
                try report(error)
            }
        }
        let disabled = Set(overrides.filter(\.disabled).map(\.ruleID))
        return rules.filter { !disabled.contains($0.id) }
    }

    private func applyOverride(
        _ element: XMLElement, to rules: inout [Rule], own: Set<String>,
        first: inout [String: (RuleOverride, XMLElement)],
        overrides: inout [RuleOverride]
    ) throws(RedlineError) {
        let at = position(of: element)
        let id = element.attribute("rule") ?? ""
        let reason = (element.attribute("reason") ?? "").replacingSpacesRuns()
        guard let index = rules.firstIndex(where: { $0.id == id }) else {
            let suggestion: String
            if own.contains(id) {
                suggestion = "rule \(id) is defined in this rule set: change it directly"
            } else if let near = rules.first(where: { $0.id.lowercased() == id.lowercased() }) {
                suggestion = "did you mean \(near.id)?"
            } else {
                suggestion = "use the id of an inherited rule (redline rules show lists them)"
            }
            throw RedlineError(
                .invalidRules, "<\(element.name)> names rule '\(id)', which the extended rule set does not define",
                at: at,
                suggestion: suggestion)
        }
        guard !reason.isEmpty else {
            throw RedlineError(
                .invalidRules, "<\(element.name) rule=\"\(id)\"> has no reason", at: at,
                suggestion: "say why in reason=\"…\": readers of the rule set must know why it differs")
        }
        var change = RuleOverride(ruleID: id, disabled: element.name == "disable", reason: reason, position: at)
        if element.name == "override" {
            change.severity = element.attribute("severity").flatMap { Severity(rawValue: $0) }
            change.weight = element.attribute("weight").flatMap { Double($0) }
            guard change.severity != nil || change.weight != nil else {
                throw RedlineError(
                    .invalidRules, "<override rule=\"\(id)\"> changes nothing", at: at,
                    suggestion: "set severity=\"…\" or weight=\"…\", or use <disable rule=\"\(id)\" reason=\"…\"/>")
            }
        }
        if let (earlier, earlierElement) = first[id] {
            let clash =
                earlier.disabled || change.disabled || (earlier.severity != nil && change.severity != nil)
                || (earlier.weight != nil && change.weight != nil)
            if clash {
                throw RedlineError(
                    .invalidRules,
                    "<\(element.name)> of rule \(id) conflicts with the <\(earlierElement.name)> at "
                        + "\(earlier.position)",
                    at: at, suggestion: "keep one change per rule and attribute")
            }
        } else {
            first[id] = (change, element)
        }
        if let severity = change.severity { rules[index].severity = severity }
        if let weight = change.weight { rules[index].weight = weight }
        overrides.append(change)
    }
}
