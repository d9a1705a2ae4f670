import Catalogue
import Foundation
import Testing
import Workflow

@Suite struct FindingPlacementTests {
    @Test func anImportFindingInsideAnItemsRowsIsTiedToThatItemAndField() throws {
        let test = try TestWorkspace()
        let file = try test.csv("a.csv", [TestWorkspace.header, ["1", "甲", "", "行政许可", "", ""],
                                          ["", "洗染业经营者备案", "", "其他行政权力", "", ""]])
        let report = try test.importJob().run(file)
        let missing = try #require(report.newFindings.first { $0.code == .missingSerial })
        #expect(missing.item == ItemKey(unit: report.units.first?.name ?? "", name: "洗染业经营者备案", subItem: nil))
        #expect(missing.field == .serial)
        #expect(try test.workspace.findings(revision: "2024").first { $0.code == .missingSerial } == missing)
        // A finding about the sheet or the header stays untied.
        #expect(report.newFindings.filter { $0.code != .missingSerial }.allSatisfy { $0.item == nil })
    }
}
