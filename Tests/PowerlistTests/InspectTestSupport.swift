import Foundation
import Sheets

/// A fresh folder for the files one test hands to `powerlist`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("powerlist-inspect-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ bytes: [UInt8], named name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    @discardableResult
    func write(_ text: String, named name: String) throws -> URL {
        try write(Array(text.utf8), named: name)
    }

    /// Runs `powerlist inspect ARGUMENTS` inside this folder, so file names stay short.
    func inspect(_ arguments: String...) throws -> PowerlistCLI.Result {
        try PowerlistCLI.run(["inspect"] + arguments, in: url)
    }
}

/// The real fixtures, and whether this branch's readers can open them yet.
enum RealFixture {
    static func url(_ name: String) -> URL {
        PowerlistCLI.realFixtures.appendingPathComponent(name)
    }

    static let all = [
        "克拉玛依市商务局2024年权责清单.xlsx",
        "2025年克拉玛依市统计局权责清单.xlsx",
        "国动办权责清单公示.xlsx",
        "克拉玛依市档案局2024年权责清单.xlsx",
        "克拉玛依市委宣传部（新闻出版局）2024年权责清单 (1).xlsx",
        "克拉玛依市2025年消防监督执法权责清单.xlsx",
        "克拉玛依市科学技术局2024年权责清单.xls",
        "克拉玛依市医疗保障局2024年权责清单.xls",
    ]
}

extension PowerlistCLI.Result {
    /// A failure the user can act on: exit code 1 and a Chinese message naming the file,
    /// never a crash report.
    func isCleanFailure(naming file: String) -> Bool {
        exitCode == 1 && stderr.contains("错误：文件 \(file)：") && !hasCrashReport
    }

    var hasCrashReport: Bool {
        ["Fatal error", "Stack", "Backtrace", "Program crashed"].contains { stderr.contains($0) }
    }
}
