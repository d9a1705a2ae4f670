import Testing
@testable import Sheets

@Suite("XLS reader: OLE2 compound file")
struct CompoundFileTests {
    /// A workbook whose stream is large enough (> 4096 bytes) to live in ordinary sectors.
    private func largeWorkbook(rows: Int = 300) -> XLSTestWorkbook {
        XLSTestWorkbook(sheets: [.init(name: "Sheet1", records: (0..<rows).map { BIFF.number($0, 0, Double($0)) })])
    }

    @Test func smallStreamsAreReadFromTheMiniStream() throws {
        let workbook = XLSTestWorkbook(sheets: [.init(name: "Sheet1", records: [BIFF.label(0, 0, "小")])])
        #expect(workbook.stream.count < 4096)
        let compound = try CompoundFile(bytes: workbook.file)
        let stream = try #require(compound.stream(named: "workbook"), "names compare ignoring case")
        #expect(try compound.data(of: stream).array == workbook.stream)
    }

    @Test func largeStreamsAreReadFromOrdinarySectors() throws {
        let workbook = largeWorkbook()
        #expect(workbook.stream.count > 4096)
        let sheet = try #require(try workbook.read().first)
        #expect(sheet.cellCount == 300)
        #expect(sheet[CellAddress(row: 299, column: 0)] == .number(299))
    }

    @Test(arguments: [512, 4096])
    func bothSectorSizesAreRead(sectorSize: Int) throws {
        for rows in [3, 2000] {  // in the mini stream, then in ordinary sectors
            var workbook = largeWorkbook(rows: rows)
            workbook.sectorSize = sectorSize
            #expect(CompoundFileWriter.readLE32(workbook.file, 0x1C) >> 16 == (sectorSize == 512 ? 9 : 12))
            #expect(try workbook.read().first?.cellCount == rows)
        }
    }

    @Test func fatSectorsBeyondTheHeadersFirst109AreFoundThroughDIFATSectors() throws {
        // 110+ FAT sectors of 128 entries each need a stream of more than 109 × 128 × 512 bytes.
        let filler = BIFF.record(0x0000, [UInt8](repeating: 0x20, count: 8000))
        let workbook = XLSTestWorkbook(sheets: [.init(name: "Sheet1", records: [BIFF.label(0, 0, "开头")]
            + [[UInt8]](repeating: filler, count: 920) + [BIFF.label(1, 0, "结尾")])])
        let file = workbook.file
        #expect(CompoundFileWriter.readLE32(file, 0x48) > 0, "the file really uses a DIFAT sector")
        let sheet = try #require(try XLSReader.sheets(in: file).first)
        #expect(sheet.rows.flatMap(\.cells).map(\.value.text) == ["开头", "结尾"])
    }

    @Test func aCyclicSectorChainIsReportedNotFollowedForever() {
        let file = CompoundFileWriter.settingFATEntry(3, to: 1, in: largeWorkbook().file)
        #expect(corruption(file)?.contains("循环") == true)
    }

    @Test func aSectorNumberOutsideTheFileIsReported() {
        let file = CompoundFileWriter.settingFATEntry(2, to: 50_000, in: largeWorkbook().file)
        #expect(corruption(file)?.contains("不存在的扇区 50000") == true)
    }

    @Test func aStreamLongerThanTheFileIsReported() throws {
        var file = largeWorkbook().file
        let entry = try #require(CompoundFileWriter.directoryEntryOffset(named: "Workbook", in: file))
        CompoundFileWriter.put(&file, entry + 0x78, CompoundFileWriter.le32(UInt32(file.count * 2)))
        #expect(corruption(file)?.contains("超过文件大小") == true)
    }

    @Test func aTruncatedFileIsReported() {
        let file = largeWorkbook().file
        for length in [0, 100, 511, 1024, file.count / 2, file.count - 700] {
            #expect(corruption(Array(file.prefix(length))) != nil, "cut at \(length) bytes")
        }
    }

    @Test func aCompoundFileWithoutWorkbookIsNotASpreadsheet() {
        let file = CompoundFileWriter.file(streams: [("WordDocument", [UInt8](repeating: 1, count: 100))])
        #expect(reason(file) == .unrecognizedFormat)
    }

    private func reason(_ file: [UInt8]) -> SheetsError.Reason? {
        do {
            _ = try XLSReader.sheets(in: file)
            return nil
        } catch {
            return error.reason
        }
    }

    /// The damage reported for `file`, nil when it reads or fails for another reason.
    private func corruption(_ file: [UInt8]) -> String? {
        guard case .corruptWorkbook(let detail)? = reason(file) else { return nil }
        return detail
    }
}
