/// Evaluates every compiled expression once, on the loading thread, on a small skeleton record.
///
/// libxml2 caches the looked-up function pointer inside a compiled expression on its first
/// evaluation (libxml2.md P14). Filling that cache before the expressions are shared between
/// threads keeps later evaluations read-only for the branches reached here; for branches not
/// reached, every thread would store the same pointer (a benign race).
enum WarmUp {
    static let skeleton = """
        <licenceRecord xmlns="urn:redline:licence-record:1" formatVersion="1" id="warm-up" stage="application">
        <lifecycle kind="individual" status="pending"><issuingState>BG</issuingState>
        <authority>x</authority></lifecycle>
        <exporter><name>x</name><country>BG</country></exporter>
        </licenceRecord>
        """

    static func run(_ ruleSet: RuleSet) {
        guard let document = try? XMLDocument(bytes: Array(skeleton.utf8), path: "warm-up") else { return }
        let environment = EvaluationEnvironment(asOf: LocalDate(daysSinceEpoch: 0), lists: ruleSet.lists)
        let evaluator = XPathEvaluator(
            document: document, namespaces: ruleSet.namespaces, environment: environment, operationLimit: 100_000)
        for rule in ruleSet.rules {
            // A deferred expression (the embedded rule set's) is left to be compiled when first needed.
            for expression in rule.expressions where expression.isCompiled {
                _ = try? evaluator.evaluate(expression)
            }
        }
    }
}
