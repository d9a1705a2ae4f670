import Foundation
import Testing
@testable import Sheets

@Suite("XLS reader: file bytes")
struct ByteViewTests {
    @Test func aRegularFileIsMappedWithItsBytes() throws {
        let bytes: [UInt8] = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let file = try ScratchFolder().write(bytes, named: "bytes.bin")
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        let view = try #require(ByteView.mapping(handle.fileDescriptor))
        #expect(Array(view) == bytes)
        #expect(view.u16(at: 1) == Int(bytes[1]) | Int(bytes[2]) << 8)
    }

    @Test func anEmptyFileIsNotMappedSoTheReaderFallsBackToReading() throws {
        let file = try ScratchFolder().write([UInt8](), named: "empty.xls")
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        #expect(ByteView.mapping(handle.fileDescriptor) == nil)
        #expect(throws: SheetsError.self) { try Workbook.read(file) }
    }

    @Test func aPipeIsNotMapped() throws {
        let pipe = Pipe()
        #expect(ByteView.mapping(pipe.fileHandleForReading.fileDescriptor) == nil)
    }

    @Test func aRangeIsAppendedInOneCopy() {
        let view = ByteView([1, 2, 3, 4, 5])
        var array: [UInt8] = [9]
        view.append(1..<4, to: &array)
        #expect(array == [9, 2, 3, 4])
    }

    @Test func aWorkbookReadFromAFileMatchesOneReadFromItsBytes() throws {
        let workbook = XLSTestWorkbook(sheets: [.init(name: "表一", records: [BIFF.label(0, 0, "权力清单"), BIFF.number(1, 1, 3)])])
        let file = try ScratchFolder().write(workbook.file, named: "book.xls")
        let fromFile = try Workbook.read(file)
        #expect(fromFile.sheets == (try workbook.read()))
    }
}
