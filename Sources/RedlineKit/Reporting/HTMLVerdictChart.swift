/// The audit page's chart of records by verdict: an SVG bar chart drawn by redline (no
/// charting library), each bar labelled with its verdict, its tone's symbol and its count, so it
/// reads without colour; the same numbers are in the table next to it.
enum HTMLVerdictChart {
    /// One bar.
    struct Bar {
        var label: String
        var count: Int
        var tone: HTMLTone
    }

    static let width = 560
    static let rowHeight = 26
    static let labelWidth = 200

    /// The chart of `bars` (empty bars are drawn too: a zero is information).
    static func svg(_ bars: [Bar], title: String) -> HTMLText {
        let largest = max(1, bars.map(\.count).max() ?? 1)
        let height = bars.count * rowHeight + 8
        let room = width - labelWidth - 60
        var out: HTMLText = "<svg role=\"img\" width=\"\(width)\" "
        out += "height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" aria-labelledby=\"chart-title\">\n"
        out += "<title id=\"chart-title\">\(title)</title>\n"
        for (row, bar) in bars.enumerated() {
            let y = row * rowHeight + 4
            let length = bar.count == 0 ? 0 : max(2, room * bar.count / largest)
            out += "<g class=\"bar tone-\(bar.tone.rawValue)\">"
            out += "<text x=\"0\" y=\"\(y + 17)\">\(bar.tone.symbol) \(bar.label)</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" "
            out += "fill=\"\(bar.tone.colour)\"></rect>"
            out += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 17)\">\(bar.count)</text></g>\n"
        }
        return out + "</svg>\n"
    }
}
