import Foundation
import Testing

@testable import RedlineKit

/// Inputs the fuzzers found (Tests/Fixtures/hostile/regressions), replayed, and the class of
/// bug each one revealed.
@Suite(.timeLimit(.minutes(5)))
struct FuzzRegressionTests {
    static let engine = Engine(ruleSet: Fixtures.defaultRuleSet)
    static let options = EvaluationOptions(asOf: LocalDate("2022-01-01")!)

    /// Every committed regression input gives a report that is either evaluated or carries an
    /// error (the fuzz target's invariant).
    @Test func everyRegressionInputIsReported() throws {
        let folder = Fixtures.path("Tests/Fixtures/hostile/regressions/record")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let report = Self.engine.check(file: folder + "/" + name, options: Self.options)
            #expect(report.status != .error || report.error != nil, "\(name)")
        }
    }

    /// FuzzRecord, run 3: `stage="application \n"` is a valid xs:token, but the engine read the
    /// raw value, found no stage, and returned an error report without an error.
    @Test func stageWithTrailingWhitespaceIsEvaluated() {
        let path = Fixtures.path("Tests/Fixtures/hostile/regressions/record/stage-with-trailing-newline.xml")
        let report = Self.engine.check(file: path, options: Self.options)
        #expect(report.status == .evaluated)
        #expect(report.stage == .application)
        #expect(report.verdict != nil)
    }

    /// The same bug, generalised: padding schema-valid values with whitespace must not change
    /// what the rules see (it let a record slip past comparisons such as `r:country = 'AE'`).
    @Test func whitespacePaddingDoesNotChangeResults() throws {
        let original = try String(
            contentsOfFile: Fixtures.path("examples/records/bg-2019-nso-group-licence.xml"), encoding: .utf8)
        let padded =
            original
            .replacingOccurrences(of: "<country>IN</country>", with: "<country>\n IN </country>")
            .replacingOccurrences(of: "country=\"IN\"", with: "country=\" IN \"")
            .replacingOccurrences(of: "sector=\"government\"", with: "sector=\"\tgovernment\"")
            .replacingOccurrences(of: "stage=\"licence\"", with: "stage=\"licence \"")
        #expect(padded != original)
        for asOf in ["2019-05-14", "2021-11-04"] {
            let options = EvaluationOptions(asOf: LocalDate(asOf)!)
            let expected = Self.engine.check(bytes: Array(original.utf8), path: "r.xml", options: options)
            let actual = Self.engine.check(bytes: Array(padded.utf8), path: "r.xml", options: options)
            // The same outcomes at the same elements (padding moves lines, not paths).
            func outcomes(_ report: RecordReport) -> [String] {
                report.results.map { "\($0.ruleID) \($0.outcome) \($0.credit) \($0.location?.path ?? "-")" }
            }
            #expect(outcomes(actual) == outcomes(expected), "as of \(asOf)")
            #expect(actual.verdict == expected.verdict && actual.score == expected.score)
        }
    }

    @Test func leafTextSplitByACommentIsJoinedBeforeNormalizing() throws {
        let document = try Fixtures.document("<r a=\" x  y \"><b> Acme <!-- c --> Ltd &amp; Co </b><c> </c></r>")
        WhitespaceNormalizer.normalize(document)
        #expect(document.root?.attribute("a") == "x y")
        #expect(document.root?.children.first?.text == "Acme Ltd & Co")
        #expect(document.root?.children.last?.text == "")
    }
}
