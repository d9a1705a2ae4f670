import Catalogue
import Foundation
import GRDB
import Testing
@testable import Store

/// A workspace written by the first release (migration v1 only) opens with the new code and is
/// upgraded in place, its data intact.
@Suite struct SchemaUpgradeTests {
    /// A v1 database with one revision, one source, a unit at the v1 level `县级部门`, two items
    /// (one with an extra field) and one finding — written with the v1 migration alone.
    private func versionOneWorkspace() throws -> URL {
        return try StoreFixtures.workspace(upTo: Schema.version1) { db in
            try db.execute(sql: "INSERT INTO revisions (id, label, createdAt) VALUES (1, '2024', '2024-01-01 00:00:00')")
            try db.execute(sql: """
                INSERT INTO sources (id, revisionId, path, sha256, format, importedAt)
                VALUES (1, 1, '商务局.xlsx', 'aaa', 'xlsx', '2024-01-01 00:00:00')
                """)
            try db.execute(sql: "INSERT INTO units (id, name, level) VALUES (1, '克拉玛依市商务局', '县级部门'), (2, '乌尔禾镇', '乡镇')")
            try db.execute(sql: "INSERT INTO texts (id, hash, text) VALUES (1, 1, '1'), (2, 2, '对外贸易经营者备案登记'), (3, 3, '行政 确认')")
            try db.execute(sql: """
                INSERT INTO itemRecords (id, revisionId, sourceId, unitId, position, file, sheet, firstRow, lastRow,
                                         serialId, nameId, categoryId, nameCell)
                VALUES (1, 1, 1, 1, 0, '商务局.xlsx', 'Sheet1', 4, 6, 1, 2, 3, 'B4:B6'),
                       (2, 1, 1, 2, 1, '商务局.xlsx', 'Sheet1', 7, 7, 1, 2, NULL, 'B7')
                """)
            try db.execute(sql: "INSERT INTO extraFields (itemId, position, header, value, cell) VALUES (1, 0, '监督电话', '0990', 'K4')")
            try db.execute(sql: """
                INSERT INTO findings (sourceId, code, severity, message, file, sheet, cell)
                VALUES (1, 'import.missing-serial', 'warning', '事项没有序号', '商务局.xlsx', 'Sheet1', 'B9')
                """)
        }
    }

    @Test func aVersionOneWorkspaceOpensUpgradedWithItsDataIntact() throws {
        let workspace = try Workspace.open(folder: versionOneWorkspace(), create: false)

        #expect(try workspace.units() == [AdminUnit(name: "克拉玛依市商务局", level: .county),
                                          AdminUnit(name: "乌尔禾镇", level: .township)])
        let items = try workspace.items(matching: ItemFilter(revision: "2024"))
        #expect(items.map(\.item.name) == ["对外贸易经营者备案登记", "对外贸易经营者备案登记"])
        #expect(items.first?.item.category == "行政 确认")
        #expect(items.first?.item.extraFields == [ExtraField(header: "监督电话", value: "0990", cell: "K4")])
        #expect(items.first?.item.provenance.cells[.name] == "B4:B6")
        // Keys were filled in for the items already there.
        #expect(items.map(\.key) == [ItemKey(unit: "克拉玛依市商务局", name: "对外贸易经营者备案登记", subItem: nil),
                                     ItemKey(unit: "乌尔禾镇", name: "对外贸易经营者备案登记", subItem: nil)])
        #expect(try workspace.items(matching: ItemFilter(level: .township)).count == 1)

        let findings = try workspace.findings(revision: "2024")
        #expect(findings.map(\.code) == [.missingSerial])
        #expect(findings.first?.location == Location(file: "商务局.xlsx", sheet: "Sheet1", cell: "B9"))
        #expect(try workspace.findings(revision: "2024", sourcePath: "商务局.xlsx").count == 1)

        // Clean reads work on upgraded items: no clean values differ, no category, no citations.
        let clean = try workspace.powerItems(revision: "2024")
        #expect(clean.map(\.fields) == items.map(\.item.fields))
        #expect(clean.allSatisfy { $0.category == nil && $0.citations.isEmpty })
    }

    @Test func anUpgradedWorkspaceTakesNewImports() throws {
        let workspace = try Workspace.open(folder: versionOneWorkspace(), create: false)
        let outcome = try workspace.importSource(StoreFixtures.source("统计局.xlsx", sha256: "bbb"), revision: "2024") {
            StoreFixtures.contents([StoreFixtures.item("甲", unit: StoreFixtures.statistics, file: "统计局.xlsx")])
        }
        #expect(outcome == .added)
        #expect(try workspace.itemCount(matching: ItemFilter(revision: "2024")) == 3)
    }
}
