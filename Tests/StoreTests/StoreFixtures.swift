import Catalogue
import Foundation
import GRDB
@testable import Store

/// Small fabricated inputs for the Store tests.
enum StoreFixtures {
    /// A fresh, empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("powerlist-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A workspace as an older powerlist left it: its database migrated up to `version` only,
    /// then `fill` writes rows in that version's layout — the start of every upgrade test.
    static func workspace(upTo version: String, _ fill: (Database) throws -> Void) throws -> URL {
        let folder = try temporaryFolder()
        let queue = try DatabaseQueue(path: folder.appendingPathComponent(Workspace.databaseFileName).path)
        try Schema.migrator.migrate(queue, upTo: version)
        try queue.write(fill)
        return folder
    }

    static let commerce = AdminUnit(name: "克拉玛依市商务局", level: .county)
    static let statistics = AdminUnit(name: "克拉玛依市统计局", level: .county)

    /// An item spanning `rows` on sheet `Sheet1` of `file`.
    static func item(_ name: String, category: String = "行政许可", unit: AdminUnit = commerce,
                     file: String = "商务局.xlsx", rows: ClosedRange<Int> = 4...4) -> RawItem {
        RawItem(
            unit: unit,
            fields: [.serial: "1", .name: name, .category: category],
            extraFields: [ExtraField(header: "监督电话", value: "0990-6888888", cell: "K\(rows.lowerBound)")],
            provenance: Provenance(file: file, sheet: "Sheet1", firstRow: rows.lowerBound, lastRow: rows.upperBound,
                                   cells: [.name: "B\(rows.lowerBound):B\(rows.upperBound)", .category: "C\(rows.lowerBound)"]))
    }

    static func source(_ path: String, sha256: String) -> Source {
        Source(path: path, sha256: sha256, format: "xlsx", importedAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    static func contents(_ items: [RawItem], findings: [Finding] = []) -> SourceContents {
        SourceContents(items: items.map(clean), units: Array(Set(items.map(\.unit))), findings: findings)
    }

    /// The item as the clean step gives it before Cleanup exists: same values, its key.
    static func clean(_ raw: RawItem) -> PowerItem {
        PowerItem(key: key(raw), raw: raw, fields: raw.fields, category: nil, citations: [])
    }

    static func key(_ raw: RawItem) -> ItemKey {
        ItemKey(unit: raw.unit.name, name: raw.name, subItem: raw.subItemName)
    }
}
