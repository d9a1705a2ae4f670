import Foundation
import Sheets

/// Compares a file's extension with its real format, since departments often rename files.
enum FileExtensionCheck {
    static let expectedExtensions: [SpreadsheetFormat: Set<String>] = [
        .xlsx: ["xlsx", "xlsm"],
        .xls: ["xls", "et"],
        .csv: ["csv", "tsv", "txt"],
    ]

    /// `注意：文件扩展名为 .xlsx，但实际是旧格式 .xls 工作簿。`, or nil when they agree.
    static func warning(path: String, format: SpreadsheetFormat) -> String? {
        let fileExtension = URL(fileURLWithPath: path).pathExtension
        if expectedExtensions[format]?.contains(fileExtension.lowercased()) == true { return nil }
        let actual = switch format {
        case .xlsx: "新格式 .xlsx 工作簿（ZIP 压缩包）"
        case .xls: "旧格式 .xls 工作簿"
        case .csv: "文本文件（CSV）"
        }
        if fileExtension.isEmpty { return "注意：文件没有扩展名，实际是\(actual)。" }
        return "注意：文件扩展名为 .\(fileExtension)，但实际是\(actual)。"
    }
}
