import ArgumentParser
import Foundation
import Sheets

/// `powerlist inspect FILE...`: the first look at a spreadsheet someone handed in.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "查看电子表格文件：真实格式、各工作表的范围、合并区域和前几行内容。",
        discussion: """
            按文件内容（而不是扩展名）识别格式：XLSX、旧格式 XLS 或 CSV 文本；扩展名与实际格式不符时会提示。
            默认显示全部工作表；可一次查看多个文件，某个文件读取失败时其余文件照常显示，退出码为 1。

            示例：
              powerlist inspect 清单.xlsx
              powerlist inspect --rows 20 --sheet 行政许可 清单.xlsx
              powerlist inspect --encoding gbk 导出.csv
            """
    )

    // Value names stay ASCII: the help layout counts characters, so CJK names would misalign it.
    @Argument(help: ArgumentHelp("要查看的文件（.xlsx、.xls、.csv），可以给多个。", valueName: "file"))
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp("每个工作表显示的行数，0 表示只看概况。", valueName: "n"))
    var rows: Int = 8

    @Option(name: .long, help: ArgumentHelp("每个工作表最多显示的列数。", valueName: "n"))
    var columns: Int = 30

    @Option(name: .long, help: ArgumentHelp("只显示这个名称的工作表，可重复使用。默认显示全部工作表。", valueName: "name"))
    var sheet: [String] = []

    @Option(name: .long, help: ArgumentHelp("单元格最多显示的宽度（按半角字符计，一个汉字占 2）。", valueName: "width"))
    var width: Int = 24

    @Option(name: .long, help: ArgumentHelp("CSV 文件的编码：utf-8、gbk（即 gb18030）、utf-16、utf-16be。默认自动识别。",
                                            valueName: "encoding"))
    var encoding: String?

    @OptionGroup(title: "读取上限（超过即拒绝读取，防止损坏或恶意的文件）") var limitOptions: ReadLimitOptions

    func run() throws {
        let settings = try checkedSettings()
        var anyFailed = false
        for (position, path) in files.enumerated() {
            do {
                let report = try InspectLoader(settings: settings).report(for: path)
                print((position > 0 ? "\n" : "") + report.render(), terminator: "")
            } catch {
                Terminal.printError(Terminal.errorMessage(error))
                anyFailed = true
            }
        }
        if anyFailed { throw ExitCode(1) }
    }

    /// Options turned into settings, or a Chinese usage error.
    private func checkedSettings() throws -> InspectLoader.Settings {
        var settings = InspectLoader.Settings(sheetNames: sheet, rowLimit: rows, columnLimit: columns,
                                              cellWidth: width, limits: limitOptions.limits)
        try reportingErrors {
            guard !files.isEmpty else {
                throw UserFacingError("请指定要查看的文件，例如：powerlist inspect 清单.xlsx")
            }
            guard rows >= 0 else { throw UserFacingError("--rows 不能是负数（收到 \(rows)）。") }
            guard columns >= 1 else { throw UserFacingError("--columns 至少为 1（收到 \(columns)）。") }
            guard width >= 4 else { throw UserFacingError("--width 至少为 4（收到 \(width)）。") }
            if let encoding {
                guard let textEncoding = TextEncoding(userName: encoding) else {
                    throw UserFacingError("无法识别的编码“\(encoding)”。可用：utf-8、gbk（gb18030）、utf-16、utf-16be。")
                }
                settings.textEncoding = textEncoding
            }
        }
        return settings
    }
}
