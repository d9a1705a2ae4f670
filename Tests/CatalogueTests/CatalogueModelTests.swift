import Catalogue
import Foundation
import Testing

@Suite("The domain model")
struct CatalogueModelTests {
    @Test("A location reads as a person finds it in Excel")
    func locationDescription() {
        #expect(Location(file: "a.xlsx").description == "a.xlsx")
        #expect(Location(file: "a.xlsx", sheet: "Sheet1").description == "a.xlsx Sheet1")
        #expect(Location(file: "a.xlsx", sheet: "行政许可（3项）", cell: "D12:D14").description == "a.xlsx '行政许可（3项）'!D12:D14")
    }

    @Test("Provenance describes the rows an item spans")
    func rowsDescription() {
        #expect(Provenance(file: "a.xlsx", sheet: "Sheet1", firstRow: 12, lastRow: 12).rowsDescription == "第12行")
        #expect(Provenance(file: "a.xlsx", sheet: "Sheet1", firstRow: 12, lastRow: 14).rowsDescription == "第12–14行")
    }

    @Test("Sub-items of one item share its serial and name")
    func subItemsShareSerialAndName() throws {
        let unit = AdminUnit(name: "克拉玛依市国防动员办公室", level: .county)
        let provenance = Provenance(file: "a.xlsx", sheet: "行政许可", firstRow: 4, lastRow: 5)
        let first = RawItem(unit: unit, fields: [.serial: "1", .name: "报建审批", .subItemName: "同步建设审批"], provenance: provenance)
        var second = first
        second[.subItemName] = "易地建设审批"
        #expect(first.serial == second.serial && first.name == second.name)
        #expect(first.subItemName != second.subItemName)
        // Round-trips through JSON, as the store and exports keep it.
        let decoded = try JSONDecoder().decode(RawItem.self, from: JSONEncoder().encode(second))
        #expect(decoded == second)
    }

    @Test("Severities order from info to error and have Chinese labels")
    func severities() {
        #expect(Finding.Severity.info < .warning && Finding.Severity.warning < .error)
        #expect([Finding.Severity.info, .warning, .error].map(\.label) == ["提示", "警告", "错误"])
    }
}
