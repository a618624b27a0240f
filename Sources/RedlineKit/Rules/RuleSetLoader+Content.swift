/// A rule set's content: includes, reference lists and the verdict policy.
extension RuleSetLoader {
    mutating func collect(
        _ elements: [XMLElement], lists: inout [String: ReferenceList], rules: inout [XMLElement],
        visited: inout Set<String>
    ) throws(RedlineError) {
        for element in elements {
            switch element.name {
            case "include":
                let at = position(of: element)
                let part: XMLElement
                do throws(RedlineError) {
                    let target = try resolve(element.attribute("href") ?? "", from: element.document.path, at: at)
                    guard !visited.contains(target) else {
                        throw RedlineError(
                            .invalidRules, "'\(target)' is included more than once (or includes itself)", at: at,
                            suggestion: "include each part once, from the main rule-set file")
                    }
                    visited.insert(target)
                    part = try parse(target, expectedRoot: "part", includedFrom: at)
                } catch {
                    // Lint mode: report the include and go on with the rest of the file.
                    try report(error)
                    continue
                }
                try collect(part.children, lists: &lists, rules: &rules, visited: &visited)
            case "list":
                do throws(RedlineError) {
                    let list = try loadList(element)
                    if let existing = lists[list.id] {
                        throw RedlineError(
                            .invalidRules, "duplicate list id '\(list.id)' (first defined at \(existing.position))",
                            at: list.position, suggestion: "give every list a unique id")
                    }
                    lists[list.id] = list
                } catch {
                    try report(error)
                }
            case "rule":
                rules.append(element)
            case "override", "disable":
                overrideElements.append(element)
            default:
                break
            }
        }
    }

    func loadPolicy(_ element: XMLElement) throws(RedlineError) -> VerdictPolicy {
        func stage(_ name: String) throws(RedlineError) -> VerdictPolicy.StagePolicy {
            guard let node = element.child(named: name) else {
                throw RedlineError(.invalidRules, "policy has no <\(name)>", at: position(of: element))
            }
            var levels: [VerdictPolicy.Level] = []
            for verdict in node.children(named: "verdict") {
                let below: Double? = verdict.attribute("below").flatMap { Double($0) }
                levels.append(
                    VerdictPolicy.Level(
                        name: verdict.attribute("name") ?? "",
                        severity: verdict.attribute("severity").flatMap { Severity(rawValue: $0) },
                        category: verdict.attribute("category"), below: below,
                        description: verdict.text.replacingSpacesRuns()))
            }
            if let last = levels.last, last.severity != nil || last.below != nil {
                throw RedlineError(
                    .invalidRules, "the last <verdict> of <\(name)> must have no condition (it is the clean verdict)",
                    at: position(of: node.children(named: "verdict").last ?? node),
                    suggestion: "remove severity and below from the last verdict")
            }
            let onError = node.attribute("on-error") ?? ""
            guard levels.contains(where: { $0.name == onError }) else {
                throw RedlineError(
                    .invalidRules, "on-error verdict '\(onError)' is not one of the verdicts of <\(name)>",
                    at: position(of: node), suggestion: "use one of: \(levels.map(\.name).joined(separator: ", "))")
            }
            if Set(levels.map(\.name)).count != levels.count {
                throw RedlineError(.invalidRules, "<\(name)> names a verdict twice", at: position(of: node))
            }
            var policy = VerdictPolicy.StagePolicy(levels: levels, onError: onError)
            if let retrospective = node.attribute("retrospective") {
                guard levels.contains(where: { $0.name == retrospective }) else {
                    throw RedlineError(
                        .invalidRules,
                        "retrospective verdict '\(retrospective)' is not one of the verdicts of <\(name)>",
                        at: position(of: node), suggestion: "use one of: \(levels.map(\.name).joined(separator: ", "))")
                }
                policy.retrospective = retrospective
            } else if name == "licence", levels.contains(where: { $0.name == "review" }) {
                policy.retrospective = "review"
            }
            return policy
        }
        var policy = VerdictPolicy(application: try stage("application"), licence: try stage("licence"))
        if element.child(named: "determination") != nil { policy.determination = try stage("determination") }
        policy.combinations = element.children(named: "combination").map(combination)
        return policy
    }

    /// A `<combination>` of the policy (its rule ids and verdicts are checked once the rules are known).
    private func combination(_ element: XMLElement) -> Combination {
        var verdicts: [Stage: String] = [:]
        for stage in Stage.allCases {
            if let verdict = element.attribute(stage.rawValue) { verdicts[stage] = verdict }
        }
        return Combination(
            id: element.attribute("id") ?? "", title: element.child(named: "title")?.text.replacingSpacesRuns() ?? "",
            description: element.child(named: "description")?.text.replacingSpacesRuns(),
            groups: element.children(named: "failing").map {
                ($0.attribute("any") ?? "").split(separator: " ").map(String.init)
            }, verdicts: verdicts,
            citations: element.children(named: "cite").map {
                Citation(
                    letter: $0.attribute("letter") ?? "", quote: $0.text.replacingSpacesRuns(),
                    position: position(of: $0))
            }, position: position(of: element))
    }

    private mutating func loadList(_ element: XMLElement) throws(RedlineError) -> ReferenceList {
        let at = position(of: element)
        let kind = ReferenceList.Kind(rawValue: element.attribute("kind") ?? "") ?? .party
        let effective = LocalDate(element.attribute("effective") ?? "") ?? LocalDate(daysSinceEpoch: 0)
        var entries: [ReferenceList.Entry] = []
        for entry in element.children(named: "entry") {
            let value = entry.text.trimmingWhitespace().description
            let entryAt = position(of: entry)
            if kind == .country, !CountryCodes.all.contains(value.uppercased()) {
                let error = RedlineError(
                    .invalidRules, "'\(value)' is not an ISO 3166-1 alpha-2 country code", at: entryAt,
                    suggestion: "use the two-letter code, e.g. AE for the United Arab Emirates")
                // Lint mode: report the entry and keep the list, so rules using it are still checked.
                try report(error)
                continue
            }
            let since = entry.attribute("since").flatMap { LocalDate($0) } ?? effective
            let until = entry.attribute("until").flatMap { LocalDate($0) }
            if let until, until < since {
                try report(
                    RedlineError(
                        .invalidRules, "entry '\(value)' ends (\(until)) before it starts (\(since))", at: entryAt,
                        suggestion: "swap since and until, or correct the dates"))
                continue
            }
            entries.append(
                ReferenceList.Entry(
                    value: value, kind: kind, since: since, until: until,
                    position: entryAt))
        }
        var list = ReferenceList(
            id: element.attribute("id") ?? "", kind: kind,
            title: element.child(named: "title")?.text.replacingSpacesRuns() ?? "",
            source: element.attribute("source") ?? "", effective: effective, entries: entries, position: at)
        if let format = element.attribute("import") {
            list.imports = ReferenceList.Import(
                format: format,
                programmes: (element.attribute("programme") ?? "").split(separator: " ").map(String.init),
                sourceList: element.attribute("sourceList"))
        }
        return list
    }
}
