import Catalogue
import Foundation
import Importer
import Sheets
import Testing

/// The eight published lists in `../shared/fixtures/real/` (see its README), read with
/// `Workbook.read` and imported end to end.
enum RealFixtures {
    static let folder = ShippedSchemas.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/real", isDirectory: true)
    static var present: Bool { FileManager.default.fileExists(atPath: folder.path) }

    static func importFile(_ name: String) throws -> ImportedWorkbook {
        let workbook = try Workbook.read(folder.appendingPathComponent(name))
        return try ShippedSchemas.importer().importWorkbook(workbook, displayName: name)
    }

    /// Categories as written, whitespace removed (`行政\n确认` → `行政确认`), counted per record.
    static func categoryCounts(_ result: ImportedWorkbook) -> [String: Int] {
        var counts: [String: Int] = [:]
        for item in result.items {
            counts[(item.category ?? "").split(whereSeparator: \.isWhitespace).joined(), default: 0] += 1
        }
        return counts
    }
}

struct FixtureExpectation: Sendable, CustomTestStringConvertible {
    var file: String
    var itemCount: Int
    var recordCount: Int
    var unit: String
    var categories: [String: Int]
    /// A field of the first item and the cell it must come from.
    var firstItemCells: FieldValues
    var firstItemRows: String

    var testDescription: String { file }
}

@Suite("Real published lists", .enabled(if: RealFixtures.present, "../shared/fixtures/real is absent"))
struct RealFixtureTests {
    static let expectations: [FixtureExpectation] = [
        FixtureExpectation(file: "克拉玛依市商务局2024年权责清单.xlsx", itemCount: 20, recordCount: 21, unit: "克拉玛依市商务局",
                           categories: ["行政许可": 2, "行政检查": 2, "行政处罚": 13, "其他行政权力": 4],
                           firstItemCells: [.serial: "A3", .name: "B3", .category: "D3", .basis: "E3", .levelAndAuthority: "H3"],
                           firstItemRows: "第3行"),
        FixtureExpectation(file: "2025年克拉玛依市统计局权责清单.xlsx", itemCount: 3, recordCount: 3, unit: "克拉玛依市统计局",
                           categories: ["行政处罚": 2, "行政检查": 1],
                           firstItemCells: [.serial: "A3:A4", .name: "B3:B4", .category: "D3:D4", .basis: "E3:E4"],
                           firstItemRows: "第3–4行"),
        FixtureExpectation(file: "国动办权责清单公示.xlsx", itemCount: 17, recordCount: 18,
                           unit: "克拉玛依市国防动员办公室（克拉玛依市人民防空办公室）",
                           categories: ["行政检查": 3, "行政许可": 4, "行政征收": 1, "行政处罚": 5, "其他行政权力": 5],
                           firstItemCells: [.serial: "A4", .name: "B4", .subItemName: "C4", .category: "D4"],
                           firstItemRows: "第4行"),
        FixtureExpectation(file: "克拉玛依市档案局2024年权责清单.xlsx", itemCount: 12, recordCount: 12, unit: "克拉玛依市档案局",
                           categories: ["行政处罚": 1, "行政检查": 1, "行政奖励": 1, "其他行政权力": 9],
                           firstItemCells: [.serial: "A4:A10", .name: "B4:B10", .basis: "E4:E10", .actor: "F4:F10"],
                           firstItemRows: "第4–10行"),
        FixtureExpectation(file: "克拉玛依市委宣传部（新闻出版局）2024年权责清单 (1).xlsx", itemCount: 1, recordCount: 1,
                           unit: "克拉玛依市委宣传部", categories: ["行政许可": 1],
                           firstItemCells: [.serial: "A3:A9", .name: "B3:B9", .category: "D3:D9"],
                           firstItemRows: "第3–9行"),
        FixtureExpectation(file: "克拉玛依市2025年消防监督执法权责清单.xlsx", itemCount: 75, recordCount: 75, unit: "克拉玛依市消防救援支队",
                           categories: ["行政许可": 1, "行政处罚": 68, "行政强制": 6],
                           firstItemCells: [.serial: "A4", .region: "B4", .name: "D4", .category: "E4", .code: "F4", .basis: "G4",
                                            .applicationConditions: "I4", .applicationMaterials: "J4", .statutoryTimeLimit: "N4",
                                            .promisedTimeLimit: "O4", .fees: "P4"],
                           firstItemRows: "第4行"),
        FixtureExpectation(file: "克拉玛依市科学技术局2024年权责清单.xls", itemCount: 4, recordCount: 4, unit: "克拉玛依市科学技术局",
                           categories: ["行政处罚": 1, "行政确认": 2, "其他行政权力": 1],
                           firstItemCells: [.serial: "A3:A4", .name: "B3:B4", .category: "D3:D4", .accountabilityCases: "N3:N4"],
                           firstItemRows: "第3–4行"),
        FixtureExpectation(file: "克拉玛依市医疗保障局2024年权责清单.xls", itemCount: 17, recordCount: 17, unit: "克拉玛依市医疗保障局",
                           categories: ["行政处罚": 6, "行政强制": 1, "行政检查": 8, "行政奖励": 1, "其他行政权力": 1],
                           firstItemCells: [.serial: "A3", .name: "B3", .actor: "E3", .handlingOrgan: "F3", .basis: "G3"],
                           firstItemRows: "第3行"),
    ]

    @Test("Each list imports its items with the right unit, categories and cells", arguments: expectations)
    func importsPublishedList(_ expected: FixtureExpectation) throws {
        let result = try RealFixtures.importFile(expected.file)

        #expect(result.itemCount == expected.itemCount)
        #expect(result.items.count == expected.recordCount)
        // Departments of 克拉玛依市, a prefecture-level city.
        #expect(result.units == [AdminUnit(name: expected.unit, level: .city)])
        #expect(RealFixtures.categoryCounts(result) == expected.categories)
        let first = try #require(result.items.first)
        #expect(first.serial == "1")
        #expect(first.provenance.file == expected.file)
        #expect(first.provenance.rowsDescription == expected.firstItemRows)
        for (field, cell) in expected.firstItemCells {
            #expect(first.provenance.cells[field] == cell, "\(field)")
        }
        #expect(result.findings(.countMismatch).isEmpty)
        #expect(!result.findings.contains { $0.severity == .error })
    }

    @Test("商务局: the unnumbered item, the merged 实施层级及权限 header and the repeated columns")
    func commerceBureauQuirks() throws {
        let result = try RealFixtures.importFile("克拉玛依市商务局2024年权责清单.xlsx")
        #expect(result.findings(.missingSerial).map(\.location.cell) == ["B22"])
        #expect(result.items.first { $0.name == "洗染业经营者备案" }?.category == "其他行政权力")
        #expect(result.findings(.repeatedColumns).map(\.location.cell) == ["P2:S2"])
        let first = try #require(result.items.first)
        #expect(first.extraFields.first?.header == "实施层级及权限（第2列）")
        #expect(first.extraFields.first?.cell == "I3")
        // A repeated column never doubles the value its first column already holds.
        var repeatedExtras = 0
        for item in result.items {
            for extra in item.extraFields where extra.header.hasSuffix("（重复列）") {
                let field = try #require(ItemField.allCases.first { extra.header == "\($0.label)（重复列）" })
                #expect(item[field] != extra.value)
                repeatedExtras += 1
            }
        }
        #expect(repeatedExtras > 0)
    }

    @Test("国动办: one sheet per category, each with its declared count; sub-items stay linked")
    func civilDefenceSheets() throws {
        let result = try RealFixtures.importFile("国动办权责清单公示.xlsx")
        #expect(result.sheets.map(\.declaredCount) == [3, 3, 1, 5, 5])
        #expect(result.sheets.map(\.itemCount) == [3, 3, 1, 5, 5])
        let subItems = result.items.filter { $0.provenance.sheet == "行政许可（3项）" && $0.serial == "1" }
        #expect(subItems.count == 2)
        #expect(Set(subItems.map(\.name)).count == 1)
        #expect(subItems.map(\.provenance.cells[.subItemName]) == ["C4:C5", "C6:C7"])
    }

    @Test("Empty sheets are skipped and reported")
    func emptySheetsSkipped() throws {
        let result = try RealFixtures.importFile("克拉玛依市档案局2024年权责清单.xlsx")
        #expect(result.sheets.map(\.skippedBecause) == [nil, "工作表为空", "工作表为空"])
        #expect(result.findings(.sheetSkipped).map(\.location.sheet) == ["Sheet2", "Sheet3"])
    }

    @Test("消防: the service-style schema maps 项目, 职权类型, 职权编码 and keeps the rest as extras")
    func fireServiceSchema() throws {
        let result = try RealFixtures.importFile("克拉玛依市2025年消防监督执法权责清单.xlsx")
        let first = try #require(result.items.first)
        #expect(first[.code] == "650200207XK01600")
        #expect(first[.region] == "克拉玛依市")
        #expect(first[.category] == "行政许可")
        #expect(first.extraFields.map(\.header).contains("隶属机构"))
        #expect(Set(result.findings(.unknownHeader).map(\.location.cell)).count == result.findings(.unknownHeader).count)
    }
}
