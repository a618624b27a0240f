/// The demand catalogue (`rules/demands.xml`): every checkable demand of the five letters with a
/// stable id and a verbatim quote. Rules name the ids they implement; the traceability table and
/// the citation checks are built from it.
public struct DemandCatalogue: Sendable {
    /// A letter of the catalogue: its id and seed file name.
    public struct LetterEntry: Sendable, Hashable {
        /// The letter id (`AN19`).
        public var id: String
        /// The seed file name in `seeds/`.
        public var file: String
        /// A short description of the letter.
        public var title: String
    }

    /// The embedded path of the default catalogue.
    public static let builtInPath = "rules/demands.xml"
    /// The embedded path of the catalogue schema.
    public static let schemaPath = "rules/schemas/demands-1.xsd"
    /// The catalogue namespace.
    public static let namespace = "urn:redline:demands:1"

    /// The letters, in file order.
    public var letters: [LetterEntry]
    /// The demands, in file order.
    public var demands: [Demand]

    /// The demand with this id, if any.
    public func demand(_ id: String) -> Demand? { demands.first { $0.id == id } }

    /// True when `id` is a known demand id.
    public func contains(_ id: String) -> Bool { demand(id) != nil }

    /// The catalogue embedded in the binary.
    public static func loadDefault() throws(RedlineError) -> DemandCatalogue {
        try load(path: builtInPath, source: .embedded)
    }

    /// Loads a catalogue file, validated against its schema.
    public static func load(path: String, source: RuleSource = .fileSystem) throws(RedlineError) -> DemandCatalogue {
        let bytes = try source.read(path, limit: RuleSetLoader.maxFileBytes)
        return try DemandCatalogue(bytes: bytes, path: path)
    }

    /// Parses and validates a catalogue.
    public init(bytes: [UInt8], path: String) throws(RedlineError) {
        let document = try XMLDocument(
            bytes: bytes, path: path,
            limits: .fixed(maxBytes: RuleSetLoader.maxFileBytes))
        let schema = try XMLSchema(
            text: BuiltIn.file(DemandCatalogue.schemaPath) ?? "", name: DemandCatalogue.schemaPath)
        if let violation = schema.validate(document).first {
            throw RedlineError(
                .invalidRules, "demand catalogue is not valid: \(violation.message)",
                at: SourcePosition(file: path, line: violation.line, column: 1),
                suggestion: "see \(DemandCatalogue.schemaPath) for the catalogue format")
        }
        guard let root = document.root else {
            throw RedlineError(
                .invalidRules, "demand catalogue has no root element",
                at: SourcePosition(file: path, line: 1, column: 1))
        }
        letters = root.children(named: "letter").map {
            LetterEntry(id: $0.attribute("id") ?? "", file: $0.attribute("file") ?? "", title: $0.text)
        }
        demands = root.children(named: "demand").map { element in
            Demand(
                id: element.attribute("id") ?? "",
                letter: element.attribute("letter") ?? "",
                quote: element.child(named: "quote")?.text ?? "",
                check: element.child(named: "check")?.text ?? "",
                isCheckable: element.attribute("checkable").map { $0 == "true" || $0 == "1" } ?? true,
                reason: element.child(named: "reason")?.text,
                position: element.position)
        }
    }
}
