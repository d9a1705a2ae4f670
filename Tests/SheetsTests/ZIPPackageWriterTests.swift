import Foundation
import Testing
import ZIPFoundation
@testable import Sheets

/// The package writer that deflates a part's megabyte chunks on all cores: what it writes is a
/// ZIP that ZIPFoundation (and the CRC-32 it checks) and our own reader take back whole.
@Suite struct ZIPPackageWriterTests {
    /// Text that compresses as a sheet does, over several chunks and an uneven last one.
    static func sheetText(bytes: Int) -> Data {
        var text = ""
        var row = 0
        while text.utf8.count < bytes {
            row += 1
            text += #"<row r="\#(row)"><c r="A\#(row)" t="s"><v>\#(row % 97)</v></c><c r="B\#(row)"><v>\#(row * 7919 % 100_003)</v></c></row>"#
        }
        return Data(text.utf8)
    }

    static func write(_ entries: [(String, Data)], to url: URL, limit: UInt64 = UInt64(UInt32.max)) throws {
        let zip = try ZIPPackageWriter(creating: url, limit: limit)
        for (path, data) in entries {
            try zip.add(path, size: data.count) { position, count in data.subdata(in: Int(position)..<Int(position) + count) }
        }
        try zip.finish()
    }

    @Test func entriesComeBackWholeThroughZIPFoundation() throws {
        let folder = try ScratchFolder("zip-writer")
        let url = folder.url("包.zip")
        let large = Self.sheetText(bytes: 3 * ZIPPackageWriter.chunkSize + 12_345)
        let entries = [("empty.xml", Data()), ("xl/small.xml", Data("<a>行政许可</a>".utf8)),
                       ("xl/worksheets/sheet1.xml", large)]
        try Self.write(entries, to: url)
        let archive = try Archive(url: url, accessMode: .read)
        for (path, data) in entries {
            let entry = try #require(archive[path])
            var extracted = Data()
            let checksum = try archive.extract(entry, skipCRC32: false) { extracted.append($0) }
            #expect(extracted == data, "\(path)")
            #expect(checksum == entry.checksum, "\(path): the CRC-32 of the bytes is the one recorded")
        }
        #expect(try Data(contentsOf: url).count < large.count / 4)
    }

    /// A large part is deflated at a faster level than a small one, and still comes back whole.
    @Test func aLargePartIsDeflatedFasterAndComesBackWhole() throws {
        let folder = try ScratchFolder("zip-writer")
        let data = Self.sheetText(bytes: ZIPPackageWriter.largeSize + 1)
        let (fast, thorough) = (folder.url("fast.zip"), folder.url("thorough.zip"))
        try Self.write([("sheet.xml", data)], to: fast)
        let zip = try ZIPPackageWriter(creating: thorough, largeLevel: 6)
        try zip.add("sheet.xml", size: data.count) { position, count in data.subdata(in: Int(position)..<Int(position) + count) }
        try zip.finish()
        let archive = try Archive(url: fast, accessMode: .read)
        var extracted = Data()
        _ = try archive.extract(try #require(archive["sheet.xml"]), skipCRC32: false) { extracted.append($0) }
        #expect(extracted == data)
        #expect(try Data(contentsOf: fast) != Data(contentsOf: thorough))
    }

    @Test func equalPartsGiveEqualBytes() throws {
        let folder = try ScratchFolder("zip-writer")
        let data = Self.sheetText(bytes: 2 * ZIPPackageWriter.chunkSize + 1)
        let (first, second) = (folder.url("1.zip"), folder.url("2.zip"))
        try Self.write([("sheet.xml", data)], to: first)
        try Self.write([("sheet.xml", data)], to: second)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test func aWorkbookWrittenBigReadsBackWithOurReader() throws {
        let folder = try ScratchFolder("zip-writer")
        let url = folder.url("大表.xlsx")
        // Enough rows for a sheet part of several chunks.
        let rows = (0..<60_000).map { index in
            Row(index: index, cells: [Cell(row: index, column: 0, value: .text("事项\(index)")),
                                      Cell(row: index, column: 1, value: .number(Double(index)))])
        }
        try XLSXWriter().write([Sheet(name: "事项", rows: rows)], to: url)
        let sheet = try Workbook.read(url).sheets[0]
        #expect(sheet.rows.count == rows.count)
        #expect(sheet.rows.last?.cells.first?.value.text == "事项59999")
    }

    @Test func anEntryPastTheLimitIsRefusedBeforeItIsWritten() throws {
        let folder = try ScratchFolder("zip-writer")
        let url = folder.url("大.zip")
        #expect(throws: ZIPPackageWriter.TooLarge.self) {
            try Self.write([("a.xml", Data(count: 10_000))], to: url, limit: 5_000)
        }
    }
}
