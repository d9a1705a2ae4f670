import Foundation
import Testing
@testable import Sheets

/// `XLSXWriter` fed by a `SheetSource` (rows produced on demand, walked once, or made in
/// chunks on all cores) rather than a whole `Sheet`: the large check report goes this way.
@Suite struct XLSXStreamedWriterTests {
    struct Failure: Error {}

    /// Row `index` of a report-like sheet: repeated texts (shared once), numbers, a boolean.
    static func row(_ index: Int) -> Row {
        let texts = index == 0 ? ["单位", "严重程度", "问题"] : ["市场监管局", index % 3 == 0 ? "错误" : "提示", "第 \(index) 行"]
        var cells = texts.enumerated().map { Cell(row: index, column: $0.offset, value: .text($0.element)) }
        if index > 0 { cells += [Cell(row: index, column: 3, value: .number(Double(index) / 4)),
                                 Cell(row: index, column: 5, value: .bool(index.isMultiple(of: 2)))] }
        return Row(index: index, isHidden: index == 7, cells: cells)
    }

    /// Row `index` of a 20,000-row sheet: the 40 rows of `row(_:)` over and over, and a text
    /// only the last row holds.
    static func longRow(_ index: Int) -> Row {
        var row = Self.row(index % 40 == 0 && index > 0 ? 1 : index % 40)
        row.index = index
        row.cells = row.cells.map { Cell(row: index, column: $0.address.column, value: $0.value) }
        if index == 19_999 { row.cells.append(Cell(row: index, column: 6, value: .text("最后一行才有的文字"))) }
        return row
    }

    let decoration = SheetDecoration(rowFills: [2: FillColor(rgb: "ffc7ce"), 5: FillColor(rgb: "C6EFCE")],
                                     listValidations: [ListValidation(range: CellRange("B2:B40")!, choices: ["错误", "提示"])])

    @Test func writesTheSameBytesAsTheWholeSheetWithDecorationsAndSharedStrings() throws {
        let scratch = try ScratchFolder("xlsx-stream")
        let rows = (0..<40).map(Self.row)
        // The whole sheet in any order; the source in row order, one row at a time.
        let whole = Sheet(name: "检查结果", rows: rows.reversed(), mergedRanges: [CellRange("E2:E3")!])
        let streamed = SheetSource(name: "检查结果", mergedRanges: [CellRange("E2:E3")!]) { body in
            for index in 0..<40 { try body(Self.row(index)) }
        }
        let (sheetFile, streamFile) = (scratch.url("sheet.xlsx"), scratch.url("stream.xlsx"))
        try XLSXWriter().write([whole, Sheet(name: "说明")], decorations: [decoration], to: sheetFile)
        try XLSXWriter().write([streamed, SheetSource(Sheet(name: "说明"))], decorations: [decoration], to: streamFile)
        #expect(try Data(contentsOf: sheetFile) == Data(contentsOf: streamFile))
        let read = try #require(try Workbook.read(streamFile).sheets.first)
        #expect(read.rows.map(\.cells) == rows.map(\.cells))
        #expect(read.mergedRanges == whole.mergedRanges)
    }

    @Test func rowsMadeInChunksOnAllCoresGiveTheSameBytesAsOneWalk() throws {
        let scratch = try ScratchFolder("xlsx-stream")
        // More rows than one chunk (8,192), so that texts first met in a later chunk are numbered
        // after those of earlier chunks, as one walk numbers them.
        let count = 20_000
        let walked = SheetSource(name: "检查结果") { body in
            for index in 0..<count { try body(Self.longRow(index)) }
        }
        let chunked = SheetSource(name: "检查结果", count: count) { Self.longRow($0) }
        let (walkedFile, chunkedFile) = (scratch.url("walked.xlsx"), scratch.url("chunked.xlsx"))
        try XLSXWriter().write([walked], decorations: [decoration], to: walkedFile)
        try XLSXWriter().write([chunked], decorations: [decoration], to: chunkedFile)
        #expect(try Data(contentsOf: walkedFile) == Data(contentsOf: chunkedFile))
        let read = try #require(try Workbook.read(chunkedFile).sheets.first)
        #expect(read.rows.count == count)
        #expect(read.rows.last?.cells.last?.value == .text("最后一行才有的文字"))
    }

    @Test func aFailingSourceLeavesTheOldFileAndNoTemporaryFile() throws {
        let scratch = try ScratchFolder("xlsx-stream")
        let file = scratch.url("检查结果.xlsx")
        try Data("old".utf8).write(to: file)
        var walks = 0
        // The rows are walked once (the survey keeps what the XML needs); it fails halfway.
        let failing = SheetSource(name: "检查结果") { body in
            walks += 1
            for index in 0..<40 {
                if index == 20 { throw Failure() }
                try body(Self.row(index))
            }
        }
        #expect(throws: XLSXWriterError.self) { try XLSXWriter().write([failing], to: file) }
        #expect(walks == 1)
        #expect(try Data(contentsOf: file) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path) == ["检查结果.xlsx"])
    }
}
