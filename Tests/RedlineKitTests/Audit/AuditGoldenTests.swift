import Foundation
import RedlineTestSupport
import Testing

@testable import RedlineKit

/// Golden files for every audit reporter on the dirty corpus with the fixture waivers
/// (Tests/Fixtures/golden/). Regenerate with `RECORD_GOLDEN=1 swift test --filter AuditGoldenTests`.
@Suite(.serialized)
struct AuditGoldenTests {
    static let formats = AuditHarness.formats.map(\.name)

    static func golden(_ format: String) -> GoldenFile {
        let name = AuditHarness.formats.first { $0.name == format }?.golden ?? format
        return GoldenFile("Tests/Fixtures/golden/\(name)")
    }

    @Test(arguments: formats)
    func reportMatchesGoldenFile(_ format: String) throws {
        let output = try AuditHarness.run(waivers: try AuditHarness.waivers())
        try Self.golden(format).expectMatches(output[format])
    }

    @Test(arguments: formats)
    func jobsOneAndTwoAreByteIdentical(_ format: String) throws {
        let waivers = try AuditHarness.waivers()
        let one = try AuditHarness.run(waivers: waivers, jobs: 1, chunkSize: 3)
        let two = try AuditHarness.run(waivers: waivers, jobs: 2, chunkSize: 3)
        let wholeBatch = try AuditHarness.run(waivers: waivers, jobs: 2, chunkSize: 1000)
        #expect(!one[format].isEmpty)
        #expect(one[format] == two[format])
        #expect(one[format] == wholeBatch[format], "the chunk size must not change the output")
    }
}
