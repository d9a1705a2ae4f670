import Crypto
import Foundation
import Testing
import Sheets

/// The real published legacy workbooks must read exactly as xlrd reads them. Their digests
/// come from `Fixtures/xls_digest.py` (see its header for the cell text rule); only digests
/// are committed, never the files or their texts.
@Suite("XLS reader: real fixtures")
struct XLSRealFixtureTests {
    struct SheetDigest: Decodable, Equatable {
        var name: String
        var hidden: Bool
        var rows: Int
        var columns: Int
        var merged: [String]
        var cells: Int
        var sha256: String
    }

    static func expectedDigests() throws -> [String: [SheetDigest]] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xls-digests.json")
        return try JSONDecoder().decode([String: [SheetDigest]].self, from: Data(contentsOf: file))
    }

    /// The same digest as `xls_digest.py`, computed from the Swift reader's sheet.
    static func digest(of sheet: Sheet) -> SheetDigest {
        var hash = SHA256()
        for row in sheet.rows {
            for cell in row.cells {
                hash.update(data: Data("\(cell.address)\t\(cell.value.text)\n".utf8))
            }
        }
        let extent = sheet.dimension
        return SheetDigest(name: sheet.name, hidden: sheet.isHidden,
                           rows: extent.map { $0.last.row + 1 } ?? 0, columns: extent.map { $0.last.column + 1 } ?? 0,
                           merged: sheet.mergedRanges.map(\.description), cells: sheet.cellCount,
                           sha256: hash.finalize().map { String(format: "%02x", $0) }.joined())
    }

    @Test(.enabled(if: RealWorkbookFiles.present, "../shared/fixtures/real is absent"),
          arguments: ["克拉玛依市科学技术局2024年权责清单.xls", "克拉玛依市医疗保障局2024年权责清单.xls",
                      "克拉玛依市2025年消防监督执法权责清单.xlsx"])
    func readsLikeXlrd(file: String) throws {
        let expected = try #require(try Self.expectedDigests()[file], "no digest for \(file); rerun xls_digest.py")
        let workbook = try Workbook.read(RealWorkbookFiles.url(file))
        #expect(workbook.format == .xls)
        #expect(workbook.sheets.map(Self.digest) == expected)
    }

    @Test(.enabled(if: RealWorkbookFiles.present, "../shared/fixtures/real is absent"))
    func theFireServiceListIsAnOLE2FileDespiteItsName() throws {
        let workbook = try Workbook.read(RealWorkbookFiles.url("克拉玛依市2025年消防监督执法权责清单.xlsx"))
        let sheet = try #require(workbook.sheets.first)
        let texts = sheet.rows.flatMap(\.cells).map(\.value.text)
        #expect(texts.contains("职权类型"))
        #expect(texts.contains("650200207XK01600"))
    }
}
