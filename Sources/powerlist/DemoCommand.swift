import ArgumentParser
import Catalogue
import Foundation
import Workflow

/// `powerlist demo [--out DIR]`: the example county, from spreadsheets to a published site.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "用示例地区（阿克塔什县）演示全过程：导入、检查、对比、对照指导目录、发布网站。",
        discussion: """
            所有文件都写在 --out 指定的文件夹中（默认为当前文件夹下的 powerlist-demo）：工作区、检查报告和网站。\
            再次运行会清空这个文件夹重新生成；文件夹中如有不是 demo 生成的文件，则拒绝写入。
            """
    )

    @Option(help: ArgumentHelp("演示输出的文件夹。", valueName: "文件夹"))
    var out = "powerlist-demo"

    func run() throws {
        try reportingErrors {
            let output = URL(fileURLWithPath: out, isDirectory: true).standardizedFileURL
            let demo = ExampleDemo(example: try ExampleDemo.shippedExample(), output: output)
            let figures = try demo.run { step in print("· \(step)……") }
            print(DemoSummary(figures: figures, demo: demo).text)
        }
    }
}

/// The headline figures, as a legal affairs office would read them out.
struct DemoSummary {
    var figures: ExampleDemo.Figures
    var demo: ExampleDemo

    var text: String {
        var lines = ["", "示例地区：阿克塔什县（\(figures.revisions.joined(separator: "、")) 年版）", ""]
        lines.append("\(figures.revisions.last ?? "") 年版事项（按公布清单的算法计数）：")
        for row in figures.levels {
            lines.append("  \(row.level.label)：\(row.units) 个单位，\(row.items) 项")
        }
        let severities: [Finding.Severity] = [.error, .warning, .info]
        let counts = severities.map { "\($0.label) \(figures.findings[$0, default: 0]) 条" }.joined(separator: "，")
        lines.append("检查发现：\(counts)")
        if let approvals = figures.approvals { lines.append("审批事项：\(approvals)") }
        if let reduction = figures.reduction { lines.append("全部事项：\(reduction)") }
        if let coverage = figures.guidanceCoverage {
            lines.append("对照指导目录（区县级，\(figures.revisions.first ?? "") 年版）：\(coverage.guidanceItems) 项中已承接 \(coverage.matched + coverage.differs) 项，缺项 \(coverage.missing) 项，覆盖率 " + String(format: "%.1f%%", coverage.coverageRate * 100))
        }
        lines.append("")
        lines.append("工作区：\(demo.workspaceFolder.path)")
        lines.append("检查报告：\(demo.reportsFolder.path)")
        lines.append("网站（\(figures.pageCount) 个页面，可直接用浏览器打开）：\(figures.site.appendingPathComponent("index.html").path)")
        return lines.joined(separator: "\n")
    }
}
