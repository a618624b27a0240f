/// A source letter declared by a rule set.
public struct Letter: Sendable, Hashable, Codable {
    /// The id citations use (e.g. `CS21`).
    public var id: String
    /// The seed file name (in `seeds/`).
    public var file: String
    /// The letter's date.
    public var date: LocalDate?
    /// A short description.
    public var title: String
}

/// A named selection of rules (`--profile`).
public struct Profile: Sendable, Hashable {
    /// The id.
    public var id: String
    /// What the profile is for.
    public var description: String
    /// Whether it is used when no `--profile` is given.
    public var isDefault: Bool
}

/// How a score and failed rules become a verdict, per stage.
public struct VerdictPolicy: Sendable, Hashable {
    /// One verdict and its condition.
    public struct Level: Sendable, Hashable {
        /// The verdict name (refuse, approve, revoke, maintain…).
        public var name: String
        /// The verdict applies when a failed rule has this severity or higher…
        public var severity: Severity?
        /// …or when a failed rule has this category (a trigger of its own, whatever its severity)…
        public var category: String?
        /// …or when the score is below this.
        public var below: Double?
        /// What the level means, in words.
        public var description: String

        /// A level; `category` is optional so that levels without it read as before.
        public init(name: String, severity: Severity?, category: String? = nil, below: Double?, description: String) {
            self.name = name
            self.severity = severity
            self.category = category
            self.below = below
            self.description = description
        }
    }

    /// The policy of one stage: levels from the most to the least severe.
    public struct StagePolicy: Sendable, Hashable {
        /// The levels, most severe first; the last has no condition.
        public var levels: [Level]
        /// The mildest verdict allowed when a rule could not be evaluated.
        public var onError: String
        /// The verdict of a licence no longer in force that still has a finding (retrospective
        /// review); `nil` for the stages where it does not apply.
        public var retrospective: String? = nil

        /// The verdict for a score, the severities and categories of failed rules and whether
        /// any rule errored.
        public func verdict(
            score: Double, failedSeverities: [Severity], failedCategories: Set<String> = [], hadError: Bool
        ) -> String {
            let worst = failedSeverities.max()
            var index =
                levels.firstIndex { level in
                    if let threshold = level.severity, let worst, worst >= threshold { return true }
                    if let category = level.category, failedCategories.contains(category) { return true }
                    if let below = level.below, score < below { return true }
                    return level.severity == nil && level.category == nil && level.below == nil
                } ?? (levels.count - 1)
            if hadError, let errorIndex = levels.firstIndex(where: { $0.name == onError }), errorIndex < index {
                index = errorIndex
            }
            return levels[index].name
        }

        /// The verdict a record with no problem gets.
        public var clean: String { levels.last?.name ?? "" }

        /// The more severe of two verdicts (earlier in ``levels``); an unknown name loses.
        public func moreSevere(_ a: String, _ b: String) -> String {
            let first = levels.firstIndex { $0.name == a } ?? levels.count
            let second = levels.firstIndex { $0.name == b } ?? levels.count
            return second < first ? b : a
        }
    }

    /// The policy for applications.
    public var application: StagePolicy
    /// The policy for issued licences.
    public var licence: StagePolicy
    /// The policy for no-licence-required determinations.
    public var determination: StagePolicy = VerdictPolicy.defaultDetermination
    /// Red flags that together give a stronger verdict, in file order.
    public var combinations: [Combination] = []

    /// The policy of a stage.
    public func policy(for stage: Stage) -> StagePolicy {
        switch stage {
        case .application: return application
        case .licence: return licence
        case .determination: return determination
        }
    }

    /// The verdict of a licence that is not in force and has nothing left to judge.
    public static let notInForce = "not-in-force"

    /// The determination policy of a rule set that declares none.
    public static let defaultDetermination = StagePolicy(
        levels: [
            Level(
                name: "require-licence", severity: .critical, category: "licensing-practice", below: nil,
                description: "The items need a licence: the determination cannot stand."),
            Level(
                name: "review", severity: .minor, below: 85,
                description: "The determination stands only after a documented review."),
            Level(name: "confirm", severity: nil, below: nil, description: "The determination is sound and disclosed."),
        ], onError: "review")
}

/// Red flags that together refuse or revoke (`<policy><combination>`): when, for each group, at
/// least one of its rules fails or fails in part, the record gets at least the combination's
/// verdict for its stage.
public struct Combination: Sendable, Hashable {
    /// The id, e.g. `COMBINE-001`.
    public var id: String
    /// What the combination is, in words.
    public var title: String
    /// Why, for an officer.
    public var description: String?
    /// The groups of rule ids: one failing rule from each is needed.
    public var groups: [[String]]
    /// The verdict per stage (absent: the combination does not apply to that stage).
    public var verdicts: [Stage: String]
    /// The letters' words.
    public var citations: [Citation]
    /// Where the combination is written.
    public var position: SourcePosition

    /// The rules that make the combination hold, one list per group, when every group has a
    /// failing rule in `failing`; `nil` otherwise.
    public func matches(failing: Set<String>) -> [String]? {
        var found: [String] = []
        for group in groups {
            let hits = group.filter(failing.contains)
            guard !hits.isEmpty else { return nil }
            found += hits
        }
        return found
    }
}

/// A loaded and compiled rule set: every XPath compiled once, ready to evaluate many records
/// concurrently.
public struct RuleSet: Sendable {
    /// The rule set's id.
    public var id: String
    /// Its version.
    public var version: String
    /// Its title.
    public var title: String
    /// Its description.
    public var description: String
    /// The letters it cites.
    public var letters: [Letter]
    /// Namespace prefixes available to expressions (always `r` and `rl`).
    public var namespaces: [String: String]
    /// The profiles.
    public var profiles: [Profile]
    /// The verdict policy.
    public var policy: VerdictPolicy
    /// The reference lists by id.
    public var lists: [String: ReferenceList]
    /// The rules, in file order.
    public var rules: [Rule]
    /// The files the rule set was loaded from, main file first.
    public var files: [String]
    /// The rule set this one extends (`<extends href>`), if any.
    public var extends: String? = nil
    /// The lists whose entries came from official files (``importing(_:)``), for every report.
    public var importedLists: [ImportedList] = []
    /// The changes made to inherited rules, in file order (disabled rules are not in `rules`).
    public var overrides: [RuleOverride] = []
    /// The ids of the rules inherited from the extended rule set (empty without `<extends>`).
    public var inheritedRuleIDs: Set<String> = []

    /// The profile used when none is named.
    public var defaultProfile: String {
        profiles.first { $0.isDefault }?.id ?? profiles.first?.id ?? "default"
    }

    /// The rule with an id.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}
