import ArgumentParser
import Catalogue
import Foundation
import Store

/// `powerlist items [--revision R] [--unit U] …`: a table of the matching items.
struct ItemsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "items",
        abstract: "列出工作区中符合条件的事项。",
        discussion: "不指定 --revision 时列出最近导入的修订版。各条件同时满足才列出；单位、类型和文字按包含匹配，类型忽略空格和换行。"
    )

    @Option(help: ArgumentHelp("修订版名称（默认为最近导入的修订版）。", valueName: "修订版"))
    var revision: String?

    @Option(help: ArgumentHelp("单位名称中包含的文字，例如 商务局。", valueName: "单位"))
    var unit: String?

    @Option(help: ArgumentHelp("只列出这一层级的单位的事项。", valueName: "层级"))
    var level: Level?

    @Option(help: ArgumentHelp("权力类型中包含的文字，例如 行政许可。", valueName: "类型"))
    var category: String?

    @Option(help: ArgumentHelp("事项名称、子项名称或编码中包含的文字。", valueName: "文字"))
    var text: String?

    @Option(help: ArgumentHelp("最多列出的事项数。", valueName: "数量"))
    var limit: Int?

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit 必须是正整数。") }
    }

    func run() throws {
        try reportingErrors {
            let workspace = try workspaceOptions.open(create: false)
            guard let revision = try revision ?? workspace.latestRevision() else {
                throw UserFacingError("工作区中还没有任何修订版，请先用 powerlist import 导入文件。")
            }
            try workspace.requireRevision(revision)
            let filter = ItemFilter(revision: revision, unit: unit, level: level, category: category,
                                    text: text, limit: limit)
            let items = try workspace.items(matching: filter)
            let records = try workspace.itemCount(matching: filter)
            let total = try workspace.publishedItemCount(matching: filter)
            guard !items.isEmpty else {
                print("修订版 \(revision) 中没有符合条件的事项。")
                return
            }
            var table = TextTable(header: ["序号", "事项名称 / 子项", "权力类型", "单位", "来源"], rows: [])
            for stored in items {
                let item = stored.item
                let name = item.subItemName.map { "\(item.name) / \($0)" } ?? item.name
                // The source, in the last column, is never cut: its cell is what a reviewer looks up.
                table.rows.append([item.serial ?? "", name, item.category ?? "", item.unit.name]
                    .map { DisplayWidth.tableCell($0, width: 48) } + [item.provenance.sourceCell])
            }
            print(table.render(), terminator: "")
            let counted = "共 \(total) 项符合条件（\(records) 条记录，含子项）"
            print(records > items.count
                  ? "修订版 \(revision)：\(counted)，显示前 \(items.count) 条。"
                  : "修订版 \(revision)：\(counted)。")
        }
    }
}

extension Level: ExpressibleByArgument {
    /// `--level 乡镇`, `--level 县市区级`, `--level city`: any key, label or alias.
    public init?(argument: String) {
        self.init(alias: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.label) }
}

extension Provenance {
    /// `商务局.xlsx '行政许可（2项）'!B5:B7`: the file, and the name's cell (else the item's range).
    var sourceCell: String {
        Location(file: file, sheet: sheet, cell: cells[.name] ?? cellRange).description
    }
}
