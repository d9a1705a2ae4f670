import Foundation
import Sheets
import Testing

/// Import errors: these need no spreadsheet reader.
@Suite struct ImportCommandErrorTests {
    @Test func aFileThatCannotBeReadIsReportedAndTheOthersContinue() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        let inbox = folder.appendingPathComponent("收件", isDirectory: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data().write(to: inbox.appendingPathComponent("空文件.xlsx"))
        try Data("序号,事项名称\n".utf8).write(to: inbox.appendingPathComponent("~$锁定文件.xlsx"))
        try Data("x".utf8).write(to: inbox.appendingPathComponent("说明.docx"))
        try Data().write(to: inbox.appendingPathComponent(".隐藏.xlsx"))
        let hiddenFolder = inbox.appendingPathComponent(".cache", isDirectory: true)
        try FileManager.default.createDirectory(at: hiddenFolder, withIntermediateDirectories: true)
        try Data().write(to: hiddenFolder.appendingPathComponent("缓存.csv"))

        let result = try PowerlistCLI.run(["import", "--revision", "2024", "收件", "不存在.xlsx"], in: folder)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("错误：找不到文件或文件夹 不存在.xlsx。"))
        #expect(result.stderr.contains("空文件.xlsx：文件是空的（0 字节）。"))
        #expect(result.stderr.hasSuffix("错误：有 2 个文件或文件夹导入失败，见上文。\n"))
        // Not a terminal: plain progress lines instead of a bar.
        #expect(result.stdout.hasPrefix("正在导入 (1/1) 空文件.xlsx\n"))
        for skipped in ["锁定文件", "说明.docx", "隐藏", "缓存"] {
            #expect(!result.stdout.contains(skipped) && !result.stderr.contains(skipped))
        }
        #expect(result.stdout.contains("合计：1 个文件（新增 0，替换 0，未变 0，失败 1）"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func theWorkspaceDatabaseIsNotImported() throws {
        let folder = try SeededWorkspace.make()
        let result = try PowerlistCLI.run(["import", "--revision", "2024", "powerlist.sqlite"], in: folder)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("powerlist.sqlite：这是工作区的数据库，不是要导入的电子表格。"))
    }

    @Test func nothingToImportIsAnError() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        let result = try PowerlistCLI.run(["import", "--revision", "2024", "."], in: folder)
        #expect(result.exitCode == 1)
        #expect(result.stderr == "错误：没有找到可导入的电子表格文件。\n")
    }

    @Test func theRevisionIsRequired() throws {
        let result = try PowerlistCLI.run(["import", "a.xlsx"], in: SeededWorkspace.temporaryFolder())
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("--revision"))
    }
}

/// End to end over the real published files: needs the XLSX and XLS readers and the Importer.
@Suite(.enabled(if: PowerlistCLI.realFixturesPresent, "../shared/fixtures/real is absent"))
struct ImportRealFilesTests {
    /// Items per file, from ../shared/fixtures/real/README.md.
    static let expectedItems = [
        "克拉玛依市商务局2024年权责清单.xlsx": 20,
        "2025年克拉玛依市统计局权责清单.xlsx": 3,
        "国动办权责清单公示.xlsx": 17,
        "克拉玛依市档案局2024年权责清单.xlsx": 12,
        "克拉玛依市委宣传部（新闻出版局）2024年权责清单 (1).xlsx": 1,
        "克拉玛依市2025年消防监督执法权责清单.xlsx": 75,
        "克拉玛依市科学技术局2024年权责清单.xls": 4,
        "克拉玛依市医疗保障局2024年权责清单.xls": 17,
    ]

    /// The exported items (`export --format json`): each power or sub-item.
    private func exportedItems(_ folder: URL) throws -> [[String: Any]] {
        let export = try PowerlistCLI.run(["export", "--revision", "2024", "--format", "json"], in: folder)
        #expect(export.exitCode == 0, "\(export.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any]
        return document?["items"] as? [[String: Any]] ?? []
    }

    /// Items per file as the fixtures' README counts them: items with a serial number and a
    /// name; sub-items of one item share its sheet, serial and name, so they count once.
    /// (An item without a serial, like 商务局's row 22, is kept by the importer but not counted.)
    private func itemCountsPerFile(_ folder: URL) throws -> [String: Int] {
        var items: [String: Set<[String]>] = [:]
        for item in try exportedItems(folder) {
            let provenance = item["provenance"] as? [String: Any] ?? [:]
            let fields = item["fields"] as? [String: String] ?? [:]
            guard let serial = fields["serial"], let name = fields["name"] else { continue }
            let file = provenance["file"] as? String ?? "?"
            items[file, default: []].insert([provenance["sheet"] as? String ?? "", serial, name])
        }
        return items.mapValues(\.count)
    }

    @Test func importsEveryFileWithItsItemCount() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        let result = try PowerlistCLI.run(["import", "--revision", "2024", PowerlistCLI.realFixtures.path], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("合计：8 个文件（新增 8，替换 0，未变 0，失败 0）"))
        #expect(try itemCountsPerFile(folder) == Self.expectedItems)
    }

    @Test func importingAgainChangesNothing() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        let first = try PowerlistCLI.run(["import", "--revision", "2024", PowerlistCLI.realFixtures.path], in: folder)
        let before = try exportedItems(folder).count
        let items = Self.expectedItems.values.reduce(0, +)
        let again = try PowerlistCLI.run(["import", "--revision", "2024", PowerlistCLI.realFixtures.path], in: folder)
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(again.stdout.contains("合计：8 个文件（新增 0，替换 0，未变 8，失败 0），事项 \(items) 项（记录 \(before) 条）"))
        #expect(first.stdout.contains("事项 \(items) 项（记录 \(before) 条）"))
        #expect(try exportedItems(folder).count == before)
    }

    @Test func aCopyOfAnImportedFileIsNotImportedTwice() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        let original = PowerlistCLI.realFixtures.appendingPathComponent("国动办权责清单公示.xlsx")
        let copy = folder.appendingPathComponent("副本.xlsx")
        try FileManager.default.copyItem(at: original, to: copy)
        _ = try PowerlistCLI.run(["import", "--revision", "2024", original.path], in: folder)
        let result = try PowerlistCLI.run(["import", "--revision", "2024", "副本.xlsx"], in: folder)
        #expect(result.stdout.contains("未变（与 \(original.resolvingSymlinksInPath().path) 相同）"))
        #expect(result.stdout.contains("合计：1 个文件（新增 0，替换 0，未变 1，失败 0），事项 0 项"))
        #expect(try itemCountsPerFile(folder) == ["国动办权责清单公示.xlsx": 17])
    }

    @Test func itemsFiltersImportedItems() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        _ = try PowerlistCLI.run(["import", "--revision", "2024", PowerlistCLI.realFixtures.path], in: folder)
        let result = try PowerlistCLI.run(["items", "--unit", "统计局"], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2025年克拉玛依市统计局权责清单.xlsx"))
        #expect(result.stdout.hasSuffix("修订版 2024：共 3 项符合条件（3 条记录，含子项）。\n"))
    }

    @Test func xlsxExportReadsBackWithTheSameItems() throws {
        let folder = try SeededWorkspace.temporaryFolder()
        _ = try PowerlistCLI.run(["import", "--revision", "2024", PowerlistCLI.realFixtures.path], in: folder)
        let output = folder.appendingPathComponent("2024.xlsx")
        let result = try PowerlistCLI.run(["export", "--revision", "2024", "--output", output.path], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let sheet = try #require(try Workbook.read(output).sheets.first)
        #expect(sheet.rows.count == 1 + (try exportedItems(folder).count))
        #expect(sheet[CellAddress(row: 0, column: 0)] == .text("修订版"))
    }
}
