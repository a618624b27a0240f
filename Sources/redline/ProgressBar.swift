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

    func update(_ done: Int) {
        guard enabled else { return }
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        Terminal.errorRaw("\r[\(bar)] \(done)/\(total) records")
    }

    func clear() {
        guard enabled else { return }
        Terminal.errorRaw("\r\u{1B}[K")
    }
}

extension Terminal {
    /// Writes to standard error without adding a newline.
    static func errorRaw(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = Glibc.write(2, buffer.baseAddress, buffer.count) }
    }
}
