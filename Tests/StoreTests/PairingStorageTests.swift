import Catalogue
import Foundation
import Store
import Testing

/// What the diff stores: a pair of revisions' changes, given back as saved and replaced by a
/// re-diff; reviewers' decisions, the latest per pairing.
struct PairingStorageTests {
    private func ref(_ name: String, unit: AdminUnit = StoreFixtures.commerce) -> ItemRef {
        let key = ItemKey(unit: unit.name, name: name, subItem: nil)
        return ItemRef(key: key, name: name, unit: unit, category: "行政许可", itemKeys: [key])
    }

    private func changeSet(_ changes: [Change]) -> ChangeSet {
        ChangeSet(oldLabel: "2023", newLabel: "2024", changes: changes)
    }

    @Test func pairingsComeBackAsSavedAndAReDiffReplacesThem() throws {
        let workspace = try Workspace.open(folder: try StoreFixtures.temporaryFolder())
        let merge = Change(kind: .merged, old: [ref("甲许可"), ref("乙许可")], new: [ref("甲乙许可")],
                           confidence: 0.9, reasons: [PairingReason(.coverage, score: 0.9)], review: .confirmed(reviewer: "张三"))
        let edit = Change(kind: .modified, old: [ref("丙许可")], new: [ref("丙许可")],
                          fieldChanges: [FieldChange(field: .basis, old: "旧法", new: "新法")], confidence: 1,
                          reasons: [PairingReason(.sameName)])
        try workspace.savePairings(changeSet([merge, edit]))
        #expect(try workspace.pairings(old: "2023", new: "2024") == changeSet([merge, edit]))
        #expect(try workspace.pairings(old: "2024", new: "2023") == nil)

        try workspace.savePairings(changeSet([edit]))
        #expect(try workspace.pairings(old: "2023", new: "2024")?.changes == [edit])
    }

    @Test func aLaterDecisionOnTheSamePairingReplacesTheEarlierOne() throws {
        let workspace = try Workspace.open(folder: try StoreFixtures.temporaryFolder())
        let pairing = PairingSignature(old: [ref("乙许可").key, ref("甲许可").key], new: [ref("甲乙许可").key])
        let other = PairingSignature(old: [ref("丁许可").key], new: [])
        try workspace.saveDecisions([Decision(action: .reject, pairing: pairing, reviewer: "张三"),
                                     Decision(action: .confirm, pairing: other)])
        try workspace.saveDecisions([Decision(action: .repair, pairing: pairing, targets: ["戊许可"], reviewer: "李四", reason: "应与戊合并")])
        let stored = try workspace.decisions()
        #expect(stored.count == 2)
        #expect(stored.contains(Decision(action: .repair, pairing: pairing, targets: ["戊许可"], reviewer: "李四", reason: "应与戊合并")))
        #expect(stored.contains(Decision(action: .confirm, pairing: other)))
    }
}
