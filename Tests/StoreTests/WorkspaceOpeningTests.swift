import Catalogue
import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct WorkspaceOpeningTests {
    @Test func openingCreatesTheDatabaseWithEveryTable() throws {
        let folder = try StoreFixtures.temporaryFolder()
        let workspace = try Workspace.open(folder: folder)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("powerlist.sqlite").path))
        let tables = try workspace.database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' AND name NOT LIKE 'sqlite%' ORDER BY name")
        }
        #expect(tables == ["citationLists", "cleanFields", "cleanFingerprints", "decisions", "extraFields", "findings", "itemCitations", "itemRecords", "listFindings", "pairings", "revisions", "sources", "texts", "units"])
    }

    @Test func everyItemFieldHasItsTextAndCellColumns() throws {
        let workspace = try Workspace.open(folder: StoreFixtures.temporaryFolder())
        let (stored, view) = try workspace.database.read { db in
            (try Set(db.columns(in: "itemRecords").map(\.name)), try Set(db.columns(in: "items").map(\.name)))
        }
        for field in ItemField.allCases {
            #expect(stored.isSuperset(of: ["\(field.rawValue)Id", "\(field.rawValue)Cell"]),
                    "add a migration for the itemRecords columns of \(field.rawValue)")
            #expect(view.isSuperset(of: [field.rawValue, "\(field.rawValue)Cell"]),
                    "add a migration recreating the items view with \(field.rawValue)")
        }
    }

    @Test func reopeningKeepsTheDataAndAppliesNoMigrationTwice() throws {
        let folder = try StoreFixtures.temporaryFolder()
        _ = try Workspace.open(folder: folder).importSource(StoreFixtures.source("a.xlsx", sha256: "a"), revision: "2024") {
            StoreFixtures.contents([StoreFixtures.item("甲")])
        }
        let reopened = try Workspace.open(folder: folder, create: false)
        #expect(try reopened.itemCount() == 1)
        let applied = try reopened.database.read { db in try Schema.migrator.appliedMigrations(db) }
        #expect(applied.count == Schema.migrator.migrations.count)
    }

    @Test func aWorkspaceWrittenByANewerPowerlistIsRefused() throws {
        let folder = try StoreFixtures.temporaryFolder()
        let workspace = try Workspace.open(folder: folder)
        try workspace.database.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        #expect(throws: StoreError.newerSchema(folder.appendingPathComponent("powerlist.sqlite").path)) {
            try Workspace.open(folder: folder)
        }
    }

    @Test func aFileThatIsNotADatabaseIsReportedInChinese() throws {
        let folder = try StoreFixtures.temporaryFolder()
        try Data("不是数据库".utf8).write(to: folder.appendingPathComponent("powerlist.sqlite"))
        let error = try #require(throws: StoreError.self) { try Workspace.open(folder: folder) }
        #expect(error.description.contains("该文件不是 SQLite 数据库"))
    }

    @Test func aFolderWithoutDatabaseIsReportedWhenNotCreating() throws {
        let folder = try StoreFixtures.temporaryFolder()
        #expect(throws: StoreError.noDatabase(folder.standardizedFileURL.path)) {
            try Workspace.open(folder: folder, create: false)
        }
        #expect(throws: StoreError.workspaceFolderMissing(folder.appendingPathComponent("无").path)) {
            try Workspace.open(folder: folder.appendingPathComponent("无"), create: false)
        }
    }

    @Test func creatingAWorkspaceCreatesItsFolderButNeverOverAFile() throws {
        let folder = try StoreFixtures.temporaryFolder()
        let fresh = folder.appendingPathComponent("新工作区/2024")
        let workspace = try Workspace.open(folder: fresh, create: true)
        #expect(FileManager.default.fileExists(atPath: workspace.databaseFile.path))
        let file = folder.appendingPathComponent("清单.xlsx")
        try Data("x".utf8).write(to: file)
        #expect(throws: StoreError.workspaceFolderMissing(file.path)) {
            try Workspace.open(folder: file, create: true)
        }
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }

    @Test func sourcePathsAreRelativeInsideTheWorkspaceAndAbsoluteOutside() throws {
        let folder = try StoreFixtures.temporaryFolder()
        let workspace = try Workspace.open(folder: folder)
        #expect(workspace.sourcePath(for: folder.appendingPathComponent("2024/商务局.xlsx")) == "2024/商务局.xlsx")
        #expect(workspace.sourcePath(for: URL(fileURLWithPath: "/elsewhere/a.xlsx")) == "/elsewhere/a.xlsx")
        #expect(workspace.file(atSourcePath: "2024/商务局.xlsx").path == folder.standardizedFileURL.appendingPathComponent("2024/商务局.xlsx").path)
    }

    @Test func fileDigestIsTheSHA256OfTheBytes() throws {
        let file = try StoreFixtures.temporaryFolder().appendingPathComponent("abc.txt")
        try Data("abc".utf8).write(to: file)
        #expect(try FileDigest.sha256(of: file) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
