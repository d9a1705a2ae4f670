/// What the workbook-globals substream (the start of the Workbook stream, up to its first
/// EOF) says about the whole workbook: the sheets, the shared strings, which cell formats
/// show dates, and the date system.
struct XLSWorkbookGlobals {
    /// A BOUNDSHEET record: a worksheet's name, visibility and where its substream starts.
    struct SheetEntry {
        var name: String
        var isHidden: Bool
        var streamOffset: Int
    }

    /// Worksheets in workbook order; chart, macro and VB-module sheets are left out.
    private(set) var sheets: [SheetEntry] = []
    /// The shared-string table (SST) that LABELSST cells index into.
    private(set) var sharedStrings: [String] = []
    /// For each XF (cell format) index: whether its number format shows a date.
    private(set) var dateFormattedXFs: [Bool] = []
    /// True when serials count days from 1904-01-01 (old Mac workbooks).
    private(set) var date1904 = false

    init(_ stream: BIFFStream) throws(XLSReadError) {
        guard let first = try stream.record(at: 0) else { throw XLSReadError("Workbook 数据流是空的") }
        guard try BIFFBeginning(first, in: stream).kind == .workbookGlobals else {
            throw XLSReadError("Workbook 数据流没有以工作簿全局信息开头")
        }
        var formatCodes: [Int: String] = [:]
        var xfFormatIDs: [Int] = []
        var offset = first.end
        while let record = try stream.record(at: offset), record.type != BIFFRecordType.eof {
            offset = record.end
            switch record.type {
            case BIFFRecordType.filePass:
                throw XLSReadError(reason: .passwordProtected)
            case BIFFRecordType.dateMode:
                date1904 = try stream.u16(record, 0) == 1
            case BIFFRecordType.boundSheet:
                if let sheet = try Self.sheetEntry(record, in: stream) { sheets.append(sheet) }
            case BIFFRecordType.sharedStrings:
                sharedStrings = try XLSSharedStrings.read(record, in: stream)
            case BIFFRecordType.format:
                var reader = try BIFFContinuedReader(stream, record, from: 2, followingContinues: false)
                formatCodes[try stream.u16(record, 0)] = try reader.unicodeString()
            case BIFFRecordType.extendedFormat:
                xfFormatIDs.append(try stream.u16(record, 2))
            default:
                // CODEPAGE among them: BIFF8 keeps all text as Unicode strings whose compressed
                // form is Latin-1 by definition, so the code page changes nothing we read.
                break
            }
        }
        dateFormattedXFs = xfFormatIDs.map { id in
            NumberFormat.isDate(id: id, customCodes: formatCodes)
        }
    }

    /// A BOUNDSHEET entry for a worksheet, nil for chart, macro and VB-module sheets.
    private static func sheetEntry(_ record: BIFFRecord, in stream: BIFFStream) throws(XLSReadError) -> SheetEntry? {
        let sheetType = try stream.u8(record, 5)
        guard sheetType == 0 else { return nil }
        var reader = try BIFFContinuedReader(stream, record, from: 6, followingContinues: false)
        return SheetEntry(name: try reader.unicodeString(shortLength: true),
                          isHidden: try stream.u8(record, 4) & 0x03 != 0,
                          streamOffset: try stream.u32(record, 0))
    }
}
