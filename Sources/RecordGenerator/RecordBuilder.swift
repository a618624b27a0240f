/// Builds one valid licence record from a random stream. The record's "quality" (how much of the
/// evidence the letters ask for is present, and how much of it is independent) and a few rare
/// triggers (listed vendors, misuse reports, designations…) are drawn first; the sections follow.
struct RecordBuilder {
    /// How much evidence a record carries.
    enum Tier: CaseIterable {
        case exemplary, good, weak, bare

        /// Probability that a piece of evidence is present.
        var present: Double {
            switch self {
            case .exemplary: return 1
            case .good: return 0.85
            case .weak: return 0.5
            case .bare: return 0.12
            }
        }

        /// Probability that present evidence is independent (not self-declared).
        var independent: Double {
            switch self {
            case .exemplary: return 1
            case .good: return 0.75
            case .weak: return 0.3
            case .bare: return 0.1
            }
        }
    }

    var rng: SplitMix64
    let id: String
    let isLicence: Bool
    let tier: Tier
    var writer = XMLWriter()

    // Decided up front because several sections refer to them.
    var exporter: Vocabulary.Company
    /// The destinations, one per country: the end user's first (a marketing licence may name more).
    var destinations: [Vocabulary.Destination]
    var destination: Vocabulary.Destination { destinations[0] }
    var cyber: Bool
    var endUser: (name: String, aliases: [String], country: String, government: Bool)
    var transfer: String?
    var noLicenceRequired: Bool
    var hasInvestor = false
    /// `lifecycle/@kind`.
    let kind: String
    /// `lifecycle/submitted`: never after the design date (a record does not exist before it).
    let submitted: CalendarDate
    /// `lifecycle/decided`: licences, refused applications and determinations; before the design date.
    let decided: CalendarDate?

    // The names the record writes (events are about them, or about someone else).
    /// The exporter's name, the aliases written, its group members' names.
    var exporterNames: [String] = []
    /// The group members' names only.
    var memberNames: [String] = []
    /// The end user's and ultimate end user's names and aliases, as written.
    var endUserNames: [String] = []
    /// The consignee's and intermediaries' names, as written.
    var otherPartyNames: [String] = []
    /// Parties named close to, not exactly as, a listed vendor (SANC-004's possible matches).
    var nearMissNames: [String] = []
    /// `lifecycle/renewalOf`: the reference of the licence this record renews, if it does.
    var renewalOf: String?

    /// The corpus design date (``CorpusGenerator/designAsOf``).
    static let designDate = CalendarDate(CorpusGenerator.designAsOf)

    init(rng seeded: SplitMix64, index: Int) {
        var rng = seeded
        isLicence = rng.chance(0.45)
        let tierRoll = rng.unit()
        let tier: Tier = tierRoll < 0.25 ? .exemplary : tierRoll < 0.6 ? .good : tierRoll < 0.85 ? .weak : .bare
        self.tier = tier
        let flagged = tier != .exemplary
        let exporterRoll = rng.unit()
        if flagged && exporterRoll < 0.03 {
            exporter = rng.pick(Vocabulary.nsoExporters)
        } else if flagged && exporterRoll < 0.05 {
            exporter = rng.pick(Vocabulary.listedExporters)
        } else {
            exporter = rng.pick(Vocabulary.exporters)
        }
        var transfer: String?
        var noLicenceRequired = false
        if rng.chance(0.06) {
            transfer = "intra-eu"
            noLicenceRequired = flagged && rng.chance(0.6)
        } else if rng.chance(0.05) {
            transfer = rng.pick(["transit", "brokering", "technical-assistance"])
        }
        self.transfer = transfer
        self.noLicenceRequired = noLicenceRequired
        // Exemplary records go to CS21 countries too: their enhanced review satisfies DEST-001.
        let eu: Set<String> = ["EE", "DE", "FR", "HU"]
        let destination = rng.pick(Vocabulary.destinations.filter { transfer != "intra-eu" || eu.contains($0.country) })
        let kind = rng.pick(["individual", "individual", "global", "general", "large-project", "marketing"])
        self.kind = kind
        var destinations = [destination]
        if kind == "marketing" && transfer != "intra-eu" && rng.chance(0.4) {
            // A demonstration tour: a second country, one destination element each.
            destinations.append(rng.pick(Vocabulary.destinations.filter { $0.country != destination.country }))
        }
        self.destinations = destinations
        cyber = rng.chance(0.85)
        let government = rng.chance(0.8)
        let agency = rng.pick(destination.agencies)
        if government {
            endUser = (agency, rng.chance(0.3) ? ["\(agency) (\(destination.country))"] : [], destination.country, true)
        } else {
            endUser = (rng.pick(Vocabulary.commercialParties), [], destination.country, false)
        }
        // Every record is submitted on or before the design date. Licences, refusals and
        // determinations were decided (20–200 days later) before it too: from 2016, about half of
        // them in the three years before the design date (the licences still in force). Pending
        // applications were submitted in the two and a half years before it.
        let decides = isLicence || noLicenceRequired || rng.chance(0.1)
        let design = RecordBuilder.designDate
        let lastDecided = design.adding(days: -240)
        let submitted =
            decides
            ? CalendarDate.random(
                from: rng.chance(0.5) ? CalendarDate(year: 2016, month: 1, day: 1) : design.adding(months: -36),
                through: lastDecided, &rng)
            : CalendarDate.random(from: CalendarDate(year: 2023, month: 1, day: 1), through: design, &rng)
        self.submitted = submitted
        decided = decides ? submitted.adding(days: rng.int(20...200)) : nil
        id = "\(exporter.country)-\(submitted.year)-\(isLicence ? "L" : "A")-\(String(100_000 + index % 900_000))"
        self.rng = rng
    }

    // MARK: - Helpers

    mutating func present(_ boost: Double = 0) -> Bool {
        rng.chance(min(1, tier.present + boost))
    }

    /// A provenance attribute value (nil = absent, which means self-declared).
    mutating func provenance() -> String? {
        if rng.chance(tier.independent) { return rng.pick(Vocabulary.independentProvenances) }
        return rng.chance(0.5) ? "self-declared" : nil
    }

    mutating func bool(_ probability: Double) -> String {
        rng.chance(probability) ? rng.pick(["true", "true", "1"]) : rng.pick(["false", "false", "0"])
    }

    /// An evidence date: with probability `futureChance` after the corpus design date (2025-06-30),
    /// otherwise 2017–2024.
    mutating func evidenceDate(futureChance: Double) -> String {
        if rng.chance(futureChance) { return CalendarDate.random(2025...2027, &rng).adding(months: 13).text }
        return CalendarDate.random(2017...2024, &rng).text
    }

    // MARK: - The record

    mutating func build() -> String {
        writer.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        if rng.chance(0.3) {
            writer.raw("<!-- Generated by redline-corpus: a synthetic licence record, not a real case. -->")
        }
        writer.open(
            "licenceRecord",
            [
                ("xmlns", "urn:redline:licence-record:1"), ("formatVersion", "1"), ("id", id),
                ("stage", isLicence ? "licence" : "application"),
            ])
        lifecycle()
        exporterSection()
        parties()
        let capabilities = items()
        limits()
        endUse()
        destinationSection()
        dueDiligence(capabilities: capabilities)
        transparency()
        events()
        writer.close("licenceRecord")
        return writer.text
    }

    mutating func lifecycle() {
        let state = rng.pick(Vocabulary.issuingStates)
        let design = RecordBuilder.designDate
        var validFrom: CalendarDate?
        var validUntil: CalendarDate?
        if isLicence, let decided {
            let from = decided.adding(days: rng.int(1...30))
            validFrom = from
            if rng.chance(0.8) { validUntil = from.adding(months: rng.pick([12, 24, 36])) }
        }
        // How the licence ended, if it did: by status, by an ended element, or both (an ended
        // licence whose status was not updated keeps "issued"); or its validUntil simply passed.
        var ended: (reason: String, date: CalendarDate)?
        func endDate(_ from: CalendarDate) -> CalendarDate? {
            let start = from.adding(days: 30)
            let last = min(validUntil ?? design, design)
            return start < last ? CalendarDate.random(from: start, through: last, &rng) : nil
        }
        let status: String
        if noLicenceRequired {
            status = "no-licence-required"
        } else if isLicence, let from = validFrom {
            let roll = rng.unit()
            let lapsed = validUntil.map { $0 < design } ?? false
            if roll < 0.06 {
                status = "suspended"
            } else if roll < 0.11 {
                status = "revoked"
                if rng.chance(0.7), let date = endDate(from) { ended = ("revoked", date) }
            } else if roll < 0.18 {
                status = rng.pick(["surrendered", "cancelled", "exhausted"])
                if rng.chance(0.8), let date = endDate(from) { ended = (status, date) }
            } else if lapsed && rng.chance(0.4) {
                status = "expired"
                if rng.chance(0.3), let until = validUntil { ended = ("expired", until) }
            } else {
                status = "issued"
                if rng.chance(0.03), let date = endDate(from) { ended = ("exhausted", date) }
            }
        } else {
            status = decided == nil ? "pending" : "refused"
        }
        writer.open("lifecycle", [("kind", kind), ("status", status), ("transfer", transfer)])
        writer.leaf("issuingState", state.country)
        writer.leaf("authority", state.authority)
        if rng.chance(0.8) {
            writer.leaf("reference", "\(state.country)-EXP-\(submitted.year)-\(rng.int(1000...9999))")
        }
        writer.leaf("submitted", submitted.text)
        if let decided { writer.leaf("decided", decided.text) }
        if let validFrom { writer.leaf("validFrom", validFrom.text) }
        if let validUntil { writer.leaf("validUntil", validUntil.text) }
        if let ended {
            let how = [
                "expired": "The validity period ran out; no renewal was applied for.",
                "surrendered": "The holder returned the licence by letter to the authority.",
                "cancelled": "Cancelled by the authority: the holder's export unit was dissolved.",
                "exhausted": "The licensed quantity has been shipped in full.",
                "revoked": "Revoked by decision of the authority.",
            ]
            writer.leaf(
                "ended", how[ended.reason] ?? "Ended.",
                [
                    ("reason", ended.reason), ("date", ended.date.text),
                    ("source", rng.chance(0.5) ? "Notice \(state.country)-\(rng.int(100...999))" : nil),
                ])
        }
        if (isLicence && rng.chance(0.2)) || (!isLicence && rng.chance(0.1)) {
            let renewed = "\(state.country)-EXP-\(submitted.year - 2)-\(rng.int(1000...9999))"
            renewalOf = renewed
            writer.leaf("renewalOf", renewed, [("holder", exporter.name)])
        }
        if noLicenceRequired || (transfer == "intra-eu" && rng.chance(0.3)) {
            writer.open("determination", [("provenance", "regulator")])
            if rng.chance(tier.present) {
                writer.leaf(
                    "legalBasis", "Article 11 of Regulation (EU) 2021/821: intra-Union transfer outside Annex IV")
            }
            if rng.chance(tier.present) {
                writer.leaf(
                    "disclosure", "Published in the authority's annual export report", [("source", "Annual report")])
            }
            writer.close("determination")
        }
        // Reviews: periodic, and enhanced ones for CS21 destinations and flagged exporters; dated
        // ones lie after the decision (or the submission), a few after the design date.
        let reviewCount = tier == .exemplary ? 2 : rng.int(0...2)
        for number in 0..<reviewCount {
            let enhanced = number == 0 ? (tier == .exemplary || rng.chance(0.4)) : rng.chance(0.3)
            let covers = tier == .exemplary || rng.chance(tier.present) ? "procedure human-rights" : "procedure"
            var date: String?
            if rng.chance(0.5) {
                if tier != .exemplary && rng.chance(0.05) {
                    date = CalendarDate.random(2025...2027, &rng).adding(months: 13).text
                } else {
                    date = CalendarDate.random(from: decided ?? submitted, through: design, &rng).text
                }
            }
            writer.leaf(
                "review", "Documented review of the licence conditions and the destination's surveillance record.",
                [
                    ("kind", enhanced ? "enhanced" : rng.pick([nil, "periodic"])), ("covers", covers),
                    ("provenance", tier == .exemplary ? "regulator" : provenance()), ("date", date),
                ])
        }
        writer.close("lifecycle")
    }

    mutating func exporterSection() {
        writer.open("exporter")
        writer.leaf("name", exporter.name)
        exporterNames.append(exporter.name)
        for alias in exporter.aliases where rng.chance(0.7) {
            writer.leaf("alias", alias)
            exporterNames.append(alias)
        }
        writer.leaf("country", exporter.country)
        if rng.chance(0.7) { writer.leaf("registration", "\(exporter.country)-\(rng.int(1_000_000...9_999_999))") }
        if present() {
            let complete = tier == .exemplary || rng.chance(tier.present)
            let independent = tier == .exemplary || rng.chance(tier.independent)
            writer.open(
                "group",
                [
                    ("disclosure", complete ? "complete" : "partial"), ("provenance", independent ? "regulator" : nil),
                    ("source", independent ? "Trade register extract" : nil),
                ])
            for member in rng.sample(Vocabulary.members, count: rng.int(0...3)) {
                if member.relation == "investor" || member.relation == "private-equity" { hasInvestor = true }
                writer.open("member", [("relation", member.relation)])
                writer.leaf("name", member.name)
                memberNames.append(member.name)
                writer.leaf("country", member.country)
                writer.close("member")
            }
            if tier != .exemplary && rng.chance(0.02) {
                // An affiliate of NSO Group inside an otherwise unflagged group.
                writer.open("member", [("relation", "affiliate")])
                writer.leaf("name", "NSO Group Technologies")
                memberNames.append("NSO Group Technologies")
                writer.leaf("country", "IL")
                writer.close("member")
            }
            writer.close("group")
        }
        exporterNames += memberNames
        writer.close("exporter")
    }
}
