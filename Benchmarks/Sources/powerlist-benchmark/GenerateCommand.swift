import Foundation

/// `generate-xlsx [--items N] OUT.xlsx`: writes a deterministic power-list workbook.
struct GenerateCommand {
    let items: Int
    let output: URL

    init(arguments: [String]) throws(UsageError) {
        let options = try Options(arguments, valued: ["--items"])
        items = try options.integer("--items", default: 200_000)
        guard options.positional.count == 1 else { throw UsageError("generate-xlsx 需要一个输出文件") }
        output = URL(fileURLWithPath: options.positional[0])
    }

    func run() throws {
        let start = Date()
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("powerlist-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let writer = try WorkbookPartsWriter(folder: folder)
        var generator = PowerListGenerator(seed: 20_240_301)
        try writer.writeSheet(title: "克拉玛依市某部门权责清单（基准测试数据）", count: items) { generator.item(serial: $0) }
        try writer.writeSharedStrings()
        try writer.writeFixedParts(sheetName: "权责清单")
        try writer.package(into: output)
        let size = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
        print("\(output.path)：\(items) 项，\(writer.rowCount) 行，\(writer.mergeCount) 个合并区域，"
              + "工作表 XML \(writer.sheetBytes / 1_000_000) MB，文件 \(size / 1_000_000) MB，"
              + String(format: "用时 %.1f 秒", Date().timeIntervalSince(start)))
    }
}
