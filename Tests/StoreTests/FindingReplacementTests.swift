import Catalogue
import Foundation
import Testing
@testable import Store

/// Replacing only some codes of a stage: what a check that keeps the per-item findings does
/// with the cross-item ones it recomputed.
@Suite struct FindingReplacementTests {
    let workspace: Workspace
    let item = StoreFixtures.clean(StoreFixtures.item("对拒绝配合统计调查的处罚"))

    init() throws {
        workspace = try Workspace.open(folder: StoreFixtures.temporaryFolder())
        _ = try workspace.importSource(StoreFixtures.source("统计局.xlsx", sha256: "aaa"), revision: "2024") {
            SourceContents(items: [item], units: [item.unit], findings: [])
        }
    }

    private func finding(_ code: FindingCode, _ message: String) -> Finding {
        Finding(code: code, severity: .warning, message: message,
                location: Location(file: "统计局.xlsx", sheet: "Sheet1", cell: "B4"), item: item.key)
    }

    @Test func replacingSomeCodesKeepsTheStagesOtherFindings() throws {
        let perItem = finding(.notALegalInstrument, "依据不是法律文件")
        let oldDuplicate = finding(.duplicateItem, "与第5行重复")
        try workspace.replaceFindings(stage: "check", revision: "2024", with: [perItem, oldDuplicate])

        let newDuplicate = finding(.duplicateItem, "与第6行重复")
        let claimed = finding(.claimedByTwoUnits, "两个部门都列了这一项")
        try workspace.replaceFindings(stage: "check", revision: "2024", codes: [.duplicateItem, .claimedByTwoUnits],
                                      with: [newDuplicate, claimed])

        #expect(try workspace.findings(revision: "2024", stage: "check") == [perItem, newDuplicate, claimed])
    }

    @Test func readingCanLeaveCodesOutAndSharesRepeatedTexts() throws {
        let first = finding(.notALegalInstrument, "依据不是法律文件，而是一份规范性文件")
        let second = finding(.notALegalInstrument, "依据不是法律文件，而是一份规范性文件")
        try workspace.replaceFindings(stage: "check", revision: "2024",
                                      with: [first, finding(.duplicateItem, "重复"), second])

        let read = try workspace.findings(revision: "2024", stage: "check", excluding: [.duplicateItem])
        #expect(read == [first, second])
        #expect(read[0].message.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
                == read[1].message.utf8.withContiguousStorageIfAvailable { $0.baseAddress },
                "one String per text id")
    }
}
