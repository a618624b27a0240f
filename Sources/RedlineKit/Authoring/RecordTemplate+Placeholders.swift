/// The template's placeholder values and notes: what the schema cannot say (a plausible country,
/// date or control entry, a short purpose for elements the schema does not document) and what
/// the licence kind changes (how many destinations, which parties).
extension RecordTemplate {
    /// Elements shown inside a comment, with when to uncomment them.
    static let commentedOut: [String: String] = [
        "licenceRecord/lifecycle/ended": "when the licence ended before validUntil (it is then not in force)",
        "licenceRecord/lifecycle/renewalOf": "when the record renews an earlier licence",
    ]

    /// Optional attributes described in the comment but not written: they apply to some uses only.
    static let describedOnly: Set<String> = [
        "licenceRecord/items/item/service/@forProductOf",
        "licenceRecord/dueDiligence/impactAssessment/@reusedFrom",
        "licenceRecord/lifecycle/renewalOf/@holder",
        "licenceRecord/events/event/@status", "licenceRecord/events/event/@degree",
        "licenceRecord/events/event/@scope", "licenceRecord/events/event/@until",
    ]

    /// Short purposes of the elements the schema does not document.
    static let notes: [String: String] = [
        "licenceRecord": "one export-licence application or issued licence.",
        "licenceRecord/lifecycle": "the kind of licence, its status, the authority and the dates.",
        "licenceRecord/lifecycle/issuingState": "the state whose authority decides.",
        "licenceRecord/lifecycle/authority": "the export-control authority.",
        "licenceRecord/lifecycle/reference": "the authority's reference for the application or licence.",
        "licenceRecord/lifecycle/submitted":
            "when the application was submitted (before it the record does not exist).",
        "licenceRecord/lifecycle/decided": "when the authority decided.",
        "licenceRecord/lifecycle/validFrom": "the first day the licence is valid.",
        "licenceRecord/lifecycle/validUntil": "the last day the licence is valid.",
        "licenceRecord/exporter":
            "the company that applies for or holds the licence; it is screened against the lists.",
        "licenceRecord/exporter/group": "the exporter's corporate group, screened with it.",
        "licenceRecord/parties": "the other parties: consignee, end user, intermediaries; each is screened.",
        "licenceRecord/items": "what is exported: goods, software, technology and services.",
        "licenceRecord/items/item/controlEntry": "the control-list entry, e.g. 4A005 or 5A001.j.",
        "licenceRecord/limits": "the licence's limits: volume, geography and duration.",
        "licenceRecord/endUse": "what the items will be used for, and its lawfulness.",
        "licenceRecord/destination": "the destination state's safeguards: law, oversight and remedies.",
        "licenceRecord/dueDiligence": "the human-rights due diligence of the exporter and the authority.",
        "licenceRecord/dueDiligence/contract": "the contract's human-rights terms.",
        "licenceRecord/transparency": "what is public about the licence and the exporter.",
        "licenceRecord/events/event": "one dated event: a misuse report, a designation, an investigation…",
    ]

    /// What each licence kind means for the record.
    static let kindNotes: [String: String] = [
        "individual": "one exporter, one end user and consignee, one destination.",
        "global": "one exporter, several end users or destinations: one destination element per country.",
        "general": "a published authorisation for a class of exports: one destination element per country it covers.",
        "large-project": "one large project: one end user and consignee, one destination, usually a longer duration.",
        "marketing":
            "a marketing or demonstration licence: no end user or consignee (RECORD-001 does not ask for them), "
            + "one destination element per country.",
    ]

    /// The destination countries of a template of this kind: one, or several for a kind that covers several.
    var destinationCountries: [String] { ["individual", "large-project"].contains(kind) ? ["CH"] : ["CH", "NO"] }

    /// The occurrences of an element in this template.
    func instances(of element: RecordSchemaElement) -> [Instance] {
        switch element.path {
        case "licenceRecord/destination":
            return destinationCountries.map { Instance(attributes: ["country": $0]) }
        case "licenceRecord/limits/geography/country":
            return destinationCountries.map { Instance(text: $0) }
        case "licenceRecord/parties/party":
            let roles = kind == "marketing" ? ["agent"] : ["consignee", "end-user"]
            return roles.map { Instance(attributes: ["role": $0]) }
        default:
            return [Instance()]
        }
    }

    /// Placeholder values by field path, where the type's own placeholder would not do.
    private var values: [String: String] {
        [
            "licenceRecord/@id": "BG-2025-0001",
            "licenceRecord/exporter/name": "TODO: the exporter's legal name",
            "licenceRecord/exporter/group/member/name": "TODO: the group member's legal name",
            "licenceRecord/parties/party/name": "TODO: the party's legal name",
            "licenceRecord/@stage": stage.rawValue,
            "licenceRecord/lifecycle/@kind": kind,
            "licenceRecord/lifecycle/@status": stage == .licence ? "issued" : "pending",
            "licenceRecord/lifecycle/submitted": "2025-01-15",
            "licenceRecord/lifecycle/decided": "2025-03-01",
            "licenceRecord/lifecycle/validFrom": "2025-03-01",
            "licenceRecord/lifecycle/validUntil": "2027-02-28",
            "licenceRecord/lifecycle/ended/@date": "2026-06-30",
            "licenceRecord/lifecycle/ended/@reason": "surrendered",
            "licenceRecord/parties/party/country": destinationCountries[0],
            "licenceRecord/parties/party/@sector": "government",
            "licenceRecord/items/item/@id": "item-1",
            "licenceRecord/items/item/controlEntry": "5A001.j",
            "licenceRecord/items/item/capability": "lawful-interception",
            "licenceRecord/limits/volume/@maxTargets": "10",
            "licenceRecord/limits/volume/@maxInstallations": "1",
            "licenceRecord/limits/duration/@months": "24",
            "licenceRecord/endUse/@specificity": "specific",
            "licenceRecord/dueDiligence/hrdd/@by": "exporter",
            "licenceRecord/dueDiligence/hrdd/@scope": "operations supply-chain end-use",
            "licenceRecord/dueDiligence/hrdd/@steps": "identify prevent mitigate account",
            "licenceRecord/dueDiligence/impactAssessment/@date": "2025-01-10",
            "licenceRecord/dueDiligence/contract/breachReporting/@to": "export-authority",
            "licenceRecord/transparency/registryEntry/@covers": "registration products",
            "licenceRecord/transparency/report/@kind": "annual",
            "licenceRecord/transparency/report/@covers": "sales",
            "licenceRecord/lifecycle/review/@covers": "procedure human-rights",
            "licenceRecord/events/event/@date": "2025-09-01",
            "licenceRecord/events/event/country": destinationCountries[0],
        ]
    }

    /// The value written for an attribute: the fixed value, a placeholder, the default, or one the type allows.
    func placeholder(for attribute: RecordSchemaAttribute, of element: RecordSchemaElement) -> String {
        let path = element.path + "/@" + attribute.name
        if let fixed = attribute.fixedValue { return fixed }
        if let value = values[path] { return value }
        if attribute.name == "provenance" { return "self-declared" }
        if let value = attribute.defaultValue { return value }
        return placeholder(for: attribute.value, at: path, named: attribute.name)
    }

    /// The text written for a value at `path`: a placeholder, or one the type allows.
    func placeholder(for value: RecordSchemaValue, at path: String, named name: String) -> String {
        if let placeholder = values[path] { return placeholder }
        if value.typeName == "countryCode" { return "BG" }
        if let first = value.enumeration.first { return first }
        switch value.builtIn {
        case "date": return "2025-01-15"
        case "boolean": return "true"
        case "positiveInteger", "integer", "nonNegativeInteger": return "1"
        case "NMTOKEN", "NMTOKENS": return "todo"
        default: return "TODO: " + Self.words(name)
        }
    }

    /// A camel-case name in words: `necessityProportionality` is "necessity proportionality".
    static func words(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            result += character.isUppercase ? " " + character.lowercased() : String(character)
        }
    }
}
