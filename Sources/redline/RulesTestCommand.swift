import ArgumentParser
import Foundation
import RedlineKit

/// `redline rules test PATH`: runs the rules' inline examples and the example records'
/// declared expectations.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's inline examples and the example records that declare their expected verdict.",
        discussion: """
            Example records declare what they must give with a processing instruction at the top: \
            <?redline-expect as-of="2021-11-04" verdict="revoke" fires="NSO-001 SANC-001"?> \
            (verdict, fires, errors and profile optional; one per as-of; an unknown verdict, rule id or profile is an \
            ERROR at the instruction's line). A failure shows the example, the expected and \
            actual outcome and the values the conditions saw. Exits 1 when a check fails or coverage is \
            below --min-coverage, 3 when the rule set does not load.

            Example: redline rules test examples/rulesets/bg-national.xml --examples examples/rulesets/records
            """
    )

    @OptionGroup var ruleSet: RuleSetArgument

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder of example records (*.xml) with <?redline-expect …?> declarations.", valueName: "dir"))
    var examples: String?

    @Flag(
        name: .long, help: "Report, per rule, whether both outcomes and every branch of its conditions were exercised.")
    var coverage = false

    @Option(
        name: .customLong("min-coverage"),
        help: ArgumentHelp(
            "Fail when coverage (percent of outcomes and branch truths exercised) is below this.", valueName: "percent")
    )
    var minCoverage: Double?

    @Option(name: .long, help: ArgumentHelp("Also write a report: junit=FILE.", valueName: "kind=file"))
    var report: [String] = []

    func validate() throws {
        if let minCoverage, !(0...100).contains(minCoverage) {
            throw ValidationError("--min-coverage must be a percentage between 0 and 100.")
        }
        for value in report {
            guard value.hasPrefix("junit="), value.count > "junit=".count else {
                throw ValidationError("--report '\(value)' is not understood; write --report junit=FILE.")
            }
        }
    }

    func run() throws {
        let rules = try ruleSet.load()
        let run: RuleSetTester.Run
        do {
            run = try RuleSetTester(ruleSet: rules).run(recordsDirectory: examples)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(error.code == .invalidRules ? ExitStatus.badRules : ExitStatus.inputError)
        }
        Terminal.write(RuleTestReportRenderer().render(run, coverage: coverage, minimum: minCoverage))
        let timestamp = String(ISO8601DateFormatter().string(from: Date()).prefix(19))
        for value in report {
            let file = String(value.dropFirst("junit=".count))
            let xml = JUnitTestReport().render(run.cases, name: "redline rules test \(rules.id)", timestamp: timestamp)
            // Atomically, like the audit's reports: a temporary file renamed over the target when complete.
            var sink: AtomicFileSink?
            do {
                let atomic = try AtomicFileSink(target: file)
                sink = atomic
                try atomic.write(xml)
                try atomic.commit()
            } catch {
                sink?.discard()
                Terminal.error("\(file): error: cannot write the JUnit report: \(error)")
                throw ExitCode(ExitStatus.inputError)
            }
        }
        if !run.passes(minimumCoverage: minCoverage) { throw ExitCode(ExitStatus.notClean) }
    }
}
