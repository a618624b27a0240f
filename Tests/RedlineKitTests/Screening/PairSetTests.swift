import Foundation
import RedlineTestSupport
import Testing

@testable import RedlineKit

/// redline's matcher on the labelled organisation pairs of Benchmarks/screening/org-pairs.csv
/// (511 pairs written for redline, labelled by what a careful officer would conclude): no pair of
/// different organisations may be a hit, and the share of same-organisation pairs found (hit or
/// possible) may not fall below the floor. The peer comparison with OpenSanctions' matcher is in
/// Benchmarks/screening/README.md (not a unit test).
struct PairSetTests {
    struct Pair {
        let query: String
        let candidate: String
        let strength: ScreeningEntry.Name.Strength
        let match: Bool
        let tier: String
        let category: String
    }

    /// The recall floor at hit + possible (measured 2026-12-03: see Benchmarks/screening/README.md).
    static let recallFloor = 0.80

    static func pairs() throws -> [Pair] {
        let bytes = Array(
            try Data(contentsOf: URL(fileURLWithPath: Repository.path("Benchmarks/screening/org-pairs.csv"))))
        let table = try CSVTable(bytes: bytes, path: "org-pairs.csv")
        let columns = try table.columns(
            ["query", "candidate", "strength", "label", "tier", "category"], path: "org-pairs.csv", format: "pair set")
        return table.rows.map { row in
            func field(_ name: String) -> String { row.fields[columns[name]!] }
            return Pair(
                query: field("query"), candidate: field("candidate"),
                strength: field("strength") == "weak" ? .weak : .strong, match: field("label") == "match",
                tier: field("tier"), category: field("category"))
        }
    }

    static func tier(of pair: Pair) -> ScreeningTier {
        let entry = ScreeningEntry(
            source: "pairs", id: "candidate", kind: .entity, names: [.init(pair.candidate, pair.strength)],
            list: "pairs", position: SourcePosition(file: "org-pairs.csv"))
        let index = ScreeningIndex(lists: [
            ScreeningList(format: .openSanctions, file: "pairs", version: "", entries: [entry])
        ])
        return index.screen(pair.query, asOf: LocalDate("2024-01-01")!).first?.tier ?? .none
    }

    @Test func noDifferentOrganisationIsAHitAndRecallHoldsTheFloor() throws {
        let pairs = try Self.pairs()
        #expect(pairs.count >= 400)
        var falseHits: [String] = []
        var found = 0
        var matches = 0
        var possibleOnNoMatch = 0
        var byCategory: [String: (found: Int, matches: Int)] = [:]
        var tiers: [String: Int] = [:]
        for pair in pairs {
            let tier = Self.tier(of: pair)
            tiers["\(pair.match ? "match" : "no-match") \(tier.rawValue)", default: 0] += 1
            if pair.match {
                matches += 1
                if tier == .none, ProcessInfo.processInfo.environment["REDLINE_PAIRS_MISSES"] != nil {
                    print("[pairs] missed \(pair.category): \(pair.query) ~ \(pair.candidate)")
                }
                if tier != .none { found += 1 }
                byCategory[pair.category, default: (0, 0)].matches += 1
                if tier != .none { byCategory[pair.category, default: (0, 0)].found += 1 }
            } else if tier == .hit {
                falseHits.append("\(pair.query) ~ \(pair.candidate)")
            } else if tier == .possible {
                possibleOnNoMatch += 1
            }
        }
        #expect(falseHits.isEmpty, "different organisations made hits: \(falseHits)")
        let recall = Double(found) / Double(matches)
        #expect(recall >= Self.recallFloor, "recall \(recall)")
        let noMatch = pairs.count - matches
        print(
            "[pairs] \(pairs.count) pairs: recall \(found)/\(matches) = \(recall); false hits \(falseHits.count); "
                + "possible on no-match \(possibleOnNoMatch)/\(noMatch)")
        let tierCounts = tiers.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        print("[pairs] tiers: \(tierCounts.joined(separator: ", "))")
        for (category, counts) in byCategory.sorted(by: { $0.key < $1.key }) {
            print("[pairs]   \(category): \(counts.found)/\(counts.matches)")
        }
    }
}
