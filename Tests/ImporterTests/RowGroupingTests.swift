import Catalogue
import Importer
import Sheets
import Testing

@Suite("Grouping rows into items")
struct RowGroupingTests {
    @Test("An item spans the rows of its vertically merged cells; the value is the top-left cell's")
    func mergedGroups() throws {
        let sheet = Grid.sheet([
            Grid.header,
            ["1", "档案工作监督检查", nil, "行政检查", "【法律】《档案法》", "市档案局"],
            [nil, nil, nil, nil, "stale text Excel does not show", nil],
            [nil, nil, nil, nil, nil, nil],
            ["2", "档案中介服务监督", nil, "其他行政权力", "【法规】《实施办法》", "市档案局"],
        ], merged: ["A2:A4", "B2:B4", "C2:C4", "D2:D4", "E2:E4", "F2:F4"])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx")

        #expect(result.items.count == 2)
        let first = try #require(result.items.first)
        #expect(first[.basis] == "【法律】《档案法》")
        #expect(first.provenance.cells[.basis] == "E2:E4")
        #expect(first.provenance.cells[.name] == "B2:B4")
        #expect(first.provenance.rowsDescription == "第2–4行")
        #expect(result.items[1].provenance.rowsDescription == "第5行")
    }

    @Test("Continuation rows append their text to the item above after a line break; blank rows are skipped")
    func continuationRows() throws {
        let sheet = Grid.sheet([
            Grid.header,
            ["1", "对拒绝配合统计调查的处罚", nil, "行政处罚", "【法律】《统计法》第四十一条", "市统计局"],
            [nil, nil, nil, nil, "【规章】《统计执法监督检查办法》", nil],
            [],
            [nil, nil, nil, nil, "第三十条", nil],
            ["2", "统计监督检查", nil, "行政检查", "【法律】《统计法》", "市统计局"],
        ])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx")

        #expect(result.items.count == 2)
        let first = try #require(result.items.first)
        #expect(first[.basis] == "【法律】《统计法》第四十一条\n【规章】《统计执法监督检查办法》\n第三十条")
        #expect(first.provenance.cells[.basis] == "E2:E5")
        #expect(first.provenance.lastRow == 5)
        #expect(first[.name] == "对拒绝配合统计调查的处罚")
    }

    @Test("Sub-items: one record per sub-item row, sharing the main item's serial and name")
    func subItemsStayLinked() throws {
        let sheet = Grid.sheet("行政许可（2项）", [
            Grid.header,
            ["1", "防空地下室报建审批", "1.同步建设审批", "行政许可", "《人民防空法》", "市国动办"],
            [nil, nil, "2.易地建设审批", "行政许可", "《人民防空法》", "市国动办"],
            ["2", "拆除人民防空工程的审批", "无", "行政许可", "《人民防空法》", "市国动办"],
        ], merged: ["A2:A3", "B2:B3"])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx")

        #expect(result.items.count == 3)
        #expect(result.itemCount == 2)
        #expect(result.sheets.first?.recordCount == 3)
        #expect(result.findings(.countMismatch).isEmpty)
        let (first, second) = (result.items[0], result.items[1])
        #expect(first.subItemName == "1.同步建设审批" && second.subItemName == "2.易地建设审批")
        #expect(second.serial == "1" && second.name == "防空地下室报建审批")
        #expect(second.provenance.cells[.name] == "B2:B3")
        #expect(first.provenance.rowsDescription == "第2行" && second.provenance.rowsDescription == "第3行")
    }

    @Test("Sub-item rows that repeat the item's name instead of merging it stay linked too")
    func subItemsWithRepeatedName() throws {
        let sheet = Grid.sheet([
            Grid.header,
            ["1", "防空地下室报建审批", "1.同步建设审批", "行政许可"],
            [nil, "防空地下室报建审批", "2.易地建设审批", "行政许可"],
        ])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx")
        #expect(result.items.map(\.serial) == ["1", "1"])
        #expect(result.itemCount == 1)
        #expect(result.findings(.missingSerial).isEmpty)
    }

    @Test("One serial cell naming two items (`2,3`, `2、3`) is reported")
    func sharedSerial() throws {
        let sheet = Grid.sheet([
            Grid.header,
            ["1", "甲", nil, "行政许可"],
            ["2,3", "乙和丙", nil, "行政处罚"],
            ["4、5", "丁和戊", nil, "行政处罚"],
            ["6.0", "己", nil, "行政检查"],
        ])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx")

        #expect(result.items.count == 4)
        let findings = result.findings(.sharedSerial)
        #expect(findings.map(\.location.cell) == ["A3", "A4"])
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test("An empty category on a sheet named after a category takes that category, with a warning")
    func categoryFromSheetName() throws {
        let sheet = Grid.sheet("行政许可（2项）", [
            Grid.header,
            ["1", "甲", nil, nil, "《法》"],
            ["2", "乙", nil, "行政确认", "《法》"],
        ])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx")

        #expect(result.items.map(\.category) == ["行政许可", "行政确认"])
        let finding = try #require(result.findings(.categoryFromSheet).first)
        #expect(result.findings(.categoryFromSheet).count == 1)
        #expect(finding.location.cell == "D2")
        #expect(finding.severity == .warning)
    }

    @Test("Without a 权力类型 column, the category taken from the sheet name is reported at the item's name cell")
    func categoryFromSheetNameWithoutCategoryColumn() throws {
        let sheet = Grid.sheet("行政许可（1项）", [["序号", "事项名称", "实施依据"], ["1", "甲", "《法》"]])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx")
        let finding = try #require(result.findings(.categoryFromSheet).first)
        #expect(finding.location.cell == "B2")
        #expect(finding.location.description == "a.xlsx '行政许可（1项）'!B2")
    }

    @Test("A named row without a serial is imported with a warning but not counted")
    func missingSerial() throws {
        let sheet = Grid.sheet([
            Grid.header,
            ["19", "对特定零售商促销内容的备案", nil, "其他行政权力", "《办法》"],
            [nil, "洗染业经营者备案", nil, "其他行政权力", "《洗染业管理办法》"],
            ["21", "对外劳务合作经营资格核准", nil, "行政许可", "《条例》"],
        ])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx")

        #expect(result.items.map(\.name) == ["对特定零售商促销内容的备案", "洗染业经营者备案", "对外劳务合作经营资格核准"])
        #expect(result.itemCount == 2)
        #expect(result.findings(.missingSerial).map(\.location.cell) == ["B3"])
    }

    @Test("Items on hidden rows or sheets are imported and pointed out")
    func hiddenRowsAndSheets() throws {
        var sheet = Grid.sheet([Grid.header, ["1", "甲", nil, "行政许可"], ["2", "乙", nil, "行政处罚"]])
        sheet.rows[2].isHidden = true
        sheet.isHidden = true
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx")

        #expect(result.items.map(\.name) == ["甲", "乙"])
        #expect(result.findings(.hidden).map(\.message).contains { $0.contains("第3行") })
        #expect(result.findings(.hidden).count == 2)
    }

    @Test("Notes under the table and repeated header rows are not items")
    func notesAndRepeatedHeaders() throws {
        let sheet = Grid.sheet([
            Grid.header,
            ["1", "甲", nil, "行政许可"],
            Grid.header,
            ["2", "乙", nil, "行政处罚"],
            ["注：本清单以最新法律法规为准。"],
        ], merged: ["A5:F5"])
        let result = try ShippedSchemas.importer().importWorkbook(Grid.workbook(sheet), displayName: "a.xlsx")

        #expect(result.items.map(\.name) == ["甲", "乙"])
        #expect(result.findings(.repeatedHeaderRow).count == 1)
        #expect(result.findings(.noteRow).map(\.location.cell) == ["A5:F5"])
    }
}
