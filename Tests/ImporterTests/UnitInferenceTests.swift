import Catalogue
import Foundation
@testable import Importer
@testable import Schemas
import Sheets
import Testing

@Suite("Units, levels and declared counts")
struct UnitInferenceTests {
    @Test("A guidance catalogue with sheets 地州级 and 区县级 yields items at both levels")
    func twoLevelFile() throws {
        let rows: [[String?]] = [["克拉玛依市商务局权责清单指导目录"], Grid.header, ["1", "某项许可", nil, "行政许可"]]
        let workbook = Grid.workbook(Grid.sheet("地州级", rows), Grid.sheet("区县级", rows))
        let result = try ShippedSchemas.importer().importWorkbook(workbook, displayName: "指导目录.xlsx")

        #expect(result.items.map(\.unit.level) == [.city, .county])
        #expect(result.units == [AdminUnit(name: "克拉玛依市商务局", level: .city),
                                 AdminUnit(name: "克拉玛依市商务局", level: .county)])
    }

    @Test("The workspace config maps a file to its unit and level")
    func configMappedUnit() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("""
            region:
              name: 克拉玛依市
              code: "650200"
              level: 地州市级
            files:
              清单.xlsx:
                unit: 乌尔禾区乌尔禾镇
                level: 乡镇
            """, to: "powerlist.yaml")
        let configuration = try ShippedSchemas.configuration(workspace: workspace.folder)
        #expect(configuration.region == Region(name: "克拉玛依市", code: "650200", level: .city))

        let sheet = Grid.sheet([["某某局权责清单"], Grid.header, ["1", "甲", nil, "行政许可"]])
        let result = Importer(configuration: configuration).importWorkbook(Grid.workbook(sheet), displayName: "2024/清单.xlsx")
        #expect(result.units == [AdminUnit(name: "乌尔禾区乌尔禾镇", level: .township)])
    }

    @Test("Trust order: title, then 行使主体, then sheet name, then file name")
    func unitTrustOrder() throws {
        let importer = try ShippedSchemas.importer()
        func unit(title: String?, actor: String?, sheetName: String, file: String) -> AdminUnit? {
            var rows: [[String?]] = title.map { [[$0]] } ?? []
            rows += [Grid.header, ["1", "甲", nil, "行政许可", "《法》", actor]]
            return importer.importWorkbook(Grid.workbook(Grid.sheet(sheetName, rows)), displayName: file).units.first
        }
        #expect(unit(title: "2025年克拉玛依市统计局权责清单", actor: "市统计局", sheetName: "市科技局", file: "x.xlsx")?.name == "克拉玛依市统计局")
        #expect(unit(title: "克拉玛依市人防系统权责清单指导目录（行政检查类）", actor: "克拉玛依市国防动员办公室（克拉玛依市人民防空办公室）",
                     sheetName: "Sheet1", file: "x.xlsx")?.name == "克拉玛依市国防动员办公室（克拉玛依市人民防空办公室）")
        #expect(unit(title: nil, actor: "地州市商务主管部门", sheetName: "市科技局", file: "x.xlsx")?.name == "市科技局")
        #expect(unit(title: nil, actor: nil, sheetName: "Sheet1", file: "docs/国动办权责清单公示.xlsx")?.name == "国动办")
    }

    @Test("A file name that names no body is used as a last resort, with a warning")
    func unitFromFileNameAsLastResort() throws {
        let sheet = Grid.sheet([Grid.header, ["1", "甲", nil, "行政许可"]])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "新建 Microsoft Excel 工作表 (1).xlsx")
        #expect(result.units.first?.name == "新建MicrosoftExcel工作表")
        #expect(result.findings(.unitGuessed).count == 1)
    }

    @Test("Level by name: 乡/镇/街道 → township, 村/社区 → village, a city's (市…) → city, a county's or district's → county",
          arguments: [("乌尔禾镇", Level?.some(.township)), ("胜利路街道办事处", .township), ("某某乡", .township),
                      ("乌尔禾区乌尔禾镇人民政府", .township), ("幸福社区", .village), ("前进村委会", .village),
                      ("红旗村", .village), ("克拉玛依市商务局", .city), ("市委宣传部（新闻出版局）", .city),
                      ("昌吉回族自治州财政局", .city), ("阿勒泰地区教育局", .city), ("独山子区财政局", .county),
                      ("县教育局", .county), ("和布克赛尔蒙古自治县水利局", .county), ("市场监督管理局", nil), ("商务局", nil)])
    func levelByName(name: String, level: Level?) {
        #expect(UnitInference.level(unitName: name) == level)
    }

    @Test("The region's level decides for its own departments", arguments: [("奎屯市商务局", Level.county), ("奎屯市某镇", .township)])
    func levelFromRegion(name: String, level: Level) {
        #expect(UnitInference.level(unitName: name, region: Region(name: "奎屯市", level: .county)) == level)
    }

    @Test("Level words as real lists write them, in config, CLI and the 实施层级及权限 column",
          arguments: [("地州市级", Level?.some(.city)), ("地州", .city), ("市级", .city), ("city", .city),
                      ("县市区级", .county), ("区县级", .county), ("县级部门", .county), ("县（市、区）级", .county),
                      ("乡镇", .township), ("街道", .township), ("村/社区", .village), ("村（社区）级", .village),
                      ("省级", nil)])
    func levelAliases(text: String, level: Level?) {
        #expect(Level(alias: text) == level)
    }

    @Test("The 实施层级及权限 column gives the level its value begins with")
    func levelFromColumn() {
        #expect(UnitInference.level(levelColumn: "地州市级：负责本地区的检查") == .city)
        #expect(UnitInference.level(levelColumn: "县市区级\n负责本辖区") == .county)
        #expect(UnitInference.level(levelColumn: "按照属地管理原则") == nil)
    }

    @Test("A prefecture-level city's department is a city unit: by its 实施层级 column, else by its name")
    func cityDepartment() throws {
        let header: [String?] = ["序号", "事项名称", "权力类型", "实施层级及权限"]
        let listed = Grid.sheet([["某某局权责清单"], header, ["1", "甲", "行政检查", "地州市级"]])
        let byColumn = try ShippedSchemas.importer().importWorkbook(Grid.workbook(listed), displayName: "a.xlsx")
        #expect(byColumn.units.map(\.level) == [.city])

        let named = Grid.sheet([["克拉玛依市统计局权责清单"], Grid.header, ["1", "甲", nil, "行政检查"]])
        let byName = try ShippedSchemas.importer().importWorkbook(Grid.workbook(named), displayName: "a.xlsx")
        #expect(byName.units == [AdminUnit(name: "克拉玛依市统计局", level: .city)])

        let guidance = Grid.sheet("区县级", [["克拉玛依市统计局权责清单"], header, ["1", "甲", "行政检查", "县市区级"]])
        let bySheet = try ShippedSchemas.importer().importWorkbook(Grid.workbook(guidance), displayName: "a.xlsx")
        #expect(bySheet.units.map(\.level) == [.county])
    }

    @Test("A count stated in the sheet name or the title is compared with what was imported")
    func declaredCountMismatch() throws {
        let sheet = Grid.sheet("行政处罚（3项）", [
            ["市生态环境局（2项）"],
            Grid.header,
            ["1", "甲", nil, "行政处罚"],
            ["2", "乙", nil, "行政处罚"],
        ])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx")

        let mismatches = result.findings(.countMismatch)
        #expect(mismatches.count == 1)
        #expect(mismatches.first?.message == "工作表名“行政处罚（3项）”写明3项，实际读到2项")
        #expect(result.sheets.first?.declaredCount == 3)
        #expect(result.units.first?.name == "市生态环境局")
    }

    @Test("Declared counts are read from the usual ways of writing them",
          arguments: [("行政处罚（254项）", 254), ("市生态环境局(217项)", 217), ("权责清单（共 12 项）", 12),
                      ("共计5项", 5), ("行政许可", nil), ("2024年权责清单", nil)] as [(String, Int?)])
    func declaredCountParsing(text: String, count: Int?) {
        #expect(DeclaredCounts.count(in: text) == count)
    }
}
