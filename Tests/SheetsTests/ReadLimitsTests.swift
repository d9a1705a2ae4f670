import Foundation
import Testing
@testable import Sheets

/// A broken or hostile file is refused with a message naming the file, sheet and cell and
/// the option that raises the limit — never read until the machine runs out of memory.
@Suite("Read limits: hostile XLSX")
struct XLSXReadLimitsTests {
    typealias Part = RepeatedPart
    let folder: ScratchFolder

    init() throws { folder = try ScratchFolder("read-limits") }

    private func sheet(_ unit: String, count: Int, head: String = "", tail: String = "") -> Part {
        Part(head: HostilePackage.sheetHead + head, unit: unit, count: count, tail: tail + HostilePackage.sheetTail)
    }

    private func refusal(_ url: URL, _ limits: ReadLimits = .excel) -> (ReadLimitViolation, SheetsError)? {
        guard let error = HostilePackage.readError(url, limits: limits),
              case .limitExceeded(let violation) = error.reason else { return nil }
        return (violation, error)
    }

    @Test func aCellLongerThanExcelAllowsIsRefusedAtItsCell() throws {
        let url = try HostilePackage.workbook(sheet: sheet(
            "长", count: 40_000, head: #"<row r="3"><c r="B3" t="inlineStr"><is><t>"#, tail: "</t></is></c></row>"), in: folder)
        let (violation, error) = try #require(refusal(url))
        #expect(violation == .cellCharacters(limit: 32_767))
        #expect(error.sheet == "清单")
        #expect(error.cell == CellAddress(row: 2, column: 1))
        #expect(error.description.contains(url.path))
        #expect(error.description.contains("--max-cell-chars"))
        // Raised, the same file reads, and the cell holds every character.
        let workbook = try Workbook.read(url, options: ReadOptions(limits: ReadLimits(maxCellCharacters: 40_000)))
        #expect(workbook.sheets[0][CellAddress(row: 2, column: 1)]?.text.count == 40_000)
    }

    @Test func aHugeTextCellIsRefusedBeforeItIsCollected() throws {
        // 64 MB of text in one cell: refused after 7 × 32,767 bytes, not after reading it all.
        let url = try HostilePackage.workbook(sheet: sheet(
            String(repeating: "A", count: 1024), count: 64 << 10, head: #"<row><c t="str"><v>"#, tail: "</v></c></row>"), in: folder)
        let (violation, error) = try #require(refusal(url, ReadLimits(maxCompressionRatio: .max)))
        #expect(violation == .cellCharacters(limit: 32_767))
        #expect(error.cell == CellAddress(row: 0, column: 0))
    }

    @Test func aLongSharedStringIsRefused() throws {
        let strings = Part(head: "<sst xmlns=\"\(XLSXFixture.main)\"><si><t>短</t></si><si><t>",
                           unit: "x", count: 101, tail: "</t></si></sst>")
        let url = try HostilePackage.workbook(sheet: sheet(#"<row><c t="s"><v>1</v></c></row>"#, count: 1),
                                              sharedStrings: strings, in: folder)
        #expect(refusal(url, ReadLimits(maxCellCharacters: 100))?.0 == .cellCharacters(limit: 100))
        #expect(refusal(url, ReadLimits(maxCellCharacters: 101)) == nil)
    }

    @Test func tooManySharedStringsAreRefused() throws {
        let strings = Part(head: "<sst xmlns=\"\(XLSXFixture.main)\">", unit: "<si><t>a</t></si>", count: 11, tail: "</sst>")
        let url = try HostilePackage.workbook(sheet: sheet(#"<row><c t="s"><v>1</v></c></row>"#, count: 1),
                                              sharedStrings: strings, in: folder)
        #expect(refusal(url, ReadLimits(maxCells: 10))?.0 == .sharedStrings(limit: 10))
        #expect(refusal(url, ReadLimits(maxCells: 11)) == nil)
    }

    @Test func rowsPastTheLimitAreRefusedWhetherNumberedOrNot() throws {
        let unnumbered = try HostilePackage.workbook(sheet: sheet("<row><c><v>1</v></c></row>", count: 11), in: folder, named: "a.xlsx")
        #expect(refusal(unnumbered, ReadLimits(maxRows: 10))?.0 == .rows(limit: 10))
        #expect(refusal(unnumbered, ReadLimits(maxRows: 11)) == nil)
        let numbered = try HostilePackage.workbook(sheet: sheet(#"<row r="11"><c><v>1</v></c></row>"#, count: 1), in: folder, named: "b.xlsx")
        let (violation, error) = try #require(refusal(numbered, ReadLimits(maxRows: 10)))
        #expect(violation == .rows(limit: 10))
        #expect(error.description.contains("--max-rows"))
        let byCell = try HostilePackage.workbook(sheet: sheet(#"<row><c r="A11"><v>1</v></c></row>"#, count: 1), in: folder, named: "c.xlsx")
        #expect(self.refusal(byCell, ReadLimits(maxRows: 10))?.0 == .rows(limit: 10))
    }

    @Test func thirtyMillionRowsAreRefusedAtExcelsLastRow() throws {
        // The issue's 6.1 GB file in miniature: 2 million rows, refused at row 1,048,577.
        let url = try HostilePackage.workbook(sheet: sheet("<row><c><v>1</v></c></row>", count: 2_000_000), in: folder)
        let (violation, error) = try #require(refusal(url, ReadLimits(maxCompressionRatio: .max)))
        #expect(violation == .rows(limit: 1_048_576))
        #expect(error.cell?.row == 1_048_576)
    }

    @Test func columnsPastTheLimitAreRefused() throws {
        let url = try HostilePackage.workbook(sheet: sheet("<c><v>1</v></c>", count: 11, head: "<row>", tail: "</row>"), in: folder)
        let (violation, error) = try #require(refusal(url, ReadLimits(maxColumns: 10)))
        #expect(violation == .columns(limit: 10))
        #expect(error.cell == CellAddress(row: 0, column: 10))
        #expect(self.refusal(url, ReadLimits(maxColumns: 11)) == nil)
    }

    @Test func cellsPastTheLimitAreRefused() throws {
        let url = try HostilePackage.workbook(sheet: sheet("<row><c><v>1</v></c><c><v>2</v></c></row>", count: 6), in: folder)
        #expect(refusal(url, ReadLimits(maxCells: 11))?.0 == .cells(limit: 11))
        #expect(refusal(url, ReadLimits(maxCells: 12)) == nil)
    }

    @Test func aZipBombIsRefusedByItsCompressionRatio() throws {
        // 64 MB of blank rows in a file of about 64 KB.
        let url = try HostilePackage.workbook(sheet: sheet("<row/>", count: 11 << 20), in: folder)
        let (violation, error) = try #require(refusal(url, ReadLimits(maxRows: .max)))
        #expect(violation == .compressionRatio(part: "xl/worksheets/sheet1.xml", limit: 100))
        #expect(error.description.contains("压缩炸弹"))
    }

    @Test func aZipBombIsRefusedByTheInflatedTotal() throws {
        let url = try HostilePackage.workbook(sheet: sheet("<row/>", count: 1 << 20), in: folder)
        #expect(refusal(url, ReadLimits(maxRows: .max, maxInflatedBytes: 4 << 20))?.0 == .inflatedBytes(limit: 4 << 20))
        #expect(refusal(url, ReadLimits(maxRows: .max, maxInflatedBytes: 8 << 20)) == nil)
    }

    @Test func aClaimedDimensionOfEveryCellCostsNothing() throws {
        let url = try HostilePackage.workbook(sheet: Part(
            head: "<worksheet xmlns=\"\(XLSXFixture.main)\"><dimension ref=\"A1:XFD1048576\"/><sheetData>",
            unit: #"<row r="1"><c r="A1"><v>1</v></c></row>"#, count: 1, tail: HostilePackage.sheetTail), in: folder)
        let workbook = try Workbook.read(url)
        #expect(workbook.sheets[0].cellCount == 1)
    }

    @Test func billionLaughsEntitiesAreNeverExpanded() throws {
        var entities = #"<!ENTITY lol "lollollollollollollollollollol">"#
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        let url = try HostilePackage.workbook(sheet: Part(
            head: "<?xml version=\"1.0\"?><!DOCTYPE worksheet [\(entities)]>" + HostilePackage.sheetHead
                + #"<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>"#,
            unit: "", count: 0, tail: HostilePackage.sheetTail), in: folder)
        // Either refused as malformed, or read with the entity left unexpanded: never 3 GB of "lol".
        do {
            let workbook = try Workbook.read(url)
            #expect((workbook.sheets.first?[CellAddress(row: 0, column: 0)]?.text.count ?? 0) < 100)
        } catch {
            guard case .malformedXML = error.reason else {
                Issue.record("expected malformedXML, got \(error.reason)")
                return
            }
        }
    }

    @Test func deeplyNestedXMLIsRefusedWithoutExhaustingTheStack() throws {
        let url = try HostilePackage.workbook(sheet: Part(
            head: HostilePackage.sheetHead + "<row>", unit: "<x>", count: 1_000_000, tail: "</row>" + HostilePackage.sheetTail),
            in: folder)
        let (violation, error) = try #require(refusal(url, ReadLimits(maxCompressionRatio: .max)))
        #expect(violation == .xmlDepth(part: "xl/worksheets/sheet1.xml", limit: 256))
        #expect(error.sheet == "清单")
    }
}
