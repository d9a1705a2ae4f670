import Foundation
import Testing
import ZIPFoundation
@testable import Sheets

/// Builds small XLSX packages inside the tests, from XML written out in the test itself.
enum XLSXFixture {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// Writes a ZIP holding `parts` (part name → content) to a fresh temporary file.
    static func package(_ parts: [String: String]) throws -> URL {
        let url = try ScratchFolder("xlsx-test").url("清单.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, content) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(content.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    /// A sheet as `(name, sheetData rows, extra XML after sheetData, state)`.
    struct SheetSpec {
        var name: String
        var rows: String
        var afterData = ""
        var state: String?
    }

    /// The parts of a complete workbook: package and workbook relationships, `workbook.xml`,
    /// one worksheet per sheet, and shared strings and styles when given.
    static func workbookParts(_ sheets: [SheetSpec], sharedStrings: [String]? = nil,
                              styles: String? = nil, workbookProperties: String = "") -> [String: String] {
        var parts: [String: String] = [
            "_rels/.rels": """
                <Relationships xmlns="\(packageRelationships)"><Relationship Id="rId1" \
                Type="\(relationshipsNamespace)/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """,
        ]
        var sheetEntries = ""
        var relationships = ""
        for (index, sheet) in sheets.enumerated() {
            let state = sheet.state.map { " state=\"\($0)\"" } ?? ""
            sheetEntries += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
            relationships += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipsNamespace)/worksheet\" "
                + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
            parts["xl/worksheets/sheet\(index + 1).xml"] = worksheet(sheet.rows, after: sheet.afterData)
        }
        if let sharedStrings {
            relationships += "<Relationship Id=\"rIdS\" Type=\"\(relationshipsNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            parts["xl/sharedStrings.xml"] = "<sst xmlns=\"\(main)\">"
                + sharedStrings.map { $0.hasPrefix("<") ? "<si>\($0)</si>" : "<si><t>\($0)</t></si>" }.joined()
                + "</sst>"
        }
        if let styles {
            relationships += "<Relationship Id=\"rIdY\" Type=\"\(relationshipsNamespace)/styles\" Target=\"styles.xml\"/>"
            parts["xl/styles.xml"] = "<styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>"
        }
        parts["xl/workbook.xml"] = """
            <workbook xmlns="\(main)" xmlns:r="\(relationshipsNamespace)">\(workbookProperties)\
            <sheets>\(sheetEntries)</sheets></workbook>
            """
        parts["xl/_rels/workbook.xml.rels"] = "<Relationships xmlns=\"\(packageRelationships)\">\(relationships)</Relationships>"
        return parts
    }

    static func worksheet(_ rows: String, after: String = "") -> String {
        "<worksheet xmlns=\"\(main)\"><sheetData>\(rows)</sheetData>\(after)</worksheet>"
    }

    /// Reads a workbook built from `parts`.
    static func read(_ parts: [String: String]) throws -> Workbook {
        let url = try package(parts)
        defer { try? FileManager.default.removeItem(at: url) }
        return try Workbook.read(url)
    }

    /// Reads a one-sheet workbook whose `<sheetData>` holds `rows`.
    static func readSheet(_ rows: String, afterData: String = "", sharedStrings: [String]? = nil,
                          styles: String? = nil, workbookProperties: String = "") throws -> Sheet {
        let workbook = try read(workbookParts([SheetSpec(name: "Sheet1", rows: rows, afterData: afterData)],
                                              sharedStrings: sharedStrings, styles: styles,
                                              workbookProperties: workbookProperties))
        return try #require(workbook.sheets.first)
    }

    /// The error `Workbook.read` throws for `url`, or nil when it reads.
    static func readError(_ url: URL) -> SheetsError? {
        do {
            _ = try Workbook.read(url)
            return nil
        } catch {
            return error
        }
    }
}
