/// The fixed word pools records are drawn from. Every company and agency is fictional except the
/// vendors named in the letters and on the lists (NSO Group, Candiru, Positive Technologies,
/// COSEINC), which appear only in the records meant to trigger the sanctions and NSO rules.
enum Vocabulary {
    struct Company {
        var name: String
        var country: String
        var aliases: [String] = []
    }

    /// Unflagged exporters (fictional).
    static let exporters: [Company] = [
        Company(name: "Lumivaara Networks Oy", country: "FI", aliases: ["Lumivaara"]),
        Company(name: "Balkan Signal Systems EOOD", country: "BG"),
        Company(name: "Aegean Signal Intelligence Ltd", country: "CY", aliases: ["ASI"]),
        Company(name: "Nordkapp Interception AS", country: "NO"),
        Company(name: "Helvetia Secure Comms AG", country: "CH"),
        Company(name: "Tagus Data Forensics S.A.", country: "PT"),
        Company(name: "Vltava Cyber s.r.o.", country: "CZ"),
        Company(name: "Rhein Monitoring GmbH", country: "DE", aliases: ["RheinMon"]),
        Company(name: "Carpathian Analytics SRL", country: "RO"),
        Company(name: "Danube Forensics Kft.", country: "HU"),
        Company(name: "Baltic Traffic Insight UAB", country: "LT"),
        Company(name: "Liffey Cyber Labs Ltd", country: "IE"),
        Company(name: "Seine Vision SAS", country: "FR"),
        Company(name: "Po Valley Signals S.p.A.", country: "IT"),
        Company(name: "Thames Lawful Intercept plc", country: "GB"),
        Company(name: "Kinneret Cyber Ltd", country: "IL"),
        Company(name: "Marina Bay Intrusion Labs Pte. Ltd.", country: "SG"),
        Company(name: "Oresund Network Assurance AB", country: "SE"),
        Company(name: "Vistula Data Recovery Sp. z o.o.", country: "PL"),
        Company(name: "Adriatic Mobile Forensics d.o.o.", country: "HR"),
    ]

    /// Exporters the letters name: NSO Group and its entities (NSO-001, SANC-001).
    static let nsoExporters: [Company] = [
        Company(name: "NSO Group Technologies Ltd", country: "IL", aliases: ["NSO Group"]),
        Company(name: "NSO Group", country: "IL"),
        Company(name: "NSO GROUP Technologies", country: "IL", aliases: ["Q Cyber Technologies"]),
    ]

    /// Exporters on the US Entity List other than NSO Group (SANC-001).
    static let listedExporters: [Company] = [
        Company(name: "Candiru Ltd", country: "IL", aliases: ["Saito Tech Ltd"]),
        Company(name: "Positive Technologies", country: "RU"),
        Company(name: "COSEINC", country: "SG", aliases: ["Computer Security Initiative Consultancy Pte. Ltd."]),
    ]

    /// Companies named close to a listed vendor without being it: possible matches, not hits
    /// (SANC-004), each scoring at least 0.70 against one name of the default lists.
    static let nearMissNames = [
        "Positive Technology JSC", "Posetive Technologies", "Candiru Systems Ltd", "Coseinc Consulting Pte Ltd",
    ]

    /// Group members of unflagged exporters.
    static let members: [(relation: String, name: String, country: String)] = [
        ("parent", "Northlight Holding Oy", "FI"), ("holding", "Meridian Security Holdings Ltd", "CY"),
        ("subsidiary", "Signal Services Bulgaria EOOD", "BG"), ("affiliate", "Orbis Training Academy GmbH", "DE"),
        ("intermediary", "Levant Security Expo FZE", "AE"), ("investor", "Pohjola Growth Fund III Ky", "FI"),
        ("private-equity", "Harbourline Capital Partners LLP", "GB"), ("investor", "Alpine Tech Ventures AG", "CH"),
        ("intermediary", "Gulf Integration Services LLC", "AE"), ("affiliate", "Iberian Support Desk S.L.", "ES"),
    ]

    /// Destination countries with a public authority and its agencies.
    struct Destination {
        var country: String
        var agencies: [String]
    }

    static let cs21Countries = ["AZ", "BH", "HU", "IN", "KZ", "MX", "MA", "RW", "SA", "TG", "AE"]

    static let destinations: [Destination] = [
        Destination(country: "EE", agencies: ["Police and Border Guard Board", "Internal Security Service"]),
        Destination(country: "DE", agencies: ["Bundeskriminalamt", "Landeskriminalamt Berlin"]),
        Destination(country: "FR", agencies: ["Direction generale de la securite interieure", "Police judiciaire"]),
        Destination(country: "BR", agencies: ["Policia Federal", "Agencia Brasileira de Inteligencia"]),
        Destination(country: "ID", agencies: ["Kepolisian Negara", "Badan Intelijen Negara"]),
        Destination(country: "TH", agencies: ["Royal Thai Police", "National Intelligence Agency"]),
        Destination(country: "NG", agencies: ["Nigeria Police Force", "Department of State Services"]),
        Destination(country: "PE", agencies: ["Policia Nacional del Peru", "Direccion Nacional de Inteligencia"]),
        Destination(
            country: "PH", agencies: ["Philippine National Police", "National Intelligence Coordinating Agency"]),
        Destination(country: "KE", agencies: ["National Police Service", "National Intelligence Service"]),
        Destination(country: "CL", agencies: ["Policia de Investigaciones", "Agencia Nacional de Inteligencia"]),
        Destination(country: "AE", agencies: ["Signals Intelligence Agency", "Dubai Police General Command"]),
        Destination(country: "MX", agencies: ["Centro Nacional de Inteligencia", "Fiscalia General de la Republica"]),
        Destination(
            country: "MA", agencies: ["Direction generale de la surveillance du territoire", "Surete nationale"]),
        Destination(country: "SA", agencies: ["Presidency of State Security", "General Intelligence Presidency"]),
        Destination(country: "HU", agencies: ["Nemzetbiztonsagi Szakszolgalat", "Alkotmanyvedelmi Hivatal"]),
        Destination(country: "IN", agencies: ["Intelligence Bureau", "National Investigation Agency"]),
        Destination(
            country: "RW", agencies: ["National Intelligence and Security Service", "Rwanda Investigation Bureau"]),
        Destination(country: "AZ", agencies: ["State Security Service", "Ministry of Internal Affairs"]),
        Destination(country: "KZ", agencies: ["National Security Committee", "Financial Monitoring Agency"]),
    ]

    static let commercialParties = [
        "Orion Systems Integration LLC", "Sahara Telecom Solutions FZE", "Andes Secure Networks S.A.",
        "Pacific Rim Distributors Pte. Ltd.", "Kestrel Logistics & Integration Ltd", "Atlas Trading House LLC",
    ]

    /// Customer names that appear in events without being a party to the record.
    static let unrelatedCustomers = [
        "Ministry of Interior of Elbonia", "Coastal Guard Intelligence Unit", "Metropolitan Surveillance Directorate",
        "Northern Province Police", "Federal Counter-Narcotics Agency",
    ]

    static let issuingStates: [(country: String, authority: String)] = [
        ("BG", "Ministry of Economy, Interministerial Commission for Export Control"),
        ("CY", "Ministry of Energy, Commerce and Industry, Trade Service"),
        ("FI", "Ministry for Foreign Affairs, Export Control Unit"),
        ("DE", "Federal Office for Economic Affairs and Export Control (BAFA)"),
        ("FR", "SBDU, Ministry of Economy & Finance"),
        ("IT", "UAMA, Ministry of Foreign Affairs"),
        ("SE", "Inspectorate of Strategic Products"),
        ("IL", "Defense Export Controls Agency"),
        ("CH", "State Secretariat for Economic Affairs (SECO)"),
        ("GB", "Export Control Joint Unit"),
    ]

    struct Product {
        var description: String
        var controlEntries: [String]
        var capabilities: [String]
        var cyber: Bool
    }

    static let products: [Product] = [
        Product(
            description:
                "Lawful-interception mediation platform for fixed and mobile networks (ETSI LI handover interfaces)",
            controlEntries: ["5A001.j"], capabilities: ["lawful-interception", "interception"], cyber: true),
        Product(
            description: "Remote device intrusion suite with zero-click delivery and data extraction modules",
            controlEntries: ["4A005", "4D004"], capabilities: ["remote-intrusion", "zero-click", "data-extraction"],
            cyber: true),
        Product(
            description: "Vehicle-mounted Wi-Fi and mobile interception system with device-extraction module",
            controlEntries: ["5A001.f"], capabilities: ["interception", "location-tracking", "data-extraction"],
            cyber: true),
        Product(
            description: "IP network monitoring centre with deep packet inspection and retention",
            controlEntries: ["5A001.j", "5D001.a"], capabilities: ["network-monitoring", "relationship-mapping"],
            cyber: true),
        Product(
            description: "Mobile forensic extraction kiosk for seized handsets",
            controlEntries: ["5A004.a"], capabilities: ["data-extraction"], cyber: true),
        Product(
            description: "Encrypted-messaging interception appliance (TLS and app-layer decryption)",
            controlEntries: ["5A004.a", "5D002"], capabilities: ["encryption-circumvention", "interception"],
            cyber: true),
        Product(
            description: "Face-matching video analytics for city camera networks",
            controlEntries: ["6A003.b"], capabilities: ["facial-recognition"], cyber: true),
        Product(
            description: "Cell-site location tracking platform (SS7 and Diameter queries)",
            controlEntries: ["5A001.j"], capabilities: ["location-tracking"], cyber: true),
        Product(
            description: "Carrier-grade routers and optical line terminals",
            controlEntries: ["5A002.a"], capabilities: ["other"], cyber: false),
        Product(
            description: "Network performance test equipment",
            controlEntries: ["3A002.c"], capabilities: ["other"], cyber: false),
    ]

    /// End-use statements that state a specific end use (all at least 40 characters).
    static let specificStatements = [
        "Interception of communications of suspects named in court warrants issued under the national Code of "
            + "Criminal Procedure, for investigations of organised crime and child sexual abuse.",
        "Extraction of data from handsets seized under a search warrant in investigations of drug trafficking and "
            + "money laundering, with a judge approving each extraction.",
        "Location of missing persons and kidnapping victims on written request of the public prosecutor, logged and "
            + "reviewed monthly by the oversight commission.",
        "Monitoring of the agency's own network for intrusions, limited to traffic metadata of the agency's systems "
            + "and retained for ninety days.",
        "Judicially authorised interception in investigations of human trafficking, each warrant limited to named "
            + "suspects and ninety days.",
    ]

    /// Generic statements (ENDUSE-001 fails: too short, or a generic label in a short statement).
    static let genericStatements = [
        "Counter-terrorism and national security.",
        "Law enforcement purposes.",
        "Public safety operations of the end user in the fight against crime.",
        "Marketing to law enforcement agencies for public safety.",
        "National security tasks of the intelligence service.",
        "Serious crime and counterterrorism investigations by the national police.",
    ]

    /// Event summaries by event type (investigations and designations by status and kind of list).
    static let eventSummaries: [String: [String]] = [
        "misuse-report": [
            "Forensic analysis finds spyware on phones of journalists and human-rights defenders.",
            "Leaked data lists potential targets including opposition politicians and lawyers.",
            "Court documents describe use of the system against protesters.",
            "Press reports describe interception of a lawyer's communications without a warrant.",
        ],
        "investigation-open": [
            "Parliamentary inquiry into procurement of surveillance tools.",
            "The data-protection authority opened proceedings on the use of interception equipment.",
            "Prosecutors investigate the surveillance of an investigative journalist.",
        ],
        "investigation-substantiated": [
            "The inquiry found that the system was used against journalists without judicial authorisation.",
            "The authority's final report finds unlawful interception of opposition politicians.",
        ],
        "investigation-closed-cleared": [
            "The inquiry closed without finding unlawful use.",
            "Prosecutors closed the investigation: each interception had been authorised by a judge.",
        ],
        "transnational-repression": [
            "Press reports describe surveillance of diaspora activists abroad.",
            "Exiled dissidents report hacking attempts traced to the state's intelligence service.",
        ],
        "designation-human-rights": [
            "Designated for serious human-rights violations.",
            "Designated for the surveillance and persecution of journalists and activists.",
        ],
        "designation-trade": [
            "Added to the list for activities contrary to national security and foreign policy interests.",
            "Listed for supplying spyware used to target government officials, journalists and activists.",
        ],
        "delisting": [
            "Removed from the list after review.",
            "Delisted following a court annulment of the designation.",
        ],
        "customer-suspension": [
            "Access to the system was suspended pending the outcome of an investigation.",
            "The exporter suspended updates and support after reports of misuse.",
        ],
        "customer-termination": [
            "The customer relationship was ended after an internal investigation.",
            "The exporter terminated the contract and disabled the customer's installations.",
        ],
        "non-cooperation": [
            "Investigators report that the company failed to answer requests for information.",
            "The company declined to provide usage logs to the inquiry.",
        ],
        "cooperation": [
            "The company answered the authority's questions and provided the usage logs.",
            "The company met the inquiry and supplied its due-diligence files.",
        ],
        "corporate-event": [
            "Merger of the exporter's parent with a private-equity held group.",
            "Acquisition of a minority stake in the exporter by an investment fund.",
        ],
    ]

    /// Lists and sanctions regimes named in designation and delisting events: human-rights
    /// sanctions regimes first, then trade-restriction lists.
    static let designationLists = [
        "EU Global Human Rights Sanctions Regime", "Global Magnitsky Act designations", "US Entity List",
        "UK export control list",
    ]

    /// Whether a list of ``designationLists`` is a human-rights sanctions regime.
    static func isHumanRightsRegime(_ list: String) -> Bool {
        list == designationLists[0] || list == designationLists[1]
    }

    static let assessors = [
        "Aurora Rights Audit Oy", "Meridian Human Rights Consulting", "the exporter's compliance committee",
        "Northbridge Due Diligence LLP", "Institute for Digital Rights Assessment",
    ]

    static let independentProvenances = ["forensic", "court", "regulator", "audit", "independent"]
}
