/// Due diligence and transparency.
extension RecordBuilder {
    mutating func dueDiligence(capabilities: [String]) {
        guard tier == .exemplary || rng.chance(0.92) else { return }
        let exemplary = tier == .exemplary
        writer.open("dueDiligence")
        if present() {
            let scope =
                exemplary || rng.chance(tier.present)
                ? "operations supply-chain end-use" : rng.pick(["operations", "operations end-use", "supply-chain"])
            let steps =
                exemplary || rng.chance(tier.present)
                ? rng.pick(["identify prevent mitigate", "identify prevent mitigate account"]) : "identify"
            writer.leaf(
                "hrdd", "Group-wide human-rights due diligence under the UN Guiding Principles.",
                [
                    ("by", "exporter"), ("scope", scope), ("steps", steps),
                    ("provenance", exemplary ? "audit" : provenance()),
                    ("date", rng.chance(0.3) ? evidenceDate(futureChance: 0) : nil),
                ])
        }
        if hasInvestor && (exemplary || present(-0.2)) {
            writer.leaf(
                "hrdd", "Investor due diligence covering portfolio companies.",
                [
                    ("by", rng.pick(["investor", "private-equity"])), ("scope", "operations end-use"),
                    ("steps", "identify prevent mitigate"),
                    ("provenance", exemplary ? "audit" : provenance()),
                ])
        }
        let assessments = exemplary ? 1 : rng.pick([0, 1, 1, 1, 2])
        for number in 0..<assessments {
            let independent = exemplary || rng.chance(tier.independent)
            let outcome =
                !exemplary && rng.chance(0.06)
                ? rng.pick(["high", "unacceptable"]) : rng.pick(["low", "low", "medium"])
            let (date, reusedFrom) = assessmentDate()
            writer.open(
                "impactAssessment",
                [
                    ("date", date?.text),
                    (
                        "assessor",
                        independent
                            ? rng.pick(Vocabulary.assessors.filter { !$0.hasPrefix("the exporter") })
                            : "the exporter's compliance committee"
                    ),
                    ("independence", independent ? "independent" : rng.pick(["internal", nil])), ("outcome", outcome),
                    (
                        "provenance",
                        independent ? rng.pick(["audit", "independent"]) : rng.pick(["self-declared", nil])
                    ),
                    ("source", "HRIA-\(date?.year ?? rng.int(2016...2024))-\(rng.int(10...99))"),
                    ("reusedFrom", reusedFrom),
                ])
            let allCovers = [
                "iccpr-17", "iccpr-19", "legality", "necessity", "proportionality", "actual-use", "journalists",
                "human-rights-defenders",
                "transnational-repression",
            ]
            let covers =
                exemplary
                ? Array(allCovers.prefix(8))
                : rng.sample(allCovers, count: rng.chance(tier.present) ? rng.int(5...9) : rng.int(0...4))
            for cover in covers { writer.leaf("covers", cover) }
            if exemplary || present(-0.1) {
                writer.leaf(
                    "riskThreshold",
                    "Any credible risk of use against journalists or human-rights defenders is above threshold: no "
                        + "engagement.",
                    [
                        (
                            "standard",
                            rng.pick([
                                "UNGP 17-19; OHCHR B-Tech", "OECD Due Diligence Guidance",
                                "EU Regulation 2021/821 art. 5",
                            ])
                        )
                    ])
            }
            if exemplary || (number == 0 && present()) {
                writer.leaf(
                    "usedInDecision", "The assessment's mitigation measures are licence conditions 1 to 4.",
                    [("provenance", exemplary ? "regulator" : provenance())])
            }
            writer.close("impactAssessment")
        }
        if present() {
            writer.open("contract", [("provenance", exemplary ? "audit" : provenance())])
            if present() {
                writer.leaf("humanRightsClauses", "Use only under judicial warrant; ICCPR art. 17 and 19 compliance.")
            }
            if present() {
                writer.leaf(
                    "termination", "Termination for material breach.",
                    [
                        ("materialBreach", exemplary ? "true" : bool(tier.present)),
                        ("scope", exemplary || rng.chance(tier.present) ? rng.pick(["agency", "state"]) : nil),
                    ])
            }
            if present() { writer.leaf("auditRights", "Annual independent audit of the usage log.") }
            if present() {
                let to =
                    exemplary || rng.chance(tier.present)
                    ? rng.pick([
                        "law-enforcement export-authority victims", "export-authority victims",
                        "law-enforcement victims",
                    ])
                    : rng.pick(["export-authority", "law-enforcement"])
                writer.leaf("breachReporting", "Breaches reported within 72 hours.", [("to", to)])
            }
            writer.close("contract")
        }
        if present() {
            let independentOperator = exemplary || rng.chance(tier.independent)
            writer.leaf(
                "usageMonitoring", "Tamper-evident usage log.",
                [
                    ("operator", independentOperator ? "independent" : "exporter"),
                    (
                        "usageRecords",
                        exemplary ? "true" : rng.chance(tier.present) ? "true" : rng.pick([nil, "false"])
                    ),
                    ("provenance", independentOperator ? rng.pick(["audit", "independent"]) : provenance()),
                ])
        }
        if present(-0.1) {
            writer.leaf(
                "whistleblowerPolicy", "Reporting channel run by an external ombudsperson.",
                [
                    (
                        "scope",
                        exemplary || rng.chance(tier.present) ? "any suspected misuse, including by customers" : nil
                    ),
                    ("confidentiality", exemplary ? "true" : bool(tier.present)),
                    ("independentInvestigators", exemplary ? "true" : bool(tier.present)),
                    ("provenance", exemplary ? "audit" : provenance()),
                ])
        }
        if present(-0.2) {
            writer.leaf(
                "grievanceMechanism", "Public grievance channel meeting the UNGP 31 criteria.",
                [("provenance", provenance())])
        }
        if present(-0.1) {
            writer.leaf(
                "oversightBody", "Human Rights Advisory Board.",
                [
                    ("independent", exemplary ? "true" : bool(tier.present)),
                    ("multiStakeholder", exemplary ? "true" : bool(tier.present)),
                    ("civilSociety", exemplary ? "true" : bool(tier.present)),
                    ("provenance", exemplary ? "audit" : provenance()),
                ])
        }
        writer.close("dueDiligence")
    }

    /// An impact assessment's date and the licence it is reused from (HRDD-003), counted back from
    /// the decision (or the design date while undecided): exemplary records have one made for this
    /// licence within 22 months; the others also have older ones (25–58 months: half credit; 61–100:
    /// fails), undated ones, ones reused from an earlier licence, and a few dated after the design
    /// date (they do not exist yet).
    mutating func assessmentDate() -> (CalendarDate?, String?) {
        let reference = decided ?? RecordBuilder.designDate
        func monthsBefore(_ months: ClosedRange<Int>) -> CalendarDate {
            reference.adding(months: -rng.int(months)).adding(days: -rng.int(0...27))
        }
        if tier == .exemplary { return (monthsBefore(1...22), nil) }
        let roll = rng.unit()
        if roll < 0.3 { return (monthsBefore(0...23), nil) }
        if roll < 0.45 { return (monthsBefore(25...58), nil) }
        if roll < 0.55 { return (monthsBefore(61...100), nil) }
        if roll < 0.65 {
            // Reused from the licence this record renews, or from another earlier licence.
            let earlier = monthsBefore(12...48)
            let state = rng.pick(Vocabulary.issuingStates).country
            let reusedFrom = renewalOf ?? "\(state)-EXP-\(earlier.year)-\(rng.int(1000...9999))"
            return (rng.chance(0.8) ? earlier : nil, reusedFrom)
        }
        if roll < 0.7 { return (CalendarDate.random(2025...2027, &rng).adding(months: 13), nil) }
        return (nil, nil)
    }

    mutating func transparency() {
        let exemplary = tier == .exemplary
        guard exemplary || present() else { return }
        writer.open("transparency")
        if exemplary || present() {
            let covers =
                exemplary || rng.chance(tier.present)
                ? "registration products due-diligence sales rejected-clients contracts"
                : rng.pick(["registration", "registration products", "registration products due-diligence"])
            writer.leaf(
                "registryEntry", nil,
                [
                    ("registry", "EU cyber-surveillance exporter registry (hypothetical)"),
                    ("entryId", "\(exporter.country)-\(rng.int(1000...9999))"), ("covers", covers),
                    ("provenance", "regulator"),
                ])
        }
        for _ in 0..<(exemplary ? 1 : rng.int(0...3)) {
            let date = exemplary ? CalendarDate.random(2020...2024, &rng).text : evidenceDate(futureChance: 0.08)
            writer.leaf(
                "report", "Annual transparency report",
                [
                    ("kind", rng.pick(["transparency", "human-rights", "annual"])), ("date", date),
                    ("covers", exemplary || rng.chance(tier.present) ? "sales rejected-clients" : "sales"),
                    ("provenance", provenance()),
                ])
        }
        if exemplary || present() {
            writer.leaf(
                "contractDisclosure", "Contract disclosure under the public information act.",
                [
                    (
                        "status",
                        exemplary
                            ? rng.pick(["disclosed", "disclosable"])
                            : rng.pick(["disclosed", "disclosable", "withheld"])
                    )
                ])
        }
        writer.close("transparency")
    }
}
