/// How much a reader accepts from one file before it refuses it.
///
/// Spreadsheets come from dozens of offices and some are broken or hostile: a 1.5 MB XLSX can
/// inflate to one 1.5 GB text cell, a ZIP bomb to many gigabytes of XML. Excel and WPS never
/// write more than 1,048,576 rows, 16,384 columns or 32,767 characters in a cell, so past
/// those a file is not what an office handed in, and it is refused with a `SheetsError`
/// naming the file, sheet and cell rather than read until the machine runs out of memory.
///
/// The defaults are Excel's own maxima, plus bounds on what Excel does not cap but memory
/// does (cells per sheet, inflated XML). Each can be raised: `powerlist inspect/import
/// --max-rows …`. BIFF8 (.xls) caps rows at 65,536 and a string at 32,767 characters by its
/// record format, and its memory is bounded by the file's size, so it needs no extra checks.
public struct ReadLimits: Sendable, Equatable {
    /// Rows per sheet: Excel's 1,048,576.
    public var maxRows: Int
    /// Columns per sheet: Excel's 16,384 (XFD).
    public var maxColumns: Int
    /// Characters (UTF-16 code units, as Excel counts them) in one cell: Excel's 32,767.
    public var maxCellCharacters: Int
    /// Non-empty cells per sheet, and strings in an XLSX shared-string table. Excel has no such
    /// cap, memory does: 20 million is 5× the largest benchmark workbook, about 1.5 GB read.
    public var maxCells: Int
    /// Bytes of XML all the parts of one XLSX may inflate to: 2 GiB, 10× the largest benchmark.
    public var maxInflatedBytes: Int
    /// Inflated size over compressed size of one XLSX part, checked once the part passes
    /// 16 MiB. Real sheet XML compresses 5–30×; a ZIP bomb reaches 1,000×.
    public var maxCompressionRatio: Int

    public init(maxRows: Int = 1_048_576, maxColumns: Int = 16_384, maxCellCharacters: Int = 32_767,
                maxCells: Int = 20_000_000, maxInflatedBytes: Int = 2 << 30, maxCompressionRatio: Int = 100) {
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxCellCharacters = maxCellCharacters
        self.maxCells = maxCells
        self.maxInflatedBytes = maxInflatedBytes
        self.maxCompressionRatio = maxCompressionRatio
    }

    /// Excel's maxima: what every file an office hands in fits.
    public static let excel = ReadLimits()

    /// A part must inflate past this before its compression ratio is judged: small parts of
    /// repeated markup (styles, empty rows) compress very well and are harmless.
    static let ratioCheckThreshold = 16 << 20

    /// Open XML elements allowed at once: real parts nest about 6 deep. libxml2's own cap
    /// (256, lifted only by `XML_PARSE_HUGE`, which is never set) guards its pull parser only.
    public static let maxXMLDepth = 256

    /// UTF-8 bytes of one cell's raw XML text that cannot hold `maxCellCharacters` or fewer
    /// characters: a character is at most 4 bytes, or 7 as an OOXML `_xHHHH_` escape.
    var maxCellBytes: Int { maxCellCharacters.multipliedReportingOverflow(by: 7).overflow ? .max : maxCellCharacters * 7 }
}

/// Which limit a file went past, with the limit in force, for the error message.
public enum ReadLimitViolation: Error, Equatable, Sendable {
    case rows(limit: Int)
    case columns(limit: Int)
    case cellCharacters(limit: Int)
    case cells(limit: Int)
    case sharedStrings(limit: Int)
    case inflatedBytes(limit: Int)
    case compressionRatio(part: String, limit: Int)
    case xmlDepth(part: String, limit: Int)

    /// The reason in Chinese, with the option that raises the limit.
    var message: String {
        switch self {
        case .rows(let limit):
            "行数超过 \(limit.grouped) 行的上限（Excel 最多 1,048,576 行），不像是正常报送的文件。如确需读取，可用 --max-rows 放宽。"
        case .columns(let limit):
            "列数超过 \(limit.grouped) 列的上限（Excel 最多 16,384 列），不像是正常报送的文件。如确需读取，可用 --max-columns 放宽。"
        case .cellCharacters(let limit):
            "单元格文字超过 \(limit.grouped) 个字符的上限（Excel 一个单元格最多 32,767 个字符）。如确需读取，可用 --max-cell-chars 放宽。"
        case .cells(let limit):
            "非空单元格超过 \(limit.grouped) 个的上限。如确需读取，可用 --max-cells 放宽。"
        case .sharedStrings(let limit):
            "共享字符串表超过 \(limit.grouped) 条的上限。如确需读取，可用 --max-cells 放宽。"
        case .inflatedBytes(let limit):
            "解压后的内容超过 \(limit / (1 << 20)) MB 的上限，可能是“压缩炸弹”。如确需读取，可用 --max-inflated-mb 放宽。"
        case .compressionRatio(let part, let limit):
            "部件 \(part) 的压缩比超过 \(limit):1，可能是“压缩炸弹”。如确需读取，可用 --max-compression-ratio 放宽。"
        case .xmlDepth(let part, let limit):
            "部件 \(part) 的 XML 元素嵌套超过 \(limit) 层，文件已损坏或是恶意构造的。"
        }
    }
}

extension Int {
    /// `1048576` → `1,048,576`.
    var grouped: String {
        let digits = String(self.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return self < 0 ? "-" + result : result
    }
}

/// A limit passed at a known place, before the reader turns it into a `SheetsError`.
struct ReadLimitBreach: Error {
    var violation: ReadLimitViolation
    var cell: CellAddress?
}
