/// A score (or a rank derived from one) as every report writes it: one decimal, without a
/// trailing `.0`.
enum ScoreText {
    /// `78.1`, `100`.
    static func of(_ score: Double) -> String {
        let tenths = Int((score * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
