import Foundation
import RedlineKit
import Testing

/// `redline new`'s templates (RecordTemplate): valid, evaluated, marked, and complete against the schema.
struct RecordTemplateTests {
    static let kinds = RecordTemplate.kinds()
    static let cases: [(Stage, String)] = RecordTemplate.stages.flatMap { stage in kinds.map { (stage, $0) } }

    static func template(_ stage: Stage, _ kind: String, schema: RecordSchemaElement = .record) throws -> String {
        try RecordTemplate(stage: stage, kind: kind, ruleSet: Fixtures.defaultRuleSet, schema: schema).text
    }

    /// The template with its commented-out examples (`ended`, `renewalOf`) uncommented.
    static func uncommented(_ text: String) -> String {
        text.replacing(
            /(?m)^ *<!-- [^\n]*\n(?: *[^ <\n][^\n]*\n)*? *Uncomment [^\n]*\n(?: *[^ <\n][^\n]*\n)*((?: *<[^!][^\n]*\n)+) *-->\n/
        ) {
            String($0.output.1)
        }
    }

    /// The path of every element of a document (`licenceRecord/exporter/name`).
    static func elementPaths(_ text: String) throws -> Set<String> {
        let root = try #require(try Fixtures.document(text).root)
        var paths: Set<String> = []
        func walk(_ element: XMLElement, _ parent: String?) {
            let path = parent.map { $0 + "/" + element.name } ?? element.name
            paths.insert(path)
            for child in element.children { walk(child, path) }
        }
        walk(root, nil)
        return paths
    }

    @Test func theKindsAreTheSchemasLifecycleKinds() {
        #expect(Self.kinds.first == "individual")
        #expect(Set(Self.kinds).isSuperset(of: ["individual", "global", "general", "marketing"]))
    }

    @Test(arguments: cases)
    func isSchemaValidAndEvaluates(_ stage: Stage, _ kind: String) throws {
        let text = try Self.template(stage, kind)
        for (name, variant) in [("as printed", text), ("uncommented", Self.uncommented(text))] {
            let document = try Fixtures.document(variant)
            #expect(BuiltIn.recordSchema.validate(document).isEmpty, "\(stage) \(kind) \(name)")
            let report = Engine(ruleSet: Fixtures.defaultRuleSet).check(
                bytes: Array(variant.utf8), path: "new.xml", options: EvaluationOptions(asOf: LocalDate("2026-01-01")!))
            #expect(report.status == .evaluated, "\(stage) \(kind) \(name): \(report.findings.map(\.message))")
            #expect(!report.findings.contains { $0.kind == .schema })
            #expect(report.stage == stage)
            #expect(!report.results.isEmpty)
        }
        #expect(Self.uncommented(text) != text, "the licence template has commented-out examples")
    }

    @Test(arguments: cases)
    func namesItsSchemaForEditors(_ stage: Stage, _ kind: String) throws {
        let text = try Self.template(stage, kind)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == #"<?xml version="1.0" encoding="UTF-8"?>"#)
        #expect(
            lines[1]
                == #"<?xml-model href="rules/schemas/licence-record-1.xsd" type="application/xml" schematypens="http://www.w3.org/2001/XMLSchema"?>"#
        )
        let elsewhere = try RecordTemplate(
            stage: stage, kind: kind, schemaLocation: "../schemas/record.xsd", ruleSet: Fixtures.defaultRuleSet)
        #expect(elsewhere.text.contains(#"<?xml-model href="../schemas/record.xsd" "#))
    }

    /// Each element's comment starts with its name and (required) exactly when the schema requires
    /// it there; each required attribute is written.
    @Test(arguments: cases)
    func marksWhatTheSchemaRequires(_ stage: Stage, _ kind: String) throws {
        let text = try Self.template(stage, kind)
        var stack: [String] = []
        var pending: (name: String, required: Bool)?
        var checked = 0
        for line in text.split(separator: "\n").map(String.init) {
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if let match = body.firstMatch(of: /^<!-- (\w+) \((required|optional)\)/) {
                pending = (String(match.output.1), match.output.2 == "required")
            } else if let match = body.firstMatch(of: /^<(\w+)[ >\/]/) {
                let depth = indent / 2
                stack = Array(stack.prefix(depth)) + [String(match.output.1)]
                let element = try #require(RecordSchemaElement.record.element(at: stack.joined(separator: "/")))
                let marker = try #require(pending, "no comment before \(element.path)")
                #expect(marker.name == element.name, "\(element.path)")
                #expect(marker.required == element.isRequired, "\(element.path) is marked \(marker.required)")
                for attribute in element.attributes where attribute.isRequired {
                    #expect(line.contains(" \(attribute.name)=\""), "\(element.path) lacks @\(attribute.name)")
                    #expect(text.contains("@\(attribute.name) \(RecordTemplate.requiredMarker)"))
                }
                pending = nil
                checked += 1
            }
        }
        #expect(checked > 40)
    }

    @Test func anApplicationHasNoDecisionValidityOrEventsAndALicenceHasThem() throws {
        let application = try Self.template(.application, "individual")
        let licence = try Self.template(.licence, "individual")
        #expect(application.contains(#"stage="application""#) && application.contains(#"status="pending""#))
        #expect(licence.contains(#"stage="licence""#) && licence.contains(#"status="issued""#))
        let decision = [
            "licenceRecord/lifecycle/decided", "licenceRecord/lifecycle/validFrom",
            "licenceRecord/lifecycle/validUntil", "licenceRecord/events", "licenceRecord/events/event",
        ]
        let applicationPaths = try Self.elementPaths(application)
        let licencePaths = try Self.elementPaths(licence)
        for path in decision {
            #expect(!applicationPaths.contains(path), "\(path) in an application")
            #expect(licencePaths.contains(path), "\(path) missing from a licence")
        }
        #expect(!application.contains("<ended"))
        #expect(licence.contains("<ended") && !licencePaths.contains("licenceRecord/lifecycle/ended"))
    }

    @Test(arguments: kinds)
    func theKindDecidesTheDestinationsAndParties(_ kind: String) throws {
        let text = try Self.template(.licence, kind)
        let root = try #require(try Fixtures.document(text).root)
        #expect(root.child(named: "lifecycle")?.attribute("kind") == kind)
        let destinations = root.children(named: "destination").compactMap { $0.attribute("country") }
        let geography = root.child(named: "limits")?.child(named: "geography")?.children(named: "country").map(\.text)
        #expect(geography == destinations)
        #expect(destinations.count == (["individual", "large-project"].contains(kind) ? 1 : 2))
        let roles = Set(
            root.child(named: "parties")?.children(named: "party").compactMap { $0.attribute("role") } ?? [])
        #expect(roles.contains("end-user") == (kind != "marketing"))
        #expect(text.contains(#"kind="\#(kind)": "#))
    }

    @Test func anUnknownKindNamesTheKindsTheSchemaAllows() {
        #expect {
            _ = try RecordTemplate(stage: .licence, kind: "bespoke", ruleSet: Fixtures.defaultRuleSet)
        } throws: { error in
            let error = error as? RedlineError
            return error?.code == .usage && error?.message.contains("'bespoke'") == true
                && Self.kinds.allSatisfy { error?.suggestion?.contains($0) == true }
        }
        #expect(throws: RedlineError.self) {
            _ = try RecordTemplate(stage: .determination, ruleSet: Fixtures.defaultRuleSet)
        }
    }

    /// Every element of the schema is in a template of some stage and kind (commented-out examples
    /// uncommented), unless RecordTemplate.notProduced says why not.
    @Test func theTemplatesCoverEveryElementOfTheSchema() throws {
        var covered: Set<String> = []
        for (stage, kind) in Self.cases {
            covered.formUnion(try Self.elementPaths(Self.uncommented(try Self.template(stage, kind))))
        }
        let excluded = RecordTemplate.notProduced.keys
        let expected = RecordSchemaElement.record.allElements.map(\.path).filter { path in
            !excluded.contains { path == $0 || path.hasPrefix($0 + "/") }
        }
        #expect(expected.count > 60)
        let missing = Set(expected).subtracting(covered).sorted()
        #expect(missing.isEmpty, "the templates lack \(missing)")
        #expect(covered.isSubset(of: Set(RecordSchemaElement.record.allElements.map(\.path))))
    }

    /// The template's lists of paths name elements the schema has (none left over from an old schema).
    @Test func thePathsItNamesAreTheSchemas() {
        let paths = Set(RecordSchemaElement.record.allElements.map(\.path))
        for path in Array(RecordTemplate.notProduced.keys) + Array(RecordTemplate.licenceOnly) {
            #expect(paths.contains(path), "\(path) is not in the schema")
        }
    }

    /// A new element in the schema appears in the template, marked as the schema says.
    @Test func aNewSchemaElementIsInTheTemplate() throws {
        let text = try #require(BuiltIn.file(BuiltIn.recordSchemaPath))
        let anchor = #"<xs:element name="registration" type="nonEmpty" minOccurs="0"/>"#
        #expect(text.contains(anchor))
        let changed = text.replacingOccurrences(
            of: anchor, with: anchor + #"<xs:element name="taxNumber" type="nonEmpty"/>"#)
        let schema = try #require(RecordSchemaElement(schema: changed))
        let template = try Self.template(.licence, "individual", schema: schema)
        #expect(try Self.elementPaths(template).contains("licenceRecord/exporter/taxNumber"))
        #expect(template.contains("<!-- taxNumber \(RecordTemplate.requiredMarker)"))
        #expect(!(try Self.template(.licence, "individual")).contains("taxNumber"))
    }
}
