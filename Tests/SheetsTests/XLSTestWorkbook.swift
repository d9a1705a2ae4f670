import Foundation
@testable import Sheets

/// A BIFF8 workbook described record by record, written into a compound file in the test:
/// a minimal writer so the XLS tests need no committed binaries.
struct XLSTestWorkbook {
    struct Sheet {
        var name: String
        var visibility: UInt8 = 0
        /// 0 worksheet, 2 chart, 6 VB module (BOUNDSHEET type byte).
        var type: UInt8 = 0
        var records: [[UInt8]]
    }

    /// Records between the globals BOF and the BOUNDSHEETs (SST, FORMAT, XF, DATEMODE…).
    var globals: [[UInt8]] = []
    var sheets: [Sheet]
    /// The BIFF version in every BOF.
    var version = 0x0600
    var streamName = "Workbook"
    /// More streams beside the workbook, e.g. `EncryptionInfo`.
    var extraStreams: [(name: String, data: [UInt8])] = []
    /// 512 for a version-3 compound file, 4096 for version 4.
    var sectorSize = 512

    /// The Workbook stream: globals BOF … BOUNDSHEETs … EOF, then each sheet's BOF … EOF.
    var stream: [UInt8] {
        let boundSheetLengths = sheets.map { 4 + 8 + $0.name.utf16.count * 2 }
        var offset = BIFF.bof(.globals, version: version).count + globals.reduce(0) { $0 + $1.count }
            + boundSheetLengths.reduce(0, +) + BIFF.eof.count
        var stream = BIFF.bof(.globals, version: version) + globals.flatMap { $0 }
        var bodies: [UInt8] = []
        for sheet in sheets {
            stream += BIFF.boundSheet(sheet.name, offset: offset, visibility: sheet.visibility, type: sheet.type)
            let kind: BIFF.SubstreamKind = sheet.type == 2 ? .chart : .worksheet
            let body = BIFF.bof(kind, version: version) + sheet.records.flatMap { $0 } + BIFF.eof
            bodies += body
            offset += body.count
        }
        return stream + BIFF.eof + bodies
    }

    /// The whole .xls file.
    var file: [UInt8] {
        CompoundFileWriter.file(streams: [(streamName, stream)] + extraStreams, sectorSize: sectorSize)
    }

    /// Reads the file with the real reader.
    func read() throws(XLSReadError) -> [Sheets.Sheet] {
        try XLSReader.sheets(in: file)
    }
}

/// Builders of single BIFF8 records.
enum BIFF {
    enum SubstreamKind: Int {
        case globals = 0x0005, worksheet = 0x0010, chart = 0x0020
    }

    static func record(_ type: UInt16, _ payload: [UInt8]) -> [UInt8] {
        u16(Int(type)) + u16(payload.count) + payload
    }

    static func bof(_ kind: SubstreamKind, version: Int = 0x0600) -> [UInt8] {
        record(0x0809, u16(version) + u16(kind.rawValue) + [UInt8](repeating: 0, count: 12))
    }

    static let eof = record(0x000A, [])
    static let filePass = record(0x002F, [0x01, 0x00] + [UInt8](repeating: 0, count: 52))

    static func boundSheet(_ name: String, offset: Int, visibility: UInt8, type: UInt8) -> [UInt8] {
        record(0x0085, u32(offset) + [visibility, type] + [UInt8(name.utf16.count), 0x01] + utf16(name))
    }

    /// A BIFF8 Unicode string with a 16-bit length, UTF-16 unless every character fits Latin-1.
    static func unicodeString(_ text: String) -> [UInt8] {
        let units = Array(text.utf16)
        if units.allSatisfy({ $0 < 0x100 }) { return u16(units.count) + [0x00] + units.map { UInt8($0) } }
        return u16(units.count) + [0x01] + utf16(text)
    }

    /// An SST in one record (no CONTINUE).
    static func sharedStrings(_ strings: [String]) -> [UInt8] {
        record(0x00FC, u32(strings.count) + u32(strings.count) + strings.flatMap(unicodeString))
    }

    /// An SST split into CONTINUE records of at most `recordSize` payload bytes, as Excel
    /// splits it: a string's characters may break across records, and the continuation then
    /// starts with a fresh option byte. Characters are written as UTF-16.
    static func sharedStrings(_ strings: [String], recordSize: Int) -> [[UInt8]] {
        var payloads: [[UInt8]] = [u32(strings.count) + u32(strings.count)]
        for string in strings {
            if payloads[payloads.count - 1].count + 3 > recordSize { payloads.append([]) }
            payloads[payloads.count - 1] += u16(string.utf16.count) + [0x01]
            for unit in string.utf16 {
                if payloads[payloads.count - 1].count + 2 > recordSize { payloads.append([0x01]) }
                payloads[payloads.count - 1] += CompoundFileWriter.le16(unit)
            }
        }
        return payloads.enumerated().map { record($0.offset == 0 ? 0x00FC : 0x003C, $0.element) }
    }

    static func dateMode1904() -> [UInt8] { record(0x0022, u16(1)) }
    static func format(id: Int, code: String) -> [UInt8] { record(0x041E, u16(id) + unicodeString(code)) }
    /// An XF record using number format `formatID`; XFs are numbered in order of appearance.
    static func extendedFormat(formatID: Int) -> [UInt8] {
        record(0x00E0, u16(0) + u16(formatID) + [UInt8](repeating: 0, count: 16))
    }

    static func cell(_ row: Int, _ column: Int, xf: Int = 0) -> [UInt8] { u16(row) + u16(column) + u16(xf) }

    static func labelSST(_ row: Int, _ column: Int, _ index: Int) -> [UInt8] {
        record(0x00FD, cell(row, column) + u32(index))
    }
    static func label(_ row: Int, _ column: Int, _ text: String) -> [UInt8] {
        record(0x0204, cell(row, column) + unicodeString(text))
    }
    static func number(_ row: Int, _ column: Int, _ value: Double, xf: Int = 0) -> [UInt8] {
        record(0x0203, cell(row, column, xf: xf) + f64(value))
    }
    static func rk(_ row: Int, _ column: Int, raw: UInt32, xf: Int = 0) -> [UInt8] {
        record(0x027E, cell(row, column, xf: xf) + CompoundFileWriter.le32(raw))
    }
    static func mulRK(_ row: Int, firstColumn: Int, _ values: [UInt32]) -> [UInt8] {
        record(0x00BD, u16(row) + u16(firstColumn) + values.flatMap { u16(0) + CompoundFileWriter.le32($0) }
               + u16(firstColumn + values.count - 1))
    }
    static func boolErr(_ row: Int, _ column: Int, value: UInt8, isError: Bool) -> [UInt8] {
        record(0x0205, cell(row, column) + [value, isError ? 1 : 0])
    }
    /// A FORMULA whose 8 result bytes are given; the formula itself is a bare `1` (ptgInt).
    static func formula(_ row: Int, _ column: Int, result: [UInt8], xf: Int = 0) -> [UInt8] {
        record(0x0006, cell(row, column, xf: xf) + result + u16(0) + u32(0) + u16(3) + [0x1E, 0x01, 0x00])
    }
    static func formulaText(_ row: Int, _ column: Int) -> [UInt8] {
        formula(row, column, result: [0, 0, 0, 0, 0, 0, 0xFF, 0xFF])
    }
    static func string(_ text: String) -> [UInt8] { record(0x0207, unicodeString(text)) }
    static func blank(_ row: Int, _ column: Int) -> [UInt8] { record(0x0201, cell(row, column)) }
    static func row(_ index: Int, hidden: Bool) -> [UInt8] {
        record(0x0208, u16(index) + u16(0) + u16(1) + u16(255) + u16(0) + u16(0) + u32(hidden ? 0x0120 : 0x0100))
    }
    /// MERGEDCELLS from (firstRow, lastRow, firstColumn, lastColumn) quadruples.
    static func mergedCells(_ ranges: [(Int, Int, Int, Int)]) -> [UInt8] {
        record(0x00E5, u16(ranges.count) + ranges.flatMap { u16($0.0) + u16($0.1) + u16($0.2) + u16($0.3) })
    }

    static func u16(_ value: Int) -> [UInt8] { CompoundFileWriter.le16(value) }
    static func u32(_ value: Int) -> [UInt8] { CompoundFileWriter.le32(value) }
    static func f64(_ value: Double) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) } }
    static func utf16(_ text: String) -> [UInt8] { text.utf16.flatMap { CompoundFileWriter.le16($0) } }
}
