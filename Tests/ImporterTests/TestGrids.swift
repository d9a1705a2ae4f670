import Catalogue
import Foundation
@testable import Importer
@testable import Schemas
import Sheets

/// Small grids written the way a person sees them, read the way the readers yield them:
/// only non-empty cells, numbers as `.number`, text with its line breaks.
enum Grid {
    /// `rows[i]` is Excel row `i + 1`; `nil` or `""` is an empty cell; a cell that is a whole
    /// number (`"3"`) becomes `.number`.
    static func sheet(_ name: String, _ rows: [[String?]], merged: [String] = []) -> Sheet {
        let sheetRows = rows.enumerated().compactMap { index, texts -> Row? in
            let cells = texts.enumerated().compactMap { column, text -> Cell? in
                guard let text, !text.isEmpty else { return nil }
                let value: CellValue = Double(text).map { .number($0) } ?? .text(text)
                return Cell(row: index, column: column, value: value)
            }
            return cells.isEmpty ? nil : Row(index: index, cells: cells)
        }
        return Sheet(name: name, rows: sheetRows, mergedRanges: merged.compactMap { CellRange($0) })
    }

    static func sheet(_ rows: [[String?]], merged: [String] = []) -> Sheet {
        sheet("Sheet1", rows, merged: merged)
    }

    static func workbook(_ sheets: Sheet...) -> Workbook {
        Workbook(file: URL(fileURLWithPath: "/tmp/test.xlsx"), format: .xlsx, sheets: sheets)
    }

    /// The standard header of a 权责清单, columns A–F.
    static let header: [String?] = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体"]
}

enum ShippedSchemas {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's own schemas, found from the package root (not from wherever the test runs).
    static func loader(workspace: URL = emptyWorkspace) -> SchemaLoader {
        SchemaLoader(workspace: workspace, environment: [:], currentDirectory: packageRoot, executableDirectory: nil)
    }

    static let emptyWorkspace = URL(fileURLWithPath: "/nonexistent-powerlist-workspace")

    static func configuration(workspace: URL = emptyWorkspace) throws -> ImportConfiguration {
        try ImportConfiguration.load(workspace: workspace, schemas: loader(workspace: workspace))
    }

    static func importer() throws -> Importer {
        Importer(configuration: try configuration())
    }
}

/// A temporary workspace folder, removed when the test ends.
final class TemporaryWorkspace {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func write(_ text: String, to path: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

extension ImportedWorkbook {
    func findings(_ code: FindingCode) -> [Finding] { findings.filter { $0.code == code } }
}
