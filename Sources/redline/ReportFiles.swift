import RedlineKit

#if canImport(Glibc)
    import Glibc
#endif

/// A buffered writer over a file descriptor.
class DescriptorSink: ReportSink {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw ReportFileError(message: "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

struct ReportFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Standard output.
final class StandardOutputSink: DescriptorSink {
    init() { super.init(descriptor: 1) }
}

/// A report file written atomically: everything goes to a temporary file in the same directory,
/// renamed over the target only when the report is complete; discarded otherwise.
final class AtomicFileSink: DescriptorSink {
    let target: String
    let temporary: String
    private var open = true

    init(target: String) throws {
        self.target = target
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).redline-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw ReportFileError(message: "\(target): cannot create the report: \(String(cString: strerror(errno)))")
        }
        temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        fchmod(descriptor, 0o644)
        super.init(descriptor: descriptor)
    }

    /// Flushes, closes and renames the temporary file over the target.
    func commit() throws {
        try flush()
        guard fsync(descriptor) == 0 || errno == EINVAL else {
            throw ReportFileError(message: "\(target): cannot write the report: \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        open = false
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ReportFileError(message: "\(target): cannot write the report: \(reason)")
        }
    }

    /// Closes and removes the temporary file; the target is left as it was.
    func discard() {
        if open {
            close(descriptor)
            open = false
        }
        unlink(temporary)
    }
}

/// A spill file: an anonymous temporary file (unlinked as soon as it is created, so nothing is
/// left behind whatever happens), read back when the report is assembled.
final class TemporarySpill: DescriptorSink, SpillSink {
    init(near target: String?) throws {
        var directory = "/tmp"
        if let target, let slash = target.lastIndex(of: "/") { directory = String(target[..<slash]) }
        if let target, !target.contains("/") { directory = "." }
        if directory.isEmpty { directory = "/" }
        var template = Array("\(directory)/.redline-spill-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw ReportFileError(
                message: "cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        super.init(descriptor: descriptor)
    }

    deinit { close(descriptor) }

    func replay(into sink: any ReportSink) throws {
        try flush()
        lseek(descriptor, 0, SEEK_SET)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var carry: [UInt8] = []
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReportFileError(message: "cannot read a temporary file: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            let data = carry + chunk[0..<count]
            // Never split a UTF-8 sequence between two writes.
            var cut = data.count
            var lead = data.count - 1
            while lead > 0, data.count - lead < 4, data[lead] & 0xC0 == 0x80 { lead -= 1 }
            if lead >= 0 {
                let byte = data[lead]
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                if data.count - lead < length { cut = lead }
            }
            try sink.write(String(decoding: data[0..<cut], as: UTF8.self))
            carry = Array(data[cut...])
        }
        if !carry.isEmpty { try sink.write(String(decoding: carry, as: UTF8.self)) }
        ftruncate(descriptor, 0)
        lseek(descriptor, 0, SEEK_SET)
    }
}
