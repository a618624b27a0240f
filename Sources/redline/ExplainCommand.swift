import ArgumentParser
import RedlineKit

/// `redline explain RECORD [--rule ID]`: why rules gave their outcome on a record.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract:
            "Explain rules on a record: each part of the condition with its value, the nodes matched, the smallest "
            + "change that flips the outcome.",
        discussion: """
            Without --rule, explains every rule that failed or could not be evaluated.

            Examples:
              redline explain examples/records/bg-2019-nso-group-licence.xml --as-of 2021-11-04
              redline explain licence.xml --rule SANC-001 --rule NSO-001
            """
    )

    @Argument(help: ArgumentHelp("A licence record file (XML).", valueName: "record"))
    var record: String

    @Option(
        name: .long, help: ArgumentHelp("A rule to explain (repeatable; default: every failing rule).", valueName: "id")
    )
    var rule: [String] = []

    @OptionGroup var evaluation: EvaluationFlags

    @Option(name: .long, help: "Output format: text or json.")
    var format: TextOrJSON = .text

    func run() throws {
        let evaluation = try self.evaluation.configured().flags
        let explainer = RuleExplainer(ruleSet: try evaluation.loadRuleSet())
        let options = try evaluation.options(for: explainer.engine)
        let result: (report: RecordReport, explanations: [RuleExplanation])
        do {
            result = try explainer.explain(file: record, ruleIDs: rule, options: options)
        } catch {
            throw ValidationError("\(error.message); \(error.suggestion ?? "")")
        }
        switch format {
        case .text:
            Terminal.write(ExplanationRenderer().render(report: result.report, explanations: result.explanations))
        case .json:
            Terminal.write(ExplanationJSONRenderer().render(report: result.report, explanations: result.explanations))
        }
        let status = ExitStatus.of([result.report])
        if status != 0 { throw ExitCode(status) }
    }
}
