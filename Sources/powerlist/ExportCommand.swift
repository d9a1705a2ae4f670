import ArgumentParser
import Catalogue
import Foundation
import Sheets
import Store

/// `powerlist export --revision R --format csv|json|xlsx [--output FILE]`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "导出一个修订版的全部事项（CSV、JSON 或 XLSX），每项都带来源文件、工作表和单元格范围。",
        discussion: """
            不指定 --output 时，CSV 和 JSON 写到标准输出；XLSX 必须指定 --output。
            输出文件已存在时会被覆盖，但不会覆盖已导入工作区的源电子表格。
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, xlsx
    }

    @Option(help: ArgumentHelp("要导出的修订版。", valueName: "修订版"))
    var revision: String

    @Option(help: ArgumentHelp("导出格式：csv、json 或 xlsx（默认按 --output 的扩展名，否则为 csv）。", valueName: "格式"))
    var format: Format?

    @Option(name: [.short, .long], help: ArgumentHelp("输出文件（默认写到标准输出）。", valueName: "文件"))
    var output: String?

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        try reportingErrors {
            let format = format ?? output.flatMap { Format(rawValue: URL(fileURLWithPath: $0).pathExtension.lowercased()) } ?? .csv
            let outputFile = output.map { URL(fileURLWithPath: $0).standardizedFileURL }
            if format == .xlsx && outputFile == nil {
                throw UserFacingError("导出 XLSX 时必须用 --output 指定输出文件。")
            }
            let workspace = try workspaceOptions.open(create: false)
            try workspace.requireRevision(revision)
            if let outputFile { try checkOutput(outputFile, workspace) }

            let items = try workspace.items(matching: ItemFilter(revision: revision))
            switch (format, outputFile) {
            case (.csv, _): try emit(ItemExport.csv(ItemTable(items)), to: outputFile)
            case (.json, _): try emit(ItemExport.json(items, revision: revision), to: outputFile)
            case (.xlsx, let file?):
                try XLSXWriter().write([Self.sheet(ItemTable(items), name: "事项（\(revision)）")], to: file)
            case (.xlsx, nil): break  // refused above
            }
            if let outputFile {
                let count = items.map(\.item).publishedItemCount
                Terminal.printError("已导出修订版 \(revision) 的 \(count) 项事项（\(items.count) 条记录）到 \(outputFile.path)。")
            }
        }
    }

    /// Exports overwrite their output, but never the workspace database or a spreadsheet the
    /// workspace imported; the output's folder must exist.
    private func checkOutput(_ file: URL, _ workspace: Workspace) throws {
        var isDirectory: ObjCBool = false
        let folder = file.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UserFacingError("输出文件夹 \(folder.path) 不存在。")
        }
        let target = file.resolvingSymlinksInPath().path
        if target == workspace.databaseFile.resolvingSymlinksInPath().path {
            throw UserFacingError("不能写入 \(file.path)：它是工作区的数据库。请换一个输出文件名。")
        }
        for revision in try workspace.revisions() {
            for source in revision.sources
            where workspace.file(atSourcePath: source.path).resolvingSymlinksInPath().path == target {
                throw UserFacingError("不能写入 \(file.path)：它是修订版 \(revision.label) 已导入的源文件。请换一个输出文件名。")
            }
        }
    }

    private func emit(_ data: Data, to file: URL?) throws {
        guard let file else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: file, options: .atomic)
        } catch {
            throw UserFacingError("无法写入文件 \(file.path)：\(error.localizedDescription)")
        }
    }

    /// The table as a sheet: all values as text, so codes like `650200207XK01600` and serials
    /// like `001` stay exactly as written.
    static func sheet(_ table: ItemTable, name: String) -> Sheet {
        let rows = ([table.headers] + table.rows).enumerated().map { index, values in
            Row(index: index, cells: values.enumerated().compactMap { column, value in
                value.isEmpty ? nil : Cell(row: index, column: column, value: .text(value))
            })
        }
        return Sheet(name: name, rows: rows)
    }
}
