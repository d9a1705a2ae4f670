import ArgumentParser
import Sheets

/// `--max-rows` and the other read limits, shared by `inspect` and `import`.
///
/// The defaults are Excel's maxima (see `ReadLimits`): a file past them is refused with a
/// message naming the option that raises the limit it met.
struct ReadLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-rows"), help: ArgumentHelp("每个工作表最多读取的行数（默认 1048576，即 Excel 的上限）。", valueName: "n"))
    var maxRows = ReadLimits.excel.maxRows

    @Option(name: .customLong("max-columns"), help: ArgumentHelp("每个工作表最多的列数（默认 16384）。", valueName: "n"))
    var maxColumns = ReadLimits.excel.maxColumns

    @Option(name: .customLong("max-cell-chars"), help: ArgumentHelp("一个单元格最多的字符数（默认 32767）。", valueName: "n"))
    var maxCellCharacters = ReadLimits.excel.maxCellCharacters

    @Option(name: .customLong("max-cells"), help: ArgumentHelp("每个工作表最多的非空单元格数、共享字符串条数（默认 20000000）。", valueName: "n"))
    var maxCells = ReadLimits.excel.maxCells

    @Option(name: .customLong("max-inflated-mb"), help: ArgumentHelp("XLSX 解压后内容的总上限，单位 MB（默认 2048）。", valueName: "mb"))
    var maxInflatedMegabytes = ReadLimits.excel.maxInflatedBytes >> 20

    @Option(name: .customLong("max-compression-ratio"), help: ArgumentHelp("XLSX 部件的最大压缩比（默认 100）。", valueName: "n"))
    var maxCompressionRatio = ReadLimits.excel.maxCompressionRatio

    func validate() throws {
        let values = [("--max-rows", maxRows), ("--max-columns", maxColumns), ("--max-cell-chars", maxCellCharacters),
                      ("--max-cells", maxCells), ("--max-inflated-mb", maxInflatedMegabytes),
                      ("--max-compression-ratio", maxCompressionRatio)]
        for (name, value) in values where value < 1 {
            throw ValidationError("\(name) 至少为 1（收到 \(value)）。")
        }
    }

    var limits: ReadLimits {
        ReadLimits(maxRows: maxRows, maxColumns: maxColumns, maxCellCharacters: maxCellCharacters, maxCells: maxCells,
                   maxInflatedBytes: maxInflatedMegabytes.multipliedReportingOverflow(by: 1 << 20).overflow
                       ? .max : maxInflatedMegabytes << 20,
                   maxCompressionRatio: maxCompressionRatio)
    }
}
