// libFuzzer harness: the importer (title and header rows, column mapping, merged-row grouping,
// unit inference) on a grid read from any bytes as CSV, with merged ranges taken from the
// first bytes so the grouping sees them too.
import Foundation
import Importer
@testable import Sheets

/// The project's header synonyms and categories, loaded once.
let importer = Importer(configuration: (try? ImportConfiguration.load(
    workspace: URL(fileURLWithPath: NSTemporaryDirectory()))) ?? ImportConfiguration())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Up to four merged ranges from the first 16 bytes: (row, column, height, width) each.
    var merged: [CellRange] = []
    var offset = 0
    while offset + 4 <= min(16, bytes.count), bytes[offset] & 0x80 != 0 {
        let first = CellAddress(row: Int(bytes[offset] & 0x3F), column: Int(bytes[offset + 1] & 0x0F))
        let last = CellAddress(row: first.row + Int(bytes[offset + 2] & 0x07), column: first.column + Int(bytes[offset + 3] & 0x03))
        merged.append(CellRange(first: first, last: last))
        offset += 4
    }
    guard let text = try? TextDecoder.decode(Data(bytes[offset...]), forcedEncoding: nil, file: "fuzz.csv") else { return 0 }
    let rows = text.utf8.withUnsafeBytes { buffer in
        try? CSVParser(separator: CSVSeparator.detect(in: buffer), limits: FuzzLimits.limits).rows(in: buffer)
    }
    guard let rows else { return 0 }
    let workbook = Workbook(file: URL(fileURLWithPath: "/fuzz.csv"), format: .csv,
                            sheets: [Sheet(name: "清单", rows: rows, mergedRanges: merged)])
    _ = importer.importWorkbook(workbook, displayName: "fuzz.csv")
    return 0
}
