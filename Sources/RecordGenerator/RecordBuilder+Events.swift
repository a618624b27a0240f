/// Dated events. Who an event is about decides what it triggers (docs/record-format.md, "Who an
/// event is about"): a party of this record (named exactly as the record names it), another
/// agency of the destination state (its country is a destination), or someone else elsewhere
/// (context only). How far a claim is established (alleged, corroborated, confirmed, adjudicated)
/// follows from its provenance, or is stated with `verification` where it differs.
extension RecordBuilder {
    /// One event before it is written.
    struct Event {
        var type: String
        var date: CalendarDate
        var attributes: [(String, String?)] = []
        var subjects: [String] = []
        var country: String?
        var list: String?
        var summary: String
    }

    /// The most events one record has. The Schematron peer (Benchmarks/make-schematron.py)
    /// relates events to each other by position and is exact up to 12 events.
    static let maxEvents = 10

    mutating func events() {
        let exemplary = tier == .exemplary
        let count =
            isLicence ? (exemplary ? rng.int(0...2) : rng.int(0...5)) : (exemplary ? rng.int(0...1) : rng.int(0...2))
        guard count > 0 || !nearMissNames.isEmpty else { return }
        var events: [Event] = []
        for _ in 0..<count {
            let harmful = !exemplary && rng.chance(isLicence ? 0.35 : 0.25)
            events += harmful ? harmfulEvent() : benignEvent()
        }
        // Half of the possible matches were reviewed and cleared by the officer.
        for name in nearMissNames where rng.chance(0.5) {
            events.append(
                Event(
                    type: "screening-review", date: eventDate(), attributes: [("status", "closed-cleared")],
                    subjects: [name], list: "US Entity List",
                    summary: "Registry extract and address compared with the listing: a different company."))
        }
        // In the order they happened (stable for equal dates).
        let ordered = events.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
        writer.open("events")
        for (_, event) in ordered.prefix(RecordBuilder.maxEvents) {
            writer.open("event", [("type", event.type), ("date", event.date.text)] + event.attributes)
            for subject in event.subjects { writer.leaf("subject", subject) }
            if let country = event.country { writer.leaf("country", country) }
            if let list = event.list { writer.leaf("list", list) }
            writer.leaf("summary", event.summary)
            writer.close("event")
        }
        writer.close("events")
    }

    // MARK: - Kinds of events

    /// Events that are triggers or destination signals (and, about someone else, context).
    mutating func harmfulEvent() -> [Event] {
        switch weighted([(3, 0), (2, 1), (2, 2), (1, 3), (1, 4), (2.5, 5), (3, 6), (1, 7), (0.5, 8)]) {
        case 0: return [misuseAboutParty()]
        case 1: return [misuseAboutState(level: level())]
        case 2: return [investigationAboutParty()]
        case 3: return [investigationAboutState(status: rng.pick([nil, "open", "substantiated"]))]
        case 4: return [transnationalRepression()]
        case 5: return designation()
        case 6: return [customerAction()]
        case 7: return [nonCooperation()]
        default: return [cooperation(degree: rng.pick(["partial", "refused"]))]
        }
    }

    /// Events that trigger nothing: full cooperation, cleared investigations, disclosed corporate
    /// events, and context (an allegation about another agency, misuse by someone else elsewhere,
    /// a delisting of someone else). Below the exemplary tier, some cooperation is only partial
    /// and some corporate events were not disclosed.
    mutating func benignEvent() -> [Event] {
        let exemplary = tier == .exemplary
        switch weighted([(2, 0), (1.5, 1), (2, 2), (1, 3), (1.5, 4), (1, 5)]) {
        case 0:
            let degree: String? =
                !exemplary && rng.chance(0.15) ? rng.pick(["partial", "refused"]) : rng.pick([nil, "full"])
            return [cooperation(degree: degree)]
        case 1:
            if rng.chance(0.3) { return [investigationAboutState(status: "closed-cleared")] }
            var event = Event(
                type: "investigation", date: eventDate(), attributes: [("status", "closed-cleared")],
                summary: rng.pick(Vocabulary.eventSummaries["investigation-closed-cleared"]!))
            event.attributes.append(("provenance", rng.pick(["regulator", "court", nil])))
            if let subject = recordParty() { event.subjects = [subject] }
            return [event]
        case 2:
            return [
                Event(
                    type: "corporate-event", date: eventDate(),
                    attributes: [
                        ("disclosedToRegulator", exemplary ? "true" : rng.pick(["true", "true", "false", nil]))
                    ],
                    summary: rng.pick(Vocabulary.eventSummaries["corporate-event"]!))
            ]
        case 3:
            let (someone, _) = elsewhere()
            return [
                Event(
                    type: "delisting", date: eventDate(), attributes: [("provenance", "regulator")],
                    subjects: [someone],
                    list: rng.pick(Vocabulary.designationLists),
                    summary: rng.pick(Vocabulary.eventSummaries["delisting"]!))
            ]
        case 4:
            // Misuse by a different client in another country: context.
            let (someone, country) = elsewhere()
            return [
                Event(
                    type: "misuse-report", date: eventDate(), attributes: strength(level()), subjects: [someone],
                    country: country, summary: rng.pick(Vocabulary.eventSummaries["misuse-report"]!))
            ]
        default:
            // A single allegation about another agency of the destination state: context.
            return [misuseAboutState(level: 0)]
        }
    }

    mutating func misuseAboutParty() -> Event {
        var event = Event(
            type: "misuse-report", date: eventDate(), attributes: strength(level()),
            summary: rng.pick(Vocabulary.eventSummaries["misuse-report"]!))
        // Neither subject nor country: a report about this licence's item in use.
        if rng.chance(0.88), let subject = recordParty() {
            event.subjects = [subject]
            if endUserNames.contains(subject) && rng.chance(0.6) { event.country = destination.country }
        }
        return event
    }

    /// Misuse by another agency of a destination state (a destination signal when corroborated
    /// or better, context when only alleged).
    mutating func misuseAboutState(level: Int) -> Event {
        let place = rng.chance(0.85) ? destination : rng.pick(destinations)
        var event = Event(
            type: "misuse-report", date: eventDate(), attributes: strength(level), country: place.country,
            summary: rng.pick(Vocabulary.eventSummaries["misuse-report"]!))
        if rng.chance(0.7) { event.subjects = [otherAgency(of: place)] }
        return event
    }

    /// An investigation into a party: open (a suspension trigger), substantiated (revocation when
    /// confirmed or adjudicated, suspension when corroborated), or closed and cleared (context).
    mutating func investigationAboutParty() -> Event {
        var event = Event(type: "investigation", date: eventDate(), summary: "")
        let roll = rng.unit()
        let status: String
        if roll < 0.5 {
            status = "open"
            event.attributes = [
                ("status", rng.pick([nil, "open"])), ("provenance", rng.pick(["regulator", "independent", nil])),
            ]
        } else if roll < 0.75 {
            status = "substantiated"
            event.attributes = [("status", status)] + strength(rng.pick([1, 2, 2, 3]))
        } else {
            status = "closed-cleared"
            event.attributes = [("status", status), ("provenance", rng.pick(["regulator", "court"]))]
        }
        event.summary = rng.pick(Vocabulary.eventSummaries["investigation-" + status]!)
        if rng.chance(0.9), let subject = recordParty() { event.subjects = [subject] }
        return event
    }

    /// An investigation into surveillance in a destination state (about the state, not this end user).
    mutating func investigationAboutState(status: String?) -> Event {
        let place = rng.chance(0.85) ? destination : rng.pick(destinations)
        var event = Event(
            type: "investigation", date: eventDate(),
            attributes: [("status", status), ("provenance", rng.pick(["regulator", "independent", "court"]))],
            country: place.country, summary: rng.pick(Vocabulary.eventSummaries["investigation-" + (status ?? "open")]!)
        )
        if rng.chance(0.4) { event.subjects = [otherAgency(of: place)] }
        return event
    }

    /// Transnational repression by the end user, by its state, or by someone else elsewhere.
    mutating func transnationalRepression() -> Event {
        var event = Event(
            type: "transnational-repression", date: eventDate(),
            attributes: [
                ("provenance", rng.pick(["forensic", "independent", "court", nil])),
                ("source", rng.pick(["Citizen Lab", "Amnesty Tech", "Freedom House", "Court filing"])),
            ],
            summary: rng.pick(Vocabulary.eventSummaries["transnational-repression"]!))
        let roll = rng.unit()
        if roll < 0.4, let name = endUserNames.first {
            event.subjects = [name]
            event.country = destination.country
        } else if roll < 0.65 {
            event.subjects = [otherAgency(of: destination)]
            event.country = destination.country
        } else {
            let (someone, country) = elsewhere()
            event.subjects = [someone]
            event.country = country
        }
        return event
    }

    /// A designation of a party (a trigger while in force) or of someone else (context); some
    /// have ended: an `until` date, or a later delisting of the same subject (from the same list,
    /// or, not ending it, from another).
    mutating func designation() -> [Event] {
        let date = eventDate()
        let list = rng.pick(Vocabulary.designationLists)
        let subject: String
        if rng.chance(0.5) {
            var names = [exporter.name] + memberNames + otherPartyNames
            if let name = endUserNames.first { names += [name, name, name] }
            subject = rng.pick(names)
        } else {
            subject = elsewhere().name
        }
        var designation = Event(
            type: "designation", date: date, attributes: [("provenance", "regulator")], subjects: [subject],
            list: list,
            summary: rng.pick(
                Vocabulary.eventSummaries[
                    Vocabulary.isHumanRightsRegime(list) ? "designation-human-rights" : "designation-trade"]!))
        let roll = rng.unit()
        if roll < 0.15 {
            designation.attributes.append(("until", date.adding(days: rng.int(180...900)).text))
        } else if roll < 0.25 {
            designation.attributes.append(
                ("until", RecordBuilder.designDate.adding(days: rng.int(30...700)).text))
        }
        guard rng.chance(0.3) else { return [designation] }
        let delistedFrom: String? =
            rng.chance(0.1) ? rng.pick(Vocabulary.designationLists.filter { $0 != list }) : rng.pick([list, list, nil])
        let delisting = Event(
            type: "delisting", date: date.adding(days: rng.int(60...1200)), attributes: [("provenance", "regulator")],
            subjects: [subject], list: delistedFrom, summary: rng.pick(Vocabulary.eventSummaries["delisting"]!))
        return [designation, delisting]
    }

    /// The exporter suspended or terminated a customer: the end user (a trigger), another agency of
    /// the destination state (agency scope: a destination signal), all engagement with the state
    /// (state scope), or a customer elsewhere (context).
    mutating func customerAction() -> Event {
        let type = rng.pick(["customer-suspension", "customer-termination"])
        var event = Event(
            type: type, date: eventDate(),
            attributes: rng.chance(0.5)
                ? [("provenance", rng.pick(["self-declared", "independent", "regulator"]))] : [],
            summary: rng.pick(Vocabulary.eventSummaries[type]!))
        let roll = rng.unit()
        if roll < 0.35 {
            event.subjects = [endUserNames.isEmpty ? otherAgency(of: destination) : rng.pick(endUserNames)]
            if rng.chance(0.7) { event.country = destination.country }
            event.attributes.append(("scope", rng.pick([nil, "agency"])))
        } else if roll < 0.6 {
            event.subjects = [otherAgency(of: destination)]
            event.country = destination.country
            event.attributes.append(("scope", rng.pick([nil, "agency"])))
        } else if roll < 0.92 {
            event.type = "customer-termination"
            event.attributes.append(("scope", "state"))
            event.country = destination.country
            event.summary = "The exporter ended all engagement with the end-user state's authorities."
            if rng.chance(0.6) {
                event.subjects = [endUserNames.isEmpty || rng.chance(0.5) ? otherAgency(of: destination) : endUser.name]
            }
        } else {
            let (someone, country) = elsewhere()
            event.subjects = [someone]
            event.country = country
        }
        return event
    }

    /// The exporter (or its group) did not cooperate with an inquiry, fully or in part.
    mutating func nonCooperation() -> Event {
        var event = Event(
            type: "non-cooperation", date: eventDate(),
            attributes: [
                ("degree", rng.pick([nil, "refused", "partial"])),
                ("provenance", rng.pick(["regulator", "independent"])),
            ],
            summary: rng.pick(Vocabulary.eventSummaries["non-cooperation"]!))
        let roll = rng.unit()
        if roll < 0.5 {
            event.subjects = [exporter.name]
        } else if roll < 0.6, !memberNames.isEmpty {
            event.subjects = [rng.pick(memberNames)]
        } else if roll < 0.9 {
            // Neither subject nor country: the exporter, in the record's own file.
        } else {
            let (someone, country) = elsewhere()
            event.subjects = [someone]
            event.country = country
        }
        return event
    }

    mutating func cooperation(degree: String?) -> Event {
        var event = Event(
            type: "cooperation", date: eventDate(),
            attributes: [("degree", degree), ("provenance", rng.pick(["regulator", "self-declared", nil]))],
            summary: rng.pick(Vocabulary.eventSummaries["cooperation"]!))
        if rng.chance(0.5) { event.subjects = [exporter.name] }
        return event
    }

    // MARK: - Helpers

    /// An event date: 2017–2024, or (a few, below the exemplary tier) after the design date.
    mutating func eventDate() -> CalendarDate {
        if tier != .exemplary && rng.chance(0.07) { return CalendarDate.random(2025...2027, &rng).adding(months: 13) }
        return CalendarDate.random(2017...2024, &rng)
    }

    /// How far a misuse claim is established: 0 alleged (35 %), 1 corroborated (25 %), 2 confirmed
    /// (25 %), 3 adjudicated (15 %).
    mutating func level() -> Int {
        weighted([(0.35, 0), (0.25, 1), (0.25, 2), (0.15, 3)])
    }

    /// Provenance, verification and source of a claim established to `level`, as real sources
    /// give them: the verification is stated only where it differs from the provenance's default.
    mutating func strength(_ level: Int) -> [(String, String?)] {
        let choices: [[(String, String?)]]
        switch level {
        case 0:
            choices = [
                [("provenance", "independent"), ("source", "Forbidden Stories")],
                [("provenance", "independent"), ("verification", "alleged"), ("source", "NGO statement")],
                [("source", "Anonymous complaint to the authority")],
                [("provenance", "self-declared"), ("source", "The exporter's incident log")],
            ]
        case 1:
            choices = [
                [
                    ("provenance", "independent"), ("verification", "corroborated"),
                    ("source", "Two independent press investigations"),
                ],
                [
                    ("provenance", "regulator"), ("verification", "corroborated"),
                    ("source", "Parliamentary inquiry, interim report"),
                ],
            ]
        case 2:
            choices = [
                [("provenance", "forensic"), ("source", "Citizen Lab")],
                [("provenance", "forensic"), ("source", "Amnesty Tech Security Lab")],
                [("provenance", "audit"), ("source", "Independent audit report")],
                [
                    ("provenance", "independent"), ("verification", "confirmed"),
                    ("source", "Peer-reviewed forensic analysis"),
                ],
            ]
        default:
            choices = [
                [("provenance", "court"), ("source", "Court judgment")],
                [
                    ("provenance", "regulator"), ("verification", "adjudicated"),
                    ("source", "Data-protection authority, final decision"),
                ],
            ]
        }
        return rng.pick(choices)
    }

    /// A party of this record, by a name the record writes: the end user most often, else the
    /// exporter (or a group member), else the consignee or an intermediary.
    mutating func recordParty() -> String? {
        let roll = rng.unit()
        if roll < 0.6 && !endUserNames.isEmpty { return rng.pick(endUserNames) }
        if roll < 0.85 || otherPartyNames.isEmpty { return rng.pick(exporterNames) }
        return rng.pick(otherPartyNames)
    }

    /// An agency of a destination state other than the end user.
    mutating func otherAgency(of place: Vocabulary.Destination) -> String {
        let others = place.agencies.filter { $0 != endUser.name && !endUserNames.contains($0) }
        return rng.pick(others.isEmpty ? place.agencies : others)
    }

    /// Someone unrelated to the record, in a country that is not a destination.
    mutating func elsewhere() -> (name: String, country: String) {
        (rng.pick(Vocabulary.unrelatedCustomers), rng.pick(["VE", "BY", "TR", "EG", "UG"]))
    }

    /// One of the values, with probability proportional to its weight.
    mutating func weighted<T>(_ choices: [(Double, T)]) -> T {
        var roll = rng.unit() * choices.reduce(0) { $0 + $1.0 }
        for (weight, value) in choices {
            if roll < weight { return value }
            roll -= weight
        }
        return choices[choices.count - 1].1
    }
}
