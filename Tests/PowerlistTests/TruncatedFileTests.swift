import Foundation
import Testing

/// A large CSV file is mapped, not read (`FileBytes`): one cut short by another program while
/// powerlist reads it must end in a clear message, never in a crash.
@Suite struct TruncatedFileTests {
    @Test("a large file cut short while a diff reads it: a message in Chinese, no crash")
    func truncatedWhileRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-truncated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Past the 32 MB from which files are mapped.
        let row = "1,样例县统计局,对拒绝配合统计调查的处罚,行政处罚,\"" + String(repeating: "《中华人民共和国统计法》第三十七条", count: 20) + "\"\n"
        var text = "序号,行使主体,事项名称,权力类型,实施依据\n"
        text.reserveCapacity(34 << 20)
        while text.utf8.count < 34 << 20 { text += row }
        let file = folder.appendingPathComponent("old.csv")
        try text.write(to: file, atomically: false, encoding: .utf8)

        let process = Process()
        process.executableURL = PowerlistCLI.executable
        process.arguments = ["diff", file.path, file.path, "--workspace", folder.appendingPathComponent("ws").path]
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 0.3)
        try FileHandle(forWritingTo: file).truncate(atOffset: 1_000_000)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Whenever the cut came (before, while or after the file was mapped), no signal ended it.
        #expect(process.terminationReason == .exit)
        if process.terminationStatus != 0 {
            #expect(stderr.contains("文件"), "\(stderr)")
        }
    }
}
