import Foundation
import FuzzSupport
import RedlineKit

/// libFuzzer target: one screening-list file, read as every format redline imports (EU FSF XML
/// in chunks, CSL JSON with redline's own reader, CSL CSV, OpenSanctions JSON lines). A file
/// that loads is indexed and each entry's primary name screened on its start date; an error must
/// name the file. Any crash, sanitizer report, leak or hang is a finding.

private let path = "fuzz-list"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLists(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    for format in ScreeningListFormat.files {
        do {
            let list = try ScreeningListLoader.read(bytes, format: format, path: path)
            let index = ScreeningIndex(lists: [list])
            for entry in list.entries.prefix(50) {
                let asOf = entry.start ?? LocalDate(daysSinceEpoch: 0)
                _ = index.screen(entry.primaryName, identifiers: entry.identifiers.map(\.value), asOf: asOf)
            }
        } catch {
            precondition(error.position.file == path, "an error that does not name the file: \(error)")
            precondition(!error.message.isEmpty, "an error without a message")
        }
    }
    return 0
}

@main
enum Main {
    static func main() {
        runFuzzer { data, size in fuzzLists(data, size) }
    }
}
