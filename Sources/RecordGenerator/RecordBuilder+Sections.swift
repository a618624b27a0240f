/// The sections after the exporter: parties, items, limits, end use, destination, due diligence,
/// transparency and events.
extension RecordBuilder {
    mutating func parties() {
        guard tier == .exemplary || rng.chance(0.95) else { return }
        writer.open("parties")
        func party(_ role: String, _ name: String, _ aliases: [String], _ country: String, government: Bool) {
            writer.open(
                "party",
                [
                    ("role", role), ("sector", government ? "government" : "commercial"),
                    ("branch", government ? rng.pick(["law-enforcement", "intelligence", "military", nil]) : nil),
                ])
            writer.leaf("name", name)
            for alias in aliases { writer.leaf("alias", alias) }
            writer.leaf("country", country)
            writer.close("party")
            if role == "end-user" || role == "ultimate-end-user" {
                endUserNames += [name] + aliases
            } else {
                otherPartyNames.append(name)
            }
        }
        // A marketing or demonstration licence often has no end user or consignee yet.
        let prospective = kind == "marketing" && tier != .exemplary && rng.chance(0.5)
        // The end user listed twice in its role breaks RECORD-002; the same body as consignee and
        // end user (legitimate) does not.
        let duplicate = tier != .exemplary && rng.chance(0.08)
        if !prospective && (tier == .exemplary || rng.chance(tier.present + 0.1)) {
            let name =
                rng.chance(0.1)
                ? endUser.name
                : endUser.government
                    ? "\(endUser.name), Procurement Directorate" : rng.pick(Vocabulary.commercialParties)
            party("consignee", name, [], destination.country, government: endUser.government)
        }
        if !prospective && (tier == .exemplary || rng.chance(tier.present + 0.1)) {
            party("end-user", endUser.name, endUser.aliases, endUser.country, government: endUser.government)
            if duplicate { party("end-user", endUser.name, [], endUser.country, government: endUser.government) }
        }
        if !prospective && rng.chance(0.2) {
            party(
                "ultimate-end-user", "\(endUser.name) Regional Office", [], endUser.country,
                government: endUser.government)
        }
        if rng.chance(prospective ? 0.6 : 0.25) {
            party(
                rng.pick(["intermediary", "broker", "agent"]), rng.pick(Vocabulary.commercialParties), [],
                rng.pick(["AE", "CY", "SG", "CH"]), government: false)
        }
        if tier != .exemplary && rng.chance(0.02) {
            let listed = rng.pick(Vocabulary.listedExporters)
            party(
                "intermediary", rng.chance(0.5) ? listed.name : listed.aliases.first ?? listed.name, [], listed.country,
                government: false)
        } else if tier != .exemplary && rng.chance(0.03) {
            // A company whose name is one letter or one word away from a listed vendor's.
            let name = rng.pick(Vocabulary.nearMissNames)
            party(
                rng.pick(["consignee", "intermediary", "broker"]), name, [], rng.pick(["RU", "IL", "SG", "CY"]),
                government: false)
            nearMissNames.append(name)
        }
        writer.close("parties")
    }

    /// Writes the items; returns every capability written.
    mutating func items() -> [String] {
        let cyberProducts = Vocabulary.products.filter {
            $0.cyber && (tier != .exemplary || !$0.capabilities.contains("encryption-circumvention"))
        }
        let plainProducts = Vocabulary.products.filter { !$0.cyber }
        let count = rng.pick([1, 1, 2, 2, 3, 4, 6])
        var capabilities: [String] = []
        writer.open("items")
        for number in 1...count {
            var product = cyber ? rng.pick(cyberProducts) : rng.pick(plainProducts)
            if cyber && number > 1 && rng.chance(0.3) { product = rng.pick(plainProducts) }
            if cyber && tier != .exemplary && product.capabilities.contains("encryption-circumvention")
                && !rng.chance(0.3)
            {
                product = rng.pick(cyberProducts.filter { !$0.capabilities.contains("encryption-circumvention") })
            }
            // A cyber-surveillance item is marked so, except in a few records below the exemplary tier
            // that leave the attribute out or mark it false (ITEM-001: its entries and capabilities
            // make it one all the same).
            let mislabelled = product.cyber && tier != .exemplary && rng.chance(0.07)
            let cyberAttribute: String? =
                product.cyber && !mislabelled ? rng.pick(["true", "true", "1"]) : rng.pick([nil, "false"])
            writer.open("item", [("id", "item-\(number)"), ("cyberSurveillance", cyberAttribute)])
            writer.leaf("description", product.description)
            if rng.chance(0.7) { writer.leaf("manufacturer", exporter.name) }
            let incomplete = tier != .exemplary && rng.chance(0.1)
            if !(incomplete && rng.chance(0.5)) {
                for entry in product.controlEntries { writer.leaf("controlEntry", entry) }
            }
            if !incomplete || rng.chance(0.5) {
                for capability in product.capabilities {
                    writer.leaf("capability", capability)
                    capabilities.append(capability)
                }
            }
            if rng.chance(0.6) {
                writer.leaf("service", "Operator training, \(rng.int(2...10)) days", [("kind", "training")])
            }
            if rng.chance(0.4) {
                writer.leaf("service", "Security updates for \(rng.pick([12, 24, 36])) months", [("kind", "updates")])
            }
            if tier != .exemplary && rng.chance(0.015) {
                writer.leaf(
                    "service", "Operational support for a third-party product",
                    [
                        ("kind", "operational-support"),
                        ("forProductOf", rng.pick(["NSO Group", "NSO Group Technologies Ltd", "Candiru Ltd"])),
                    ])
            }
            writer.leaf("quantity", String(rng.int(1...40)))
            writer.close("item")
        }
        writer.close("items")
        return capabilities
    }

    mutating func limits() {
        guard present() else { return }
        writer.open("limits")
        if present() {
            writer.leaf(
                "volume", "At most the stated number of installations and concurrent targets.",
                [
                    ("maxInstallations", rng.chance(0.7) ? String(rng.int(1...5)) : nil),
                    ("maxTargets", rng.chance(0.7) ? String(rng.int(10...500)) : nil),
                ])
        }
        if present() {
            writer.open("geography")
            for place in destinations { writer.leaf("country", place.country) }
            writer.close("geography")
        }
        if present() { writer.leaf("duration", nil, [("months", String(rng.pick([12, 24, 36])))]) }
        writer.close("limits")
    }

    mutating func endUse() {
        guard tier == .exemplary || rng.chance(0.9) else { return }
        let specific = tier == .exemplary || rng.chance(tier.present)
        writer.open("endUse", [("specificity", specific ? "specific" : rng.pick([nil, "generic"]))])
        writer.leaf(
            "statement", specific ? rng.pick(Vocabulary.specificStatements) : rng.pick(Vocabulary.genericStatements),
            [
                ("provenance", provenance()),
                ("source", rng.chance(0.5) ? "End-user certificate \(destination.country)-\(rng.int(100...999))" : nil),
            ])
        if present() {
            writer.leaf(
                "legalBasis", "Code of Criminal Procedure, chapter on covert surveillance",
                [("provenance", provenance())])
        }
        if present() { writer.leaf("legitimateAim", "Investigation of serious crime") }
        if present() {
            writer.leaf(
                "necessityProportionality", "Each measure is subject to a judicial necessity and proportionality test.",
                [("provenance", provenance())])
        }
        if present() {
            writer.leaf(
                "targetingLimits", "No targeting of journalists, lawyers, human-rights defenders or political activity."
            )
        }
        writer.close("endUse")
    }

    mutating func destinationSection() {
        for place in destinations { destinationSection(place.country) }
    }

    mutating func destinationSection(_ country: String) {
        writer.open("destination", [("country", country)])
        let independent = tier == .exemplary
        func evidence(_ name: String, _ text: String) {
            guard present() else { return }
            writer.leaf(
                name, text, [("provenance", independent ? rng.pick(Vocabulary.independentProvenances) : provenance())])
        }
        evidence("surveillanceLaw", "Law on special investigative means and its implementing regulations")
        evidence("judicialAuthorisation", "A judge authorises each surveillance measure in advance.")
        evidence("independentOversight", "Parliamentary committee and an independent data-protection authority")
        evidence(
            "publicOversightApproval",
            "Acquisition approved by the parliamentary oversight committee after public notice.")
        evidence("procurementRestriction", "Procurement of intrusion tools restricted to listed agencies.")
        evidence("impermissibleTargets", "Journalists, lawyers and political activity are impermissible targets.")
        if present() {
            writer.leaf(
                "remedy", "Notification after surveillance ends; complaints to the ombudsman; court action.",
                [
                    ("judicial", tier == .exemplary ? "true" : bool(tier.present)),
                    ("nonJudicial", tier == .exemplary ? "true" : bool(tier.present)),
                    ("provenance", independent ? "regulator" : provenance()),
                ])
        }
        if tier == .exemplary || present() {
            let fails = tier != .exemplary && rng.chance(0.06)
            writer.leaf(
                "ruleOfLaw", fails ? "Does not meet rule-of-law standards." : "Meets rule-of-law standards.",
                [("assessment", fails ? "fails" : "meets"), ("provenance", independent ? "independent" : provenance())])
        }
        writer.close("destination")
    }
}
