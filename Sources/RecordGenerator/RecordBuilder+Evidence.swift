/// Due diligence, transparency and dated events.
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
            let date: String? =
                exemplary
                ? CalendarDate.random(2019...2024, &rng).text : rng.chance(0.6) ? evidenceDate(futureChance: 0.06) : nil
            writer.open(
                "impactAssessment",
                [
                    ("date", date),
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
                    ("source", "HRIA-\(rng.int(2019...2024))-\(rng.int(10...99))"),
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

    mutating func events() {
        let exemplary = tier == .exemplary
        let count =
            isLicence ? (exemplary ? rng.int(0...2) : rng.int(0...5)) : (exemplary ? rng.int(0...1) : rng.int(0...2))
        guard count > 0 else { return }
        writer.open("events")
        for _ in 0..<count {
            let benign = ["cooperation", "investigation", "delisting", "corporate-event"]
            let harmful = [
                "misuse-report", "misuse-report", "transnational-repression", "designation", "customer-suspension",
                "customer-termination",
                "non-cooperation",
            ]
            let type = exemplary || rng.chance(isLicence ? 0.7 : 0.85) ? rng.pick(benign) : rng.pick(harmful)
            let date = evidenceDate(futureChance: exemplary ? 0 : 0.07)
            var attributes: [(String, String?)] = [("type", type), ("date", date)]
            switch type {
            case "misuse-report", "transnational-repression":
                attributes.append(
                    (
                        "provenance",
                        rng.chance(0.7)
                            ? rng.pick(["forensic", "independent", "court"]) : rng.pick([nil, "self-declared"])
                    ))
                attributes.append(
                    ("source", rng.pick(["Citizen Lab", "Amnesty Tech", "Forbidden Stories", "Court filing"])))
            case "corporate-event":
                attributes.append(
                    ("disclosedToRegulator", exemplary ? "true" : rng.pick(["true", "true", "false", nil])))
            default:
                if rng.chance(0.5) { attributes.append(("provenance", rng.pick(Vocabulary.independentProvenances))) }
            }
            writer.open("event", attributes)
            switch type {
            case "transnational-repression", "customer-suspension", "customer-termination":
                // Either the record's end user (by its exact name or alias), or someone else.
                let matches = rng.chance(0.5)
                let subject =
                    matches
                    ? (endUser.aliases.isEmpty || rng.chance(0.5) ? endUser.name : endUser.aliases[0])
                    : rng.pick(Vocabulary.unrelatedCustomers)
                writer.leaf("subject", subject)
                if type == "transnational-repression" {
                    writer.leaf(
                        "country", matches || rng.chance(0.3) ? destination.country : rng.pick(["VE", "BY", "TR"]))
                }
            case "designation":
                writer.leaf("subject", rng.pick(Vocabulary.unrelatedCustomers))
                writer.leaf(
                    "list",
                    rng.pick([
                        "EU Global Human Rights Sanctions Regime", "Global Magnitsky Act designations",
                        "US Entity List",
                        "UK export control list",
                    ]))
            case "delisting", "investigation", "cooperation", "non-cooperation":
                if rng.chance(0.5) { writer.leaf("subject", exporter.name) }
            default:
                break
            }
            writer.leaf("summary", rng.pick(Vocabulary.summaries))
            writer.close("event")
        }
        writer.close("events")
    }
}
