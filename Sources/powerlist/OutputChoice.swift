import Foundation

/// The format and file a command writes: `--format` when given, else the `--output` file's
/// extension, else the command's default. XLSX is binary, so it needs a file.
struct OutputChoice<Format: RawRepresentable & Equatable> where Format.RawValue == String {
    let format: Format
    let file: URL?

    /// - Parameter verb: how the command names its writing in the error (`输出`, `导出`).
    init(format: Format?, output: String?, default fallback: Format, verb: String = "输出") throws {
        file = output.map { URL(fileURLWithPath: $0).standardizedFileURL }
        self.format = format ?? file.flatMap { Format(rawValue: $0.pathExtension.lowercased()) } ?? fallback
        if self.format.rawValue == "xlsx" && file == nil {
            throw UserFacingError("\(verb) XLSX 时必须用 --output 指定输出文件。")
        }
    }
}
