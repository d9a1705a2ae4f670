import Foundation
import Testing
@testable import Sheets

/// The XLSX reader's own ZIP layer: the directory (ZIP64 too), stored and deflated parts, and
/// damage that must end in an error naming the part — never in a read that does not end.
@Suite struct ZIPReaderTests {
    static let rows = #"<row r="1"><c r="A1" t="inlineStr"><is><t>行政许可</t></is></c><c r="B1"><v>7</v></c></row>"#

    /// A complete one-sheet workbook, every part deflated except where `change` says otherwise.
    func workbook(_ change: (inout HandmadeZIP) -> Void = { _ in }) -> HandmadeZIP {
        var zip = HandmadeZIP()
        let parts = XLSXFixture.workbookParts([.init(name: "清单", rows: Self.rows)])
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) { zip.add(path, text: text) }
        change(&zip)
        return zip
    }

    func read(_ zip: HandmadeZIP) throws -> Workbook {
        let folder = try ScratchFolder("zip-test")
        let url = try folder.write(zip.bytes(), named: "清单.xlsx")
        return try Workbook.read(url, options: ReadOptions())
    }

    func readError(_ zip: HandmadeZIP) throws -> SheetsError? {
        do { _ = try read(zip); return nil } catch let error as SheetsError { return error }
    }

    func firstRow(_ workbook: Workbook) -> [String] {
        workbook.sheets[0].rows.first.map { $0.cells.map { $0.value.text } } ?? []
    }

    @Test func storedAndDeflatedPartsReadAlike() throws {
        let deflated = try read(workbook())
        let stored = try read(workbook { zip in
            for index in zip.entries.indices {
                let text = String(decoding: zip.entries[index].data.dropFirst(5), as: UTF8.self)
                zip.entries[index] = .init(path: zip.entries[index].path, method: 0, data: Array(text.utf8),
                                           uncompressedSize: text.utf8.count)
            }
        })
        #expect(firstRow(deflated) == ["行政许可", "7"])
        #expect(firstRow(stored) == firstRow(deflated))
    }

    @Test func zip64RecordsAreRead() throws {
        let workbook = try read(workbook { $0.zip64 = true })
        #expect(firstRow(workbook) == ["行政许可", "7"])
    }

    /// The stream of the sheet lacks its final block: the reader stops at the entry's end.
    /// (ZIPFoundation 0.9.20 read on past it and, at the end of the file, looped forever.)
    @Test func aDeflateStreamThatDoesNotEndIsReportedNotAwaited() throws {
        let error = try #require(try readError(workbook { zip in
            let index = zip.entries.firstIndex { $0.path == "xl/worksheets/sheet1.xml" }!
            let text = String(decoding: zip.entries[index].data.dropFirst(5), as: UTF8.self)
            zip.entries[index].data = HandmadeZIP.storedBlock(text, final: false)
        }))
        guard case .corruptArchive(let detail) = error.reason else {
            Issue.record("expected corruptArchive, got \(error.reason)")
            return
        }
        #expect(detail.contains("xl/worksheets/sheet1.xml"))
        #expect(error.description.contains("清单.xlsx"))
    }

    @Test func anUnknownCompressionMethodIsNamed() throws {
        let unknown = try #require(try readError(workbook { zip in
            let index = zip.entries.firstIndex { $0.path == "xl/workbook.xml" }!
            zip.entries[index].method = 14 // LZMA
        }))
        #expect(unknown.description.contains("xl/workbook.xml"))
        #expect(unknown.description.contains("不支持的压缩方式"))
    }

    /// Offsets and sizes that point outside the file are errors, whatever their values.
    @Test func everyCorruptedDirectoryByteGivesAnErrorOrAWorkbook() throws {
        let bytes = workbook().bytes()
        let directory = bytes.count - 22 - workbook().entries.reduce(0) { $0 + 46 + $1.path.utf8.count }
        for offset in stride(from: directory, to: bytes.count, by: 3) {
            for value: UInt8 in [0x00, 0x7F, 0xFF] {
                var damaged = bytes
                damaged[offset] = value
                let folder = try ScratchFolder("zip-test")
                let url = try folder.write(damaged, named: "损坏.xlsx")
                do {
                    _ = try Workbook.read(url, options: ReadOptions())
                } catch {
                    #expect(error.description.contains("损坏.xlsx"), "byte \(offset) set to \(value)")
                }
            }
        }
    }

    /// The CI fuzzer's input, byte for byte: `xl/worksheets/sheet2.xml` claims 720,896 bytes of
    /// deflated data in a 3,460-byte file. ZIPFoundation inflated on to the end of the file and
    /// looped there forever; now reading ends with the first damaged part (its shared strings).
    @Test func theFuzzersEndlessInflateInputIsAnError() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz/xlsx-endless-inflate.xlsx")
        #expect {
            _ = try Workbook.read(url, options: ReadOptions())
        } throws: { error in
            guard let error = error as? SheetsError, case .corruptArchive(let detail) = error.reason else { return false }
            return detail.contains("xl/sharedStrings.xml")
        }
    }
}
