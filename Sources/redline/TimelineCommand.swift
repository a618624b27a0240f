import ArgumentParser
import RedlineKit

/// `redline timeline FILE`: a licence's verdict at each of its own dates, with the causes of
/// each change.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Show how a record's verdict changed at each of its dates, and why.",
        discussion: """
            Evaluates the record at every date it holds (submitted, decided, valid from and until, \
            every event, assessment and review) and every date on which a rule or a letter's \
            demands came into force, up to --as-of (default today), parsing the record and \
            compiling the rules once. Each line gives the date, what happened, the rules that \
            began or stopped failing, and the change of verdict.

            Examples:
              redline timeline examples/records/bg-2019-nso-group-licence.xml --as-of 2022-01-01
              redline timeline licence.xml --format html > timeline.html
            """
    )

    /// `--format`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Argument(help: ArgumentHelp("A licence record file (XML).", valueName: "file"))
    var file: String

    @OptionGroup var evaluation: EvaluationFlags

    @Option(name: .long, help: "Output format: text, json or html.")
    var format: Format = .text

    func run() throws {
        let evaluation = try self.evaluation.configured().flags
        let engine = Engine(ruleSet: try evaluation.loadRuleSet())
        ProcessLifetime.keep(engine)
        let options = try evaluation.options(for: engine)
        let timeline: LicenceTimeline
        do {
            let bytes = try FileInput.read(file, limit: options.limits.maxBytes)
            timeline = try LicenceTimeline.of(
                bytes: bytes, path: FileSystemPath.display(file), engine: engine, options: options,
                jobs: Redline.coreCount)
        } catch {
            Terminal.error(error.terminalDescription)
            throw ExitCode(ExitStatus.inputError)
        }
        let renderer = TimelineRenderer(policy: engine.ruleSet.policy)
        switch format {
        case .text: Terminal.write(renderer.text(timeline))
        case .json: Terminal.write(renderer.json(timeline))
        case .html: Terminal.write(renderer.page(timeline))
        }
    }
}
