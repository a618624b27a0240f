/// A seeded, deterministic generator of synthetic licence records (docs/record-format.md).
///
/// Record `i` depends only on the seed and `i`, so records can be generated in any order or in
/// parallel and the bytes are identical run after run. Valid records are valid against
/// `rules/schemas/licence-record-1.xsd`; they vary in size (1–6 items, 0–10 events, optional
/// sections) and quality, so that every verdict the default rule set can reach on applications
/// and licences (not-in-force included) occurs, and every rule of its default profile fails, in a
/// few hundred records. Every record is submitted on or before ``designAsOf`` (and decided before
/// it when decided), so that it exists at that date. With `brokenPercent > 0`, about that share
/// of the files is broken (not well-formed, schema-invalid, a DOCTYPE, or empty).
public struct CorpusGenerator: Sendable {
    /// The evaluation date the corpus is designed for: dated evidence after it (a few percent of
    /// events, assessments, reviews and reports) does not exist yet at this date, and no record
    /// was submitted after it.
    public static let designAsOf = "2025-06-30"

    /// The seed.
    public let seed: UInt64
    /// The share of broken files, in percent (0–100).
    public let brokenPercent: Double

    /// Creates a generator.
    public init(seed: UInt64, brokenPercent: Double = 0) {
        self.seed = seed
        self.brokenPercent = max(0, min(100, brokenPercent))
    }

    /// The file name of record `index` (zero-based): `rec-000042.xml`.
    public static func fileName(_ index: Int) -> String {
        let digits = String(index)
        return "rec-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".xml"
    }

    /// Generates record `index` (zero-based).
    public func record(_ index: Int) -> GeneratedRecord {
        var rng = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        _ = rng.next()
        let broken = brokenPercent > 0 && rng.unit() * 100 < brokenPercent
        var builder = RecordBuilder(rng: rng, index: index)
        let text = builder.build()
        let kind: GeneratedRecord.Kind = builder.isLicence ? .licence : .application
        let record = GeneratedRecord(
            fileName: CorpusGenerator.fileName(index), recordID: builder.id, kind: kind, text: text)
        guard broken else { return record }
        var breaker = builder.rng
        return BrokenRecord.spoil(record, &breaker)
    }
}
