import Foundation
import Sheets
import Testing

@Suite("CSV reader: text encodings")
struct CSVEncodingTests {
    let scratch: ScratchFolder
    init() throws { scratch = try ScratchFolder() }

    /// `序号,事项名称\r\n1,行政许可\r\n𠀀\r\n` in GB18030; `𠀀` (U+20000) takes four bytes.
    static let gb18030Bytes: [UInt8] = [
        0xD0, 0xF2, 0xBA, 0xC5, 0x2C, 0xCA, 0xC2, 0xCF, 0xEE, 0xC3, 0xFB, 0xB3, 0xC6, 0x0D, 0x0A,
        0x31, 0x2C, 0xD0, 0xD0, 0xD5, 0xFE, 0xD0, 0xED, 0xBF, 0xC9, 0x0D, 0x0A,
        0x95, 0x32, 0x82, 0x36, 0x0D, 0x0A,
    ]
    static let expected = [["序号", "事项名称"], ["1", "行政许可"], ["𠀀"]]
    static let text = "序号,事项名称\r\n1,行政许可\r\n𠀀\r\n"

    func document(_ bytes: [UInt8], encoding: TextEncoding? = nil) throws -> CSVDocument {
        try CSVReader(file: scratch.write(bytes), encoding: encoding).readDocument()
    }

    func grid(of document: CSVDocument) -> [[String]] {
        document.workbook.sheets.first.map(ScratchFolder.grid) ?? []
    }

    @Test func utf8WithoutByteOrderMark() throws {
        let read = try document(Array(Self.text.utf8))
        #expect(read.encoding == .utf8)
        #expect(grid(of: read) == Self.expected)
    }

    @Test func utf8ByteOrderMarkIsNotPartOfTheFirstCell() throws {
        let read = try document([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8))
        #expect(read.encoding == .utf8)
        #expect(grid(of: read) == Self.expected)
    }

    @Test func utf16LittleEndianWithByteOrderMark() throws {
        let read = try document(UTF16Bytes.littleEndian(Self.text))
        #expect(read.encoding == .utf16LE)
        #expect(grid(of: read) == Self.expected)
    }

    @Test func utf16BigEndianWithByteOrderMark() throws {
        let read = try document(UTF16Bytes.bigEndian(Self.text))
        #expect(read.encoding == .utf16BE)
        #expect(grid(of: read) == Self.expected)
    }

    @Test func gb18030IsDetectedWhenTheBytesAreNotUTF8() throws {
        let read = try document(Self.gb18030Bytes)
        #expect(read.encoding == .gb18030)
        #expect(grid(of: read) == Self.expected)
    }

    @Test func aForcedEncodingWinsOverDetection() throws {
        // C4 A3 is valid UTF-8 (ģ) and valid GBK (模): detection says UTF-8, the user knows better.
        #expect(try grid(of: document([0xC4, 0xA3])) == [["ģ"]])
        let forced = try document([0xC4, 0xA3], encoding: TextEncoding(userName: "gbk"))
        #expect(forced.encoding == .gb18030)
        #expect(grid(of: forced) == [["模"]])
    }

    @Test func forcedUTF16FollowsTheByteOrderMarkForItsByteOrder() throws {
        let read = try document(UTF16Bytes.bigEndian(Self.text), encoding: .utf16LE)
        #expect(read.encoding == .utf16BE)
        #expect(grid(of: read) == Self.expected)
    }

    @Test func utf16WithoutByteOrderMarkIsRecognisedByItsNULs() throws {
        let little = try document(UTF16Bytes.littleEndian(Self.text, byteOrderMark: false))
        #expect(little.encoding == .utf16LE)
        #expect(grid(of: little) == Self.expected)
        let big = try document(UTF16Bytes.bigEndian(Self.text, byteOrderMark: false))
        #expect(big.encoding == .utf16BE)
        #expect(grid(of: big) == Self.expected)
    }

    @Test func forcedUTF16WithoutByteOrderMark() throws {
        let read = try document(UTF16Bytes.littleEndian(Self.text, byteOrderMark: false), encoding: .utf16LE)
        #expect(grid(of: read) == Self.expected)
    }

    @Test(arguments: [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]] as [[UInt8]])
    func aFileWithOnlyAByteOrderMarkIsOneEmptySheet(bytes: [UInt8]) throws {
        let workbook = try document(bytes).workbook
        #expect(workbook.sheets.count == 1)
        #expect(workbook.sheets.first?.rows.isEmpty == true)
    }
}

@Suite("CSV reader: bytes that are not text")
struct CSVUndecodableTests {
    let scratch: ScratchFolder
    init() throws { scratch = try ScratchFolder() }

    func reason(_ bytes: [UInt8], encoding: TextEncoding? = nil) throws -> SheetsError.Reason? {
        let file = try scratch.write(bytes)
        do {
            _ = try CSVReader(file: file, encoding: encoding).readDocument()
            return nil
        } catch {
            #expect(error.file == file.path)
            return error.reason
        }
    }

    @Test func anInvalidByteIsReportedWithItsLineAndOffset() throws {
        // "a,b\n" (4 bytes) "c,d\r\n" (5 bytes) "e," (2 bytes), then 0xFF at offset 11 on line 3.
        let bytes = Array("a,b\nc,d\r\ne,".utf8) + [0xFF] + Array(",f\n".utf8)
        #expect(try reason(bytes) == .undecodableText(encoding: "UTF-8", line: 3, byteOffset: 11))
    }

    @Test func aBadByteInChineseUTF8IsReportedAsUTF8() throws {
        // Valid UTF-8 Chinese, then an overlong sequence: GB18030 fails earlier, so UTF-8 is named.
        let bytes = Array("行政,许可\n第二行,".utf8) + [0xC0, 0xAF, 0x0A]
        #expect(try reason(bytes) == .undecodableText(encoding: "UTF-8", line: 2, byteOffset: 24))
    }

    @Test func aTruncatedGB18030CharacterIsReportedAsGB18030() throws {
        let bytes = CSVEncodingTests.gb18030Bytes + [0xD0]
        #expect(try reason(bytes) == .undecodableText(encoding: "GB18030", line: 4,
                                                      byteOffset: CSVEncodingTests.gb18030Bytes.count))
    }

    @Test func theOffsetCountsFromTheStartOfTheFileIncludingAByteOrderMark() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("a\n".utf8) + [0xFF]
        #expect(try reason(bytes) == .undecodableText(encoding: "UTF-8", line: 2, byteOffset: 5))
    }

    @Test func forcedUTF8DoesNotFallBackToGB18030() throws {
        #expect(try reason(CSVEncodingTests.gb18030Bytes, encoding: .utf8) ==
            .undecodableText(encoding: "UTF-8", line: 1, byteOffset: 0))
    }

    @Test func anUnpairedUTF16SurrogateCountsTheByteOrderMarkInTheOffset() throws {
        // BOM, "a\n" (4 bytes), then a lone high surrogate at file offset 6 on line 2.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x00, 0xD8, 0x62, 0x00]
        #expect(try reason(bytes) == .undecodableText(encoding: "UTF-16LE", line: 2, byteOffset: 6))
    }

    @Test func nulBytesOutsideUTF16AreNotText() throws {
        #expect(try reason(Array("a,b\n".utf8) + [0x00, 0x01, 0x02] + Array("c\n".utf8)) == .unrecognizedFormat)
    }

    @Test func nulBytesAtBothParitiesAreNotUTF16() throws {
        let bytes = (0..<64).flatMap { _ in [0x00, 0x41, 0x42, 0x00] as [UInt8] }
        #expect(try reason(bytes) == .unrecognizedFormat)
    }

    @Test func manyControlBytesAreNotText() throws {
        let bytes = (0..<400).map { UInt8(0x01 + $0 % 8) }
        #expect(try reason(bytes) == .unrecognizedFormat)
    }

    @Test func anEmptyFileIsNamedAsSuch() throws {
        #expect(try reason([]) == .emptyFile)
    }
}
