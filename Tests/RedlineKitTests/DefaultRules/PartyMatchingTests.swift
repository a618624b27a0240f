import RedlineKit
import Testing

/// Party matching against the reference lists through the default rules (docs/matching.md):
/// spelling variants, aliases and group members of a listed company are caught; similar but
/// different companies are not; nothing is caught before the list's effective date.
struct PartyMatchingTests {
    static let engine = Engine(ruleSet: Fixtures.defaultRuleSet)

    enum Placement: String, CaseIterable, Sendable {
        case exporterName, exporterAlias, groupAffiliate, groupInvestorAlias, endUser, endUserAlias, serviceProduct

        func record(_ name: String) -> String {
            switch self {
            case .exporterName:
                return Fixtures.record(exporter: name)
            case .exporterAlias:
                return Fixtures.record().replacingOccurrences(
                    of: "<name>Test Exporter Ltd</name>", with: "<name>Test Exporter Ltd</name><alias>\(name)</alias>")
            case .groupAffiliate:
                return Fixtures.record().replacingOccurrences(
                    of: "<country>BG</country></exporter>",
                    with:
                        "<country>BG</country><group><member "
                        + "relation=\"affiliate\"><name>\(name)</name></member></group></exporter>"
                )
            case .groupInvestorAlias:
                return Fixtures.record().replacingOccurrences(
                    of: "<country>BG</country></exporter>",
                    with:
                        "<country>BG</country><group><member relation=\"investor\"><name>Fund IV "
                        + "LP</name><alias>\(name)</alias></member></group></exporter>"
                )
            case .endUser:
                return Fixtures.record(
                    body:
                        "<parties><party role=\"end-user\"><name>\(name)</name><country>IL</country></party></parties>")
            case .endUserAlias:
                return Fixtures.record(
                    body:
                        "<parties><party role=\"end-user\"><name>Agency "
                        + "X</name><alias>\(name)</alias><country>IL</country></party></parties>"
                )
            case .serviceProduct:
                return Fixtures.record(
                    body: """
                        <items><item id="s"><description>Support</description><service kind="support" forProductOf="\(name)">Second-line support</service></item></items>
                        """)
            }
        }
    }

    static func outcome(_ rule: String, _ xml: String, asOf: String) throws -> RuleResult.Outcome? {
        let report = engine.check(
            bytes: Array(xml.utf8), path: "matching.xml",
            options: EvaluationOptions(asOf: try #require(LocalDate(asOf))))
        #expect(report.error == nil, "\(report.error?.description ?? "")")
        return report.results.first { $0.ruleID == rule }?.outcome
    }

    /// Variants of listed names: case, punctuation, diacritics and corporate suffixes.
    static let caught = [
        "NSO Group", "NSO GROUP TECHNOLOGIES LIMITED", "nso group technologies ltd.", "N.S.O. Group",
        "NSO-Group Technologies Ltd",
        "NSÖ Group Technologies", "Candiru Ltd", "CANDIRU LTD.", "Positive Technologies AO", "Positive Technologies",
        "Computer Security Initiative Consultancy Pte. Ltd.", "COSEINC",
    ]

    /// Similar but different companies.
    static let notCaught = [
        "NSO Grupa", "ANSO Group Ltd", "NSO Group Alumni Association", "Candiru Vineyards Ltd",
        "Positive Technologies Fund",
        "Computer Security Initiative", "COSEINC Foods Pte Ltd", "Group NSO", "Cirrus Bulgaria EOOD",
    ]

    @Test(arguments: caught, Placement.allCases.filter { $0 != .serviceProduct })
    func aListedCompanyIsCaughtUnderAnySpellingAndPlacement(_ name: String, _ placement: Placement) throws {
        #expect(try Self.outcome("SANC-001", placement.record(name), asOf: "2022-01-01") == .fail)
    }

    @Test(arguments: notCaught, Placement.allCases.filter { $0 != .serviceProduct })
    func aSimilarButDifferentCompanyIsNotCaught(_ name: String, _ placement: Placement) throws {
        #expect(try Self.outcome("SANC-001", placement.record(name), asOf: "2022-01-01") == .pass)
    }

    @Test(arguments: ["NSO Group Technologies Ltd", "Candiru Ltd."])
    func servicesForAListedCompanysProductsAreCaught(_ name: String) throws {
        #expect(try Self.outcome("SANC-003", Placement.serviceProduct.record(name), asOf: "2022-01-01") == .fail)
        #expect(
            try Self.outcome("SANC-003", Placement.serviceProduct.record("Lumivaara Networks Oy"), asOf: "2022-01-01")
                == .pass)
    }

    @Test func nothingIsCaughtBeforeTheDesignationDate() throws {
        let xml = Placement.groupAffiliate.record("NSO Group Technologies Ltd")
        #expect(try Self.outcome("SANC-001", xml, asOf: "2021-11-03") == .notApplicable)
        #expect(try Self.outcome("SANC-001", xml, asOf: "2021-11-04") == .fail)
    }

    @Test func anAffiliateOfTheNamedExporterIsCaughtByTheNSORule() throws {
        #expect(
            try Self.outcome(
                "NSO-001", Placement.groupAffiliate.record("NSO Group Technologies Limited"), asOf: "2021-08-01")
                == .fail)
        #expect(
            try Self.outcome("NSO-001", Placement.groupAffiliate.record("NSO Grupa d.o.o."), asOf: "2021-08-01")
                == .pass)
    }
}
