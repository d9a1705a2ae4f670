import Catalogue
@testable import Cleanup
import Foundation
import Schemas

/// The repository's own schemas, loaded once per test run from the package root.
enum Shipped {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var loader: SchemaLoader { SchemaLoader(workspace: URL(fileURLWithPath: "/nonexistent-powerlist-workspace"),
                                     environment: [:], currentDirectory: packageRoot, executableDirectory: nil) }

    private static let loaded: Result<CleanupSchemas, ConfigurationError> = {
        do throws(ConfigurationError) { return .success(try CleanupSchemas.load(from: loader)) }
        catch { return .failure(error) }
    }()

    static func schemas() throws -> CleanupSchemas { try loaded.get() }
    static func cleaner() throws -> Cleaner { Cleaner(schemas: try schemas()) }
}

/// Levels by the label the category schema lists them under, so tests do not name `Level` cases.
enum TestLevel {
    static func department() throws -> Level {
        let schemas = try Shipped.schemas()
        return Level.allCases.first { schemas.categories.group(for: $0)?.name == "department" }!
    }
    static let township = Level.township
    static let village = Level.village
}

/// A raw item built in a test, with the cells a real import would record.
func rawItem(_ name: String, category: String? = "行政处罚", basis: String? = nil, code: String? = nil,
             unit: String = "克拉玛依市统计局", level: Level? = nil, row: Int = 3) throws -> RawItem {
    var fields: FieldValues = [.serial: "1", .name: name]
    var cells: FieldValues = [.serial: "A\(row)", .name: "B\(row)"]
    if let category { fields[.category] = category; cells[.category] = "D\(row)" }
    if let basis { fields[.basis] = basis; cells[.basis] = "E\(row)" }
    if let code { fields[.code] = code; cells[.code] = "C\(row)" }
    return RawItem(unit: AdminUnit(name: unit, level: try level ?? TestLevel.department()), fields: fields,
                   provenance: Provenance(file: "清单.xlsx", sheet: "Sheet1", firstRow: row, lastRow: row, cells: cells))
}

/// The findings of one cleaned item with a given code.
func findings(_ code: FindingCode, name: String = "对拒绝配合统计调查的处罚", category: String? = "行政处罚",
              basis: String?, itemCode: String? = nil, level: Level? = nil) throws -> [Finding] {
    let (_, found) = try Shipped.cleaner().clean(try rawItem(name, category: category, basis: basis, code: itemCode, level: level))
    return found.filter { $0.code == code }
}
