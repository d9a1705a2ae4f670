import Foundation

/// Why a spreadsheet could not be read, with the place it happened: file, sheet, cell.
///
/// `description` is the message a user reads, in Simplified Chinese, and always names the file.
public struct SheetsError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case fileNotFound
        case isDirectory
        case unreadable(String)
        case emptyFile
        /// An OLE2 compound file holding an encrypted OOXML package, or a BIFF FILEPASS record.
        case passwordProtected
        /// A ZIP package that is truncated or damaged.
        case corruptArchive(String)
        /// A required part of an XLSX package is missing, e.g. `xl/workbook.xml`.
        case missingPart(String)
        /// An XML part that is not well-formed: the part, its line and libxml2's message.
        case malformedXML(part: String, line: Int, detail: String)
        /// A damaged OLE2 compound file or BIFF stream.
        case corruptWorkbook(String)
        /// A BIFF version older than BIFF8 (Excel 95 and earlier).
        case unsupportedBIFFVersion(String)
        /// Bytes that are not valid in the text encoding; line is 1-based, offset counts bytes from the file start.
        case undecodableText(encoding: String, line: Int, byteOffset: Int)
        /// Content that is not any spreadsheet format we read (e.g. binary data that is not text).
        case unrecognizedFormat
        /// Past one of the `ReadLimits`: too many rows or cells, a huge cell, a ZIP bomb.
        case limitExceeded(ReadLimitViolation)
    }

    /// Path of the file as the user named it.
    public var file: String
    public var sheet: String?
    public var cell: CellAddress?
    public var reason: Reason

    public init(file: String, sheet: String? = nil, cell: CellAddress? = nil, reason: Reason) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.reason = reason
    }

    /// `文件 a.xlsx，工作表 Sheet1!D12：…`
    public var description: String {
        var place = "文件 \(file)"
        if let sheet {
            place += "，工作表 \(Sheet.quotedName(sheet))"
            if let cell { place += "!\(cell)" }
        } else if let cell {
            place += "，单元格 \(cell)"
        }
        return "\(place)：\(message)"
    }

    /// The reason in words, without the place.
    public var message: String {
        switch reason {
        case .fileNotFound: "找不到该文件。"
        case .isDirectory: "这是一个文件夹，不是电子表格文件。"
        case .unreadable(let detail): "无法读取该文件（\(detail)）。"
        case .emptyFile: "文件是空的（0 字节）。"
        case .passwordProtected: "工作簿设置了打开密码（已加密），无法读取。请在 Excel/WPS 中取消密码后重新保存。"
        case .corruptArchive(let detail): "XLSX 文件（ZIP 压缩包）已损坏或不完整：\(detail)"
        case .missingPart(let part): "XLSX 文件缺少必要的部件 \(part)，可能已损坏。"
        case .malformedXML(let part, let line, let detail):
            "XLSX 部件 \(part) 第 \(line) 行的 XML 格式错误：\(detail)"
        case .corruptWorkbook(let detail): "XLS 工作簿已损坏：\(detail)"
        case .unsupportedBIFFVersion(let version):
            "这是 \(version) 格式的更旧版本 Excel 文件（Excel 95 或更早），不受支持。请另存为 .xlsx 后再导入。"
        case .undecodableText(let encoding, let line, let byteOffset):
            "第 \(line) 行（文件第 \(byteOffset) 字节处）有无法按 \(encoding) 编码解读的字节。可用 --encoding 指定文件编码。"
        case .unrecognizedFormat: "无法识别的文件格式：既不是 XLSX、XLS，也不是文本（CSV）文件。"
        case .limitExceeded(let violation): violation.message
        }
    }
}
