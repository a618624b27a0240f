/// A linear pre-parse scan of an input's bytes, for what libxml2 handles badly or not at all:
///
/// - **encodings**: only UTF-8 (the default), UTF-16 with a byte-order mark, and declared
///   ASCII-compatible encodings (US-ASCII, ISO-8859-n, windows-125n) are accepted, so that
///   hostile declarations never reach the converters of the system's ICU;
/// - **byte-order mark vs declaration**: a UTF-8 BOM with another declared encoding, or a UTF-16
///   BOM over 8-bit content, is refused instead of being silently resolved or misreported;
/// - **NUL characters**, which libxml2 reports as a misleading "premature end of data";
/// - **attributes per element**: libxml2 2.9.14 parses and validates attributes in time
///   quadratic in their number per element, so 100,000 attributes on one element take minutes:
///   they are counted against `--max-attributes`, and their squares against the time limit;
/// - **elements**: libxml2's schema validation reports errors in superlinear time, so a 3 MB
///   record with 50,000 invalid sibling items takes minutes to validate.
///
/// The scan is one pass over the code units (bytes, or 16-bit units for UTF-16). ASCII markup
/// characters never occur inside a multi-byte UTF-8 sequence or a non-ASCII UTF-16 unit, so the
/// tag structure seen here is the one the parser sees. A DOCTYPE ends the scan: the parser
/// refuses it at that point anyway. So does nesting deeper than the depth limit: the parser or
/// the depth check after parsing refuses the document, with its exact depth.
enum InputScanner {
    /// Checks `bytes` before parsing; the scan stops with a `timeLimit` error when `deadline`
    /// passes (checked every MiB).
    /// - Throws: ``RedlineError`` `malformed` (encoding, BOM, NUL), `hostile` (too many
    ///   attributes), `tooLarge` (too many elements) or `timeLimit`.
    static func check(
        _ bytes: [UInt8], path: String, limits: XMLLimits, deadline: Deadline = Deadline(seconds: .infinity)
    )
        throws(RedlineError)
    {
        let utf16: Bool?  // nil: 8-bit; true: little-endian; false: big-endian
        if bytes.starts(with: [0xFF, 0xFE]) {
            utf16 = true
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            utf16 = false
        } else {
            utf16 = nil
        }
        if let littleEndian = utf16 {
            // A UTF-16 BOM followed by 8-bit markup ("<?" or "<x" as single bytes).
            if bytes.count >= 4, bytes[2] == 0x3C, bytes[3] != 0 {
                throw RedlineError(
                    .malformed, "file starts with a UTF-16 byte-order mark, but its content is 8-bit (UTF-8 or ASCII)",
                    at: SourcePosition(file: path, line: 1, column: 1),
                    suggestion: "remove the byte-order mark, or save the whole file as UTF-16")
            }
            // The declaration, read as ASCII from the first code units.
            let ascii = Units16(bytes: bytes, littleEndian: littleEndian).prefix(256).map {
                $0 < 0x80 ? UInt8($0) : 0x3F
            }
            if let declared = declaredEncoding(ascii, from: 0), !isAccepted(declared.uppercased()) {
                throw unsupported(declared, path: path)
            }
            let units = Array(Units16(bytes: bytes, littleEndian: littleEndian))
            try units.withUnsafeBufferPointer { buffer throws(RedlineError) in
                try scan(buffer, path: path, limits: limits, deadline: deadline)
            }
            return
        }
        if bytes.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) {  // "<?xm" in EBCDIC
            throw unsupported("EBCDIC", path: path)
        }
        let hasUTF8BOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if let declared = declaredEncoding(bytes, from: hasUTF8BOM ? 3 : 0) {
            let name = declared.uppercased()
            if hasUTF8BOM, name != "UTF-8", name != "UTF8" {
                throw RedlineError(
                    .malformed, "file starts with a UTF-8 byte-order mark but declares encoding '\(declared)'",
                    at: SourcePosition(file: path, line: 1, column: 1),
                    suggestion:
                        "declare encoding=\"UTF-8\" (or remove the byte-order mark and save the file in the declared "
                        + "encoding)"
                )
            }
            if !isAccepted(name) { throw unsupported(declared, path: path) }
        } else if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 {
            throw RedlineError(
                .malformed, "file looks like UTF-16 or UTF-32 without a byte-order mark",
                at: SourcePosition(file: path, line: 1, column: 1),
                suggestion: "save the file as UTF-8 (or as UTF-16 with a byte-order mark)")
        }
        try bytes.withUnsafeBufferPointer { buffer throws(RedlineError) in
            try scan(buffer, path: path, limits: limits, deadline: deadline)
        }
    }

    private static func unsupported(_ encoding: String, path: String) -> RedlineError {
        RedlineError(
            .malformed, "encoding '\(encoding)' is not supported", at: SourcePosition(file: path, line: 1, column: 1),
            suggestion:
                "save the file as UTF-8; redline also reads UTF-16 with a byte-order mark, US-ASCII, ISO-8859-n and "
                + "windows-125n"
        )
    }

    /// The value of `encoding="…"` in an 8-bit XML declaration starting at `start`, if any.
    static func declaredEncoding(_ bytes: [UInt8], from start: Int) -> String? {
        let prefix = Array("<?xml".utf8)
        guard bytes.count >= start + prefix.count, Array(bytes[start..<(start + prefix.count)]) == prefix else {
            return nil
        }
        // The ASCII bytes of the declaration, up to its "?>" (at most 256 bytes).
        let end = min(bytes.count, start + 256)
        var stop = start
        while stop < end, bytes[stop] < 0x80 {
            stop += 1
            if stop - start >= 2, bytes[stop - 2] == 0x3F, bytes[stop - 1] == 0x3E { break }
        }
        let declaration = String(decoding: bytes[start..<stop], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        guard let close = rest.firstIndex(of: quote) else { return nil }
        return String(rest[..<close])
    }

    /// Declared encodings redline accepts: UTF-8, UTF-16 (checked by libxml2 against the content)
    /// and ASCII-compatible single-byte encodings.
    static func isAccepted(_ name: String) -> Bool {
        if ["UTF-8", "UTF8", "UTF-16", "UTF16", "US-ASCII", "ASCII", "LATIN1", "ISO-LATIN-1"].contains(name) {
            return true
        }
        for prefix in ["ISO-8859-", "ISO8859-", "WINDOWS-125", "CP125"] where name.hasPrefix(prefix) {
            let number = name.dropFirst(prefix.count)
            return !number.isEmpty && number.count <= 2 && number.allSatisfy(\.isNumber)
        }
        return false
    }

    // MARK: - The scan

    private static let lt: UInt16 = 0x3C
    private static let gt: UInt16 = 0x3E
    private static let slash: UInt16 = 0x2F

    /// Scans code units: a loop that jumps through text to the next `<`, and follows tags,
    /// comments, CDATA and processing instructions to their ends. Lines and columns are only
    /// computed for an error, from the units before it.
    private static func scan<Unit: FixedWidthInteger & UnsignedInteger>(
        _ units: UnsafeBufferPointer<Unit>, path: String, limits: XMLLimits, deadline: Deadline
    ) throws(RedlineError) {
        let count = units.count
        @inline(__always) func unit(_ index: Int) -> UInt16 { UInt16(truncatingIfNeeded: units[index]) }
        func position(_ index: Int) -> SourcePosition {
            var line = 1
            var lineStart = 0
            for offset in 0..<index where unit(offset) == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            return SourcePosition(file: path, line: line, column: max(index - lineStart + 1, 1))
        }
        func nul(_ index: Int) -> RedlineError {
            RedlineError(
                .malformed, "file contains a NUL character (binary data?)", at: position(index),
                suggestion: "a licence record is text: remove control characters, or check that this is the right file")
        }
        /// Whether the units at `index` are `pattern`.
        func matches(_ pattern: [UInt16], at index: Int) -> Bool {
            guard index + pattern.count <= count else { return false }
            for (offset, expected) in pattern.enumerated() where unit(index + offset) != expected { return false }
            return true
        }
        // The clock is read once per 2^20 units (at the unit that completes each MiB).
        var nextClockCheck = (1 << 20) - 1
        func tick(_ index: Int) throws(RedlineError) {
            nextClockCheck += 1 << 20
            if deadline.hasPassed {
                throw XMLDocument.parsingTookTooLong(path: path, limits: limits, at: position(index))
            }
        }
        /// The index just after the first `terminator` at or after `index` (`count` if none).
        func skip(to terminator: [UInt16], from index: Int) throws(RedlineError) -> Int {
            var index = index
            while index < count {
                if index >= nextClockCheck { try tick(index) }
                let current = unit(index)
                if current == 0 { throw nul(index) }
                if current == terminator[terminator.count - 1], index + 1 >= terminator.count,
                    matches(terminator, at: index + 1 - terminator.count)
                {
                    return index + 1
                }
                index += 1
            }
            return count
        }

        let maxAttributes = limits.maxAttributes
        // Attributes cost libxml2 time quadratic in their number per element, in parsing and in
        // schema validation; their sum over the document is known here, before libxml2 starts.
        // Below a tenth of a second the clock checks after parsing are close enough.
        let attributeStepBudget = attributeSteps(within: max(limits.maxSecondsPerRecord, minimumEstimate))
        var attributeStepsSoFar = 0
        var elements = 0
        var depth = 0
        var index = 0
        while true {
            // Text: jump to the next "<".
            while index < count {
                if index >= nextClockCheck { try tick(index) }
                let current = unit(index)
                if current == lt { break }
                if current == 0 { throw nul(index) }
                index += 1
            }
            guard index + 1 < count else { return }
            let start = index
            switch unit(index + 1) {
            case 0x21:  // "<!"
                if matches([lt, 0x21, 0x2D, 0x2D], at: index) {
                    index = try skip(to: [0x2D, 0x2D, gt], from: index + 4)  // "<!--" … "-->"
                } else if matches([lt, 0x21, 0x5B], at: index) {
                    index = try skip(to: [0x5D, 0x5D, gt], from: index + 3)  // "<![" … "]]>"
                } else if matches([lt, 0x21, 0x44], at: index) {
                    return  // a DOCTYPE, which the parser refuses where it starts
                } else {
                    index = try skip(to: [gt], from: index + 2)
                }
            case 0x3F:  // "<?" … "?>"
                index = try skip(to: [0x3F, gt], from: index + 2)
            case slash:  // "</" … ">"
                depth -= 1
                index = try skip(to: [gt], from: index + 2)
            case 0:
                throw nul(index + 1)
            case gt, lt:
                index += 1
            default:
                elements += 1
                if elements > limits.maxElements {
                    throw RedlineError(
                        .tooLarge, "document has more than \(limits.maxElements) elements", at: position(start),
                        suggestion: "split the document; " + limits.raising("--max-elements"))
                }
                // The tag: count attributes (each "=" outside quotes) up to its ">".
                var attributes = 0
                index += 1
                tag: while index < count {
                    if index >= nextClockCheck { try tick(index) }
                    let current = unit(index)
                    switch current {
                    case 0:
                        throw nul(index)
                    case gt:
                        if unit(index - 1) != slash { depth += 1 }  // not "/>"
                        index += 1
                        attributeStepsSoFar += attributes * attributes / 2
                        if attributeStepsSoFar > attributeStepBudget {
                            throw quadraticAttributes(
                                attributes, steps: attributeStepsSoFar, limits: limits, at: position(start))
                        }
                        // Too deep: the parser (256 levels) or the depth check after parsing
                        // refuses the document with its exact depth, before any validation.
                        if depth > limits.maxDepth { return }
                        break tag
                    case 0x22, 0x27:
                        index = try skip(to: [current], from: index + 1)
                    case 0x3D:
                        attributes += 1
                        if attributes > maxAttributes {
                            throw RedlineError(
                                .hostile, "element has more than \(maxAttributes) attributes", at: position(start),
                                suggestion:
                                    "licence records need a handful of attributes per element; "
                                    + limits.raising("--max-attributes")
                            )
                        }
                        index += 1
                    default:
                        index += 1
                    }
                }
            }
        }
    }
}

extension InputScanner {
    /// What one attribute step costs libxml2 2.9.14 (an element of n attributes is n²/2 steps):
    /// measured with xmllint on one element of 10,000 to 80,000 attributes, 2–3.6 ns per step
    /// to parse and about 7 ns more to validate against the record schema (every such attribute
    /// is a violation). The estimate uses 10 ns, so it depends on the input and the limit only,
    /// never on the machine: the same record under the same limit is always refused or not.
    static let secondsPerAttributeStep = 10e-9

    /// The shortest estimate that refuses a record (under a smaller limit, a record is stopped
    /// by the clock after parsing, as any other).
    static let minimumEstimate = 0.1

    /// The attribute steps that fit in `seconds` (no bound for an infinite limit).
    static func attributeSteps(within seconds: Double) -> Int {
        guard seconds.isFinite else { return .max }
        let steps = seconds / secondsPerAttributeStep
        return steps >= Double(Int.max) ? .max : Int(max(0, steps))
    }

    /// The error of a document whose attributes alone would take libxml2 longer than the limit.
    static func quadraticAttributes(_ attributes: Int, steps: Int, limits: XMLLimits, at position: SourcePosition)
        -> RedlineError
    {
        let estimate = Double(steps) * secondsPerAttributeStep
        let shown = (estimate * 10).rounded(.up) / 10
        return RedlineError(
            .timeLimit,
            "element has \(attributes) attributes: libxml2 parses and validates attributes in time that grows with "
                + "the square of their number per element (about \(shown) s for this record), more than the limit of "
                + "\(limits.maxSecondsPerRecord) s per record (the record was not parsed)",
            at: position,
            suggestion: "licence records need a handful of attributes per element: remove the surplus ones; raise "
                + "--max-seconds-per-record only for trusted input")
    }
}

/// The 16-bit code units of UTF-16 bytes (after the byte-order mark).
private struct Units16: Sequence, IteratorProtocol {
    let bytes: [UInt8]
    let littleEndian: Bool
    var index = 2

    init(bytes: [UInt8], littleEndian: Bool) {
        self.bytes = bytes
        self.littleEndian = littleEndian
    }

    mutating func next() -> UInt16? {
        guard index + 1 < bytes.count else { return nil }
        defer { index += 2 }
        let first = UInt16(bytes[index])
        let second = UInt16(bytes[index + 1])
        return littleEndian ? first | second << 8 : first << 8 | second
    }
}
