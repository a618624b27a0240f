import ArgumentParser
import RedlineKit

/// `redline check FILE...`: the verdict, score and findings of each licence record.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check licence record files and print each verdict, score and findings.",
        discussion: """
            Text output shows the verdict and score first, then findings by severity as \
            `file:line: severity: [RULE-ID] message` with the letter cited and the remedy. \
            JSON output is documented in docs/json-format.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("Licence record files (XML).", valueName: "file"))
    var files: [String] = []

    @OptionGroup var evaluation: EvaluationFlags

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Threads to evaluate records on (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        guard !files.isEmpty else {
            throw ValidationError("Please provide at least one licence record file, e.g. redline check examples/records/approve-lawful-interception.xml")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        let ruleSet = try evaluation.loadRuleSet()
        let engine = Engine(ruleSet: ruleSet)
        let profile: String
        do {
            profile = try engine.resolveProfile(evaluation.profile)
        } catch {
            throw ValidationError("\(error.message); \(error.suggestion ?? "")")
        }
        let options = EvaluationOptions(asOf: evaluation.date, profile: profile, limits: evaluation.limits)
        let reports = files.map { engine.check(file: $0, options: options) }
        switch format {
        case .text:
            let reporter = TextReporter(colour: Terminal.colourAllowed(fileDescriptor: 1))
            Terminal.write(reporter.render(reports, ruleSet: ruleSet))
        case .json:
            Terminal.write(JSONReporter().render(reports, ruleSet: ruleSet, asOf: options.asOf, profile: profile))
        }
        let status = ExitStatus.of(reports)
        if status != 0 { throw ExitCode(status) }
    }
}
