import Catalogue
import Importer
import Sheets
import Testing

@Suite("Finding the table: titles, header rows, columns")
struct LayoutDetectionTests {
    @Test("A title row above the header names the unit; items keep their cells")
    func titleHeaderAndItems() throws {
        let sheet = Grid.sheet("Sheet1", [
            ["  克拉玛依市商务局2024年权责清单"],
            Grid.header,
            ["1", "成品油零售经营许可", nil, "行政许可", "【法规】《成品油市场管理办法》", "地州市商务主管部门"],
            ["2", "对报废机动车回收企业的监督检查", nil, "行政检查", "【法规】《报废机动车回收管理办法》", "地州市商务主管部门"],
        ], merged: ["A1:F1"])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "商务局.xlsx")

        #expect(result.items.count == 2)
        #expect(result.units == [AdminUnit(name: "克拉玛依市商务局", level: .city)])
        let first = try #require(result.items.first)
        #expect(first.serial == "1")
        #expect(first.name == "成品油零售经营许可")
        #expect(first.category == "行政许可")
        #expect(first.provenance.cells[.name] == "B3")
        #expect(first.provenance.cells[.category] == "D3")
        #expect(first.provenance.firstRow == 3 && first.provenance.lastRow == 3)
        #expect(first.provenance.file == "商务局.xlsx" && first.provenance.sheet == "Sheet1")
        #expect(result.sheets.first?.headerRow == 2)
    }

    @Test("Line breaks and spaces inside header text are ignored when matching")
    func headerTextIsNormalized() throws {
        let sheet = Grid.sheet([
            ["序  号", "事项\n名称", "子项\n名称", "权力\n类型", "收费（征收）依据和标准", "法定期限（天/日）"],
            ["1", "某项许可", "某子项", "行政许可", "无", "20个工作日"],
        ])
        let item = try #require(try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx").items.first)
        #expect(item[.serial] == "1")
        #expect(item[.subItemName] == "某子项")
        #expect(item[.category] == "行政许可")
        #expect(item[.fees] == "无")
        #expect(item[.statutoryTimeLimit] == "20个工作日")
        #expect(item.extraFields.isEmpty)
    }

    @Test("A header split over two rows keeps both columns under the merged header")
    func headerSplitOverTwoRows() throws {
        let sheet = Grid.sheet([
            ["序号", "事项名称", "权力类型", "实施层级及权限", nil, "备注"],
            [nil, nil, nil, "层级", "权限", nil],
            ["1", "某项处罚", "行政处罚", "县级", "全部", "无"],
        ], merged: ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2"])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx")

        #expect(result.sheets.first?.headerRow == 1)
        let item = try #require(result.items.first)
        #expect(result.items.count == 1)
        #expect(item[.levelAndAuthority] == "县级")
        #expect(item.provenance.cells[.levelAndAuthority] == "D3")
        #expect(item.extraFields == [ExtraField(header: "实施层级及权限/权限", value: "全部", cell: "E3")])
        #expect(item[.remarks] == "无")
        #expect(result.findings(.unknownHeader).isEmpty)
    }

    @Test("A header merged over two columns with no sub-header keeps the second column as an extra")
    func mergedHeaderWithoutSubHeader() throws {
        let sheet = Grid.sheet([
            ["序号", "事项名称", "权力类型", "实施层级及权限", nil],
            ["1", "某项检查", "行政检查", "地州市级", "负责本地区的检查"],
        ], merged: ["D1:E1"])
        let item = try #require(try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx").items.first)
        #expect(item[.levelAndAuthority] == "地州市级")
        #expect(item.extraFields == [ExtraField(header: "实施层级及权限（第2列）", value: "负责本地区的检查", cell: "E2")])
    }

    @Test("Columns repeated at the right end: equal values kept once, different values kept as extras")
    func repeatedColumns() throws {
        let sheet = Grid.sheet([
            ["序号", "事项名称", "权力类型", "责任事项依据", "追责情形", "责任事项依据", "追责情形"],
            ["1", "甲", "行政许可", "《行政许可法》", "情形一", "《行政许可法》", "情形一"],
            ["2", "乙", "行政处罚", "《行政处罚法》", "情形二", "《另一部法》", "情形二"],
        ])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx")

        #expect(result.items.count == 2)
        #expect(result.items[0].extraFields.isEmpty)
        #expect(result.items[0][.responsibilityBasis] == "《行政许可法》")
        #expect(result.items[1][.responsibilityBasis] == "《行政处罚法》")
        #expect(result.items[1].extraFields == [ExtraField(header: "责任事项依据（重复列）", value: "《另一部法》", cell: "F3")])
        let finding = try #require(result.findings(.repeatedColumns).first)
        #expect(finding.location.cell == "F1:G1")
        #expect(finding.message.contains("责任事项依据、追责情形"))
    }

    @Test("An unknown header is kept on every item and reported once per file")
    func unknownHeaderKeptAndReportedOnce() throws {
        let rows: [[String?]] = [
            ["序号", "事项名称", "权力类型", "救助渠道"],
            ["1", "甲", "行政许可", "申请行政复议"],
        ]
        let workbook = Grid.workbook(Grid.sheet("行政许可", rows), Grid.sheet("行政处罚", rows))
        let result = try ShippedSchemas.importer().importWorkbook(workbook, displayName: "a.xlsx")

        #expect(result.items.count == 2)
        #expect(result.items.allSatisfy { $0.extraFields == [ExtraField(header: "救助渠道", value: "申请行政复议", cell: "D2")] })
        let findings = result.findings(.unknownHeader)
        #expect(findings.count == 1)
        #expect(findings.first?.location == Location(file: "a.xlsx", sheet: "行政许可", cell: "D1"))
        #expect(findings.first?.message.contains("救助渠道") == true)
    }

    @Test("Empty sheets and sheets without a table are skipped with a reason and a finding")
    func sheetsWithoutTableAreSkipped() throws {
        let notes = Grid.sheet("说明", [["填表说明：本表由各单位填报。"], ["联系人：张三"]])
        let empty = Grid.sheet("Sheet3", [])
        let table = Grid.sheet("Sheet1", [Grid.header, ["1", "甲", nil, "行政许可"]])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(table, notes, empty), displayName: "a.xlsx")

        #expect(result.items.count == 1)
        #expect(result.sheets.map(\.skippedBecause?.isEmpty) == [nil, false, false])
        #expect(result.sheets[1].skippedBecause?.contains("表头") == true)
        #expect(result.sheets[2].skippedBecause == "工作表为空")
        let skipped = result.findings(.sheetSkipped)
        #expect(skipped.map(\.location.sheet) == ["说明", "Sheet3"])
        #expect(skipped.map(\.severity) == [.warning, .info])
    }

    @Test("A grid with odd content never crashes")
    func oddGridsDoNotCrash() throws {
        let importer = try ShippedSchemas.importer()
        let odd = [
            Grid.sheet([["事项名称", "权力类型"]]),                                  // header only
            Grid.sheet([Grid.header], merged: ["A1:XFD1048576"]),                  // a merge over everything
            Grid.sheet([Grid.header, [nil, nil, nil, "行政许可"]], merged: ["B2:A1"]),
            Grid.sheet([["1", "2"], ["事项名称", "类别"], ["#N/A", "TRUE"]]),
        ]
        var farCell = Grid.sheet([Grid.header, ["1", "甲", nil, "行政许可"]])
        farCell.rows[0].cells.append(Cell(row: 0, column: 16_383, value: .text("备注")))
        let farResult = importer.importWorkbook(Grid.workbook(farCell), displayName: "far.xlsx")
        #expect(farResult.items.map(\.name) == ["甲"])
        var unlabeled = Grid.sheet([Grid.header, ["1", "甲", nil, "行政许可", nil, nil, nil, "无表头的内容"]])
        unlabeled.name = "Sheet1"
        let unlabeledResult = importer.importWorkbook(Grid.workbook(unlabeled), displayName: "u.xlsx")
        #expect(unlabeledResult.items.first?.extraFields == [ExtraField(header: "（无表头）H列", value: "无表头的内容", cell: "H2")])
        #expect(unlabeledResult.findings(.unknownHeader).map(\.location.cell) == ["H2"])
        for sheet in odd {
            _ = importer.importWorkbook(Grid.workbook(sheet), displayName: "odd.xlsx")
        }
    }
}
