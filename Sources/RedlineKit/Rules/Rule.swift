/// Whether a record is an application or an issued licence (`licenceRecord/@stage`).
public enum Stage: String, Sendable, Hashable, Codable, CaseIterable {
    /// A licence application: verdicts approve, approve-with-conditions, refuse.
    case application
    /// An issued licence: verdicts maintain, review, suspend, revoke (not-in-force once it ended).
    case licence
    /// A no-licence-required determination: verdicts confirm, review, require-licence.
    case determination

    /// The stage in words, with its article: "an application", "an issued licence", "a determination".
    public var withArticle: String {
        switch self {
        case .application: return "an application"
        case .licence: return "an issued licence"
        case .determination: return "a no-licence-required determination"
        }
    }
}

/// A quote from a source letter that a rule cites; it must appear verbatim in the letter's seed file.
public struct Citation: Sendable, Hashable, Codable {
    /// The letter id (e.g. `AN19`).
    public var letter: String
    /// The quote.
    public var quote: String
    /// Where the citation is written.
    public var position: SourcePosition
}

/// A rule's message: text with values taken from the record.
public struct MessageTemplate: Sendable {
    /// One piece of a message.
    public enum Piece: Sendable {
        /// Literal text.
        case text(String)
        /// The string value of an expression, evaluated at the finding's location.
        case value(XPathExpression)
    }

    /// The pieces in order.
    public var pieces: [Piece]

    /// The message with each value shown as `{xpath}` (for documentation).
    public var template: String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case .value(let expression): return "{\(expression.text)}"
            }
        }.joined().replacingSpacesRuns()
    }
}

/// An inline example record of a rule, with the outcome the rule must give on it.
public struct RuleExample: Sendable {
    /// The expected outcome: pass, fail, partial or not-applicable.
    public var expect: RuleOutcome
    /// The evaluation date for the example (default: the rule's effective date or 2026-01-01).
    public var asOf: LocalDate?
    /// An optional name.
    public var name: String?
    /// The example record, serialised.
    public var xml: String
    /// Where the example is written.
    public var position: SourcePosition
}

/// One compiled rule of a rule set.
public struct Rule: Sendable {
    /// The stable id, e.g. `HRDD-001`; never reused for another meaning.
    public var id: String
    /// A one-line title.
    public var title: String
    /// What the rule checks, in plain words.
    public var description: String?
    /// The category (due-diligence, revocation, transparency, sanctions, moratorium, …).
    public var category: String
    /// How serious a failure is.
    public var severity: Severity
    /// The rule's weight in the score.
    public var weight: Double
    /// The stage the rule applies to; `nil` for every stage.
    public var appliesTo: Stage?
    /// Whether, on an issued licence, the rule applies only while the licence is in force
    /// (revocation and suspension triggers).
    public var whileInForce: Bool = false
    /// The profiles the rule belongs to; empty for every profile.
    public var profiles: [String]
    /// The first day the rule is in force.
    public var effectiveFrom: LocalDate?
    /// The last day the rule is in force.
    public var effectiveUntil: LocalDate?
    /// The date of the earliest letter whose demand the rule implements, and that letter's id:
    /// under ``Standard/asOf`` the rule applies from then (``effectiveFrom`` when it is set wins).
    public var demandedFrom: (date: LocalDate, letter: String)? = nil
    /// The demand ids the rule implements.
    public var demands: [String]
    /// The letter citations.
    public var citations: [Citation]
    /// The applicability condition (absent: always applicable).
    public var when: XPathExpression?
    /// The assertion: the rule passes when it is true.
    public var assertion: XPathExpression
    /// The partial-credit condition and its credit, if any.
    public var partial: (condition: XPathExpression, credit: Double)?
    /// Where to point a finding, tried in order.
    public var locate: [XPathExpression]
    /// The failure message.
    public var message: MessageTemplate
    /// The message when only partly satisfied.
    public var partialMessage: MessageTemplate?
    /// What evidence would fix a failure.
    public var remedy: String
    /// Remedies for one stage only (an application is never told to revoke), overriding ``remedy``.
    public var stageRemedies: [Stage: String] = [:]
    /// Inline examples.
    public var examples: [RuleExample]
    /// Where the rule is written.
    public var position: SourcePosition

    /// The remedy a finding on a record of `stage` shows.
    public func remedy(for stage: Stage) -> String { stageRemedies[stage] ?? remedy }

    /// Every compiled expression of the rule.
    var expressions: [XPathExpression] {
        var all = [assertion] + locate
        if let when { all.append(when) }
        if let partial { all.append(partial.condition) }
        for template in [message] + (partialMessage.map { [$0] } ?? []) {
            for case .value(let expression) in template.pieces { all.append(expression) }
        }
        return all
    }
}
