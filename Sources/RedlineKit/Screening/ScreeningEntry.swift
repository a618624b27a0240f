/// One listing on an official screening list: a person, company or other entity, its names,
/// and the designation that applies to it between its own dates.
///
/// An importer makes one entry per designation it reads (an EU `sanctionEntity`, a row of the US
/// Consolidated Screening List, an OpenSanctions `Sanction` with its entity): the same company
/// on two lists is two entries, each with its own programme, legal act and dates.
public struct ScreeningEntry: Sendable, Hashable, Codable {
    /// What an entry lists.
    public enum Kind: String, Sendable, Hashable, Codable {
        case entity, person, vessel, aircraft, other
    }

    /// One name the list gives the entry.
    public struct Name: Sendable, Hashable, Codable {
        /// How much a match on this name proves.
        public enum Strength: String, Sendable, Hashable, Codable {
            /// The primary name or a strong alias: an exact match is a hit.
            case strong
            /// A weak alias ("low quality", EU `strong="false"`, FtM `weakAlias`): only ever a
            /// possible match.
            case weak
            /// A former name: a possible match (the entity no longer trades under it).
            case former
        }

        public var text: String
        public var strength: Strength

        public init(_ text: String, _ strength: Strength) {
            self.text = text
            self.strength = strength
        }
    }

    /// An identifier the list gives (registration or tax number, LEI, list id).
    public struct Identifier: Sendable, Hashable, Codable {
        public var type: String
        public var value: String

        public init(type: String, value: String) {
            self.type = type
            self.value = value
        }
    }

    /// The format the entry was read from (``ScreeningListFormat/rawValue``).
    public var source: String
    /// The entry's id in its file (EU `logicalId`, CSL `_id`, FtM entity id): stable across versions.
    public var id: String
    /// The list's own reference for the listing (EU reference number, CSL entity number, authority id).
    public var reference: String?
    public var kind: Kind
    /// The primary name first, then aliases and former names.
    public var names: [Name]
    /// ISO 3166-1 alpha-2 codes, upper case.
    public var countries: [String]
    public var identifiers: [Identifier]
    /// The list inside the file (`Entity List`, `Specially Designated Nationals`, `EU`…).
    public var list: String
    /// The programme or regime (`HR`, `CYB`, `UKR`, `US-BIS-EL`, an OFAC tag…).
    public var programme: String?
    /// The legal act and reference (`Regulation (EU) 2020/1998`, `86 FR 60759`…).
    public var legalAct: String?
    /// The first day the designation applies (nil: unknown, treated as always).
    public var start: LocalDate?
    /// The day it ended (delisted, lifted or expired: the CSL's `end_date`, FtM's `endDate`), if
    /// it did. From that day on the entry is not in force.
    public var end: LocalDate?
    /// Where the entry was read: the file, and its line where the format has lines.
    public var position: SourcePosition
    /// Where inside the file, in the format's terms: a JSON pointer (`/results/3`), a CSV row
    /// (`row 5`), an XML element's line (nil: the position says it).
    public var locator: String?

    public init(
        source: String, id: String, reference: String? = nil, kind: Kind, names: [Name], countries: [String] = [],
        identifiers: [Identifier] = [], list: String, programme: String? = nil, legalAct: String? = nil,
        start: LocalDate? = nil, end: LocalDate? = nil, position: SourcePosition, locator: String? = nil
    ) {
        (self.source, self.id, self.reference, self.kind, self.names) = (source, id, reference, kind, names)
        (self.countries, self.identifiers, self.list, self.programme) = (countries, identifiers, list, programme)
        (self.legalAct, self.start, self.end, self.position) = (legalAct, start, end, position)
        self.locator = locator
    }

    /// The primary name.
    public var primaryName: String { names.first?.text ?? "" }

    /// Whether the designation applies on `date`: from its start (included) until its end (the
    /// first day it no longer applies).
    public func isInForce(on date: LocalDate) -> Bool {
        if let start, date < start { return false }
        if let end, end <= date { return false }
        return true
    }
}
