#if canImport(Glibc)
    import Glibc
#endif

/// A one-line progress bar on standard error, only when it is a terminal and not in CI.
struct ProgressBar {
    let total: Int
    let enabled: Bool

    init(total: Int) {
        self.total = total
        enabled = isatty(2) == 1 && !Terminal.inCI && total > 0
    }

    /// Clears the bar, lets `output` write what it has (the text report on a terminal), then
    /// draws the bar again below it: a report line never lands after the bar on its line.
    func update(_ done: Int, after output: () -> Void = {}) {
        guard enabled else { return output() }
        Terminal.clearProgress()
        output()
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        Terminal.errorRaw("\r[\(bar)] \(done)/\(total) records")
        Terminal.progressShown = true
    }

    func clear() {
        guard enabled else { return }
        Terminal.clearProgress()
    }
}

extension Terminal {
    /// Whether a progress bar is on standard error's last line (main thread only).
    nonisolated(unsafe) static var progressShown = false

    /// Erases the progress bar's line, if one is shown, so that what comes next starts a clean line.
    static func clearProgress() {
        guard progressShown else { return }
        progressShown = false
        errorRaw("\r\u{1B}[K")
    }

    /// Writes to standard error without adding a newline.
    static func errorRaw(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = Glibc.write(2, buffer.baseAddress, buffer.count) }
    }
}
