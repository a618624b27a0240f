import ArgumentParser
import Foundation
import RedlineKit

/// `redline new application|licence [--kind K] [--output FILE [--force]]`: a commented template
/// licence record to start from (RecordTemplate), on standard output or in a new file.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Print a commented template licence record (an application or a licence) to fill in.",
        discussion: """
            The template holds every section of the record format for the stage, in schema order: each \
            element's comment says whether the schema requires it, what it is for and which rules of the \
            built-in rule set read it. Its placeholder values are valid, so `redline check` on the template \
            gives findings, not schema errors. The xml-model line names the record schema for editors that \
            validate as you type (give its location relative to the record with --schema).

            Examples:
              redline new licence > my-licence.xml
              redline new application --kind marketing --output applications/fair-demo.xml
              redline new licence --kind global --schema ../rules/schemas/licence-record-1.xsd
            """
    )

    @Argument(help: "The stage of the record: application or licence.")
    var stage: TemplateStage

    @Option(
        help: ArgumentHelp(
            "The licence kind (lifecycle/@kind): \(RecordTemplate.kinds().joined(separator: ", ")).",
            valueName: "kind"))
    var kind = "individual"

    @Option(help: ArgumentHelp("Write the template to this new file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "With --output, replace the file if it exists.")
    var force = false

    @Option(
        help: ArgumentHelp(
            "The schema location the xml-model line names, relative to the record (default: \(RecordTemplate.defaultSchemaLocation)).",
            valueName: "href"))
    var schema = RecordTemplate.defaultSchemaLocation

    /// The stages a template is written for.
    enum TemplateStage: String, ExpressibleByArgument, CaseIterable {
        case application, licence

        var stage: Stage { self == .application ? .application : .licence }
    }

    func validate() throws {
        let kinds = RecordTemplate.kinds()
        guard kinds.contains(kind) else {
            throw ValidationError("unknown kind '\(kind)': the kinds are \(kinds.joined(separator: ", "))")
        }
        if force, output == nil { throw ValidationError("--force needs --output FILE") }
    }

    func run() throws {
        let ruleSet: RuleSet
        do { ruleSet = try RuleSetLoader.loadDefault() } catch {
            FileHandle.standardError.write(Data("redline: the built-in rule set does not load: \(error)\n".utf8))
            throw ExitCode(ExitStatus.badRules)
        }
        let template = try RecordTemplate(stage: stage.stage, kind: kind, schemaLocation: schema, ruleSet: ruleSet)
        guard let output else {
            Terminal.write(template.text)
            return
        }
        if !force, FileManager.default.fileExists(atPath: output) {
            throw ValidationError("\(output) exists; give --force to replace it")
        }
        do {
            try Data(template.text.utf8).write(
                to: URL(fileURLWithPath: output), options: force ? .atomic : .withoutOverwriting)
        } catch {
            FileHandle.standardError.write(
                Data("redline: cannot write \(output): \(error.localizedDescription)\n".utf8))
            throw ExitCode(ExitStatus.inputError)
        }
    }
}
