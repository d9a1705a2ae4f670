import Foundation
import Testing

/// Whatever a user points `inspect` at, the answer is a Chinese message naming the file,
/// exit code 1, and never a crash.
@Suite("inspect: bad input")
struct InspectBadInputTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder() }

    @Test func aMissingFile() throws {
        let result = try folder.inspect("不存在.xlsx")
        #expect(result.isCleanFailure(naming: "不存在.xlsx"))
        #expect(result.stderr.contains("找不到该文件"))
    }

    @Test func aDirectory() throws {
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("文件夹.xlsx"),
                                                withIntermediateDirectories: false)
        let result = try folder.inspect("文件夹.xlsx")
        #expect(result.isCleanFailure(naming: "文件夹.xlsx"))
        #expect(result.stderr.contains("文件夹"))
    }

    @Test func anEmptyFile() throws {
        try folder.write([], named: "空.xlsx")
        let result = try folder.inspect("空.xlsx")
        #expect(result.isCleanFailure(naming: "空.xlsx"))
        #expect(result.stderr.contains("文件是空的"))
    }

    @Test func aCorruptZIPNamedXLSX() throws {
        // A ZIP local-file header followed by junk and no central directory.
        try folder.write([0x50, 0x4B, 0x03, 0x04] + Self.noise(count: 300, seed: 7), named: "损坏.xlsx")
        let result = try folder.inspect("损坏.xlsx")
        #expect(result.isCleanFailure(naming: "损坏.xlsx"))
    }

    @Test(.enabled(if: PowerlistCLI.realFixturesPresent, "../shared/fixtures/real is absent"))
    func aRealXLSXCutInHalf() throws {
        let whole = try Data(contentsOf: RealFixture.url("国动办权责清单公示.xlsx"))
        try folder.write(Array(whole.prefix(whole.count / 2)), named: "下载中断.xlsx")
        let result = try folder.inspect("下载中断.xlsx")
        #expect(result.isCleanFailure(naming: "下载中断.xlsx"))
    }

    @Test func randomBinaryData() throws {
        try folder.write(Self.noise(count: 4096, seed: 42), named: "随机.dat")
        let result = try folder.inspect("随机.dat")
        #expect(result.isCleanFailure(naming: "随机.dat"))
        #expect(result.stderr.contains("无法识别的文件格式"))
    }

    @Test func anOLE2FileThatIsNoWorkbook() throws {
        // The compound-file signature, then nothing a BIFF reader could use.
        let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        try folder.write(signature + [UInt8](repeating: 0, count: 504), named: "旧表.xls")
        let result = try folder.inspect("旧表.xls")
        #expect(result.isCleanFailure(naming: "旧表.xls"))
    }

    @Test func textThatIsNeitherUTF8NorGB18030NamesTheLine() throws {
        try folder.write(Array("序号,名称\n1,".utf8) + [0xFF, 0xFF] + Array("\n".utf8), named: "乱码.csv")
        let result = try folder.inspect("乱码.csv")
        #expect(result.isCleanFailure(naming: "乱码.csv"))
        #expect(result.stderr.contains("第 2 行"))
        #expect(result.stderr.contains("--encoding"))
    }

    @Test func oneBadFileDoesNotStopTheOthers() throws {
        try folder.write("序号,名称\n1,许可\n", named: "好.csv")
        let result = try folder.inspect("好.csv", "缺失.csv", "好.csv")
        #expect(result.isCleanFailure(naming: "缺失.csv"))
        #expect(result.stdout.components(separatedBy: "文件：好.csv").count == 3)
    }

    @Test func anUnknownEncodingName() throws {
        try folder.write("a\n", named: "a.csv")
        let result = try folder.inspect("--encoding", "big5", "a.csv")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("无法识别的编码“big5”"))
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownSheetNameListsTheSheetsThereAre() throws {
        try folder.write("a\n", named: "名单.csv")
        let result = try folder.inspect("--sheet", "行政许可", "名单.csv")
        #expect(result.isCleanFailure(naming: "名单.csv"))
        #expect(result.stderr.contains("没有名为“行政许可”的工作表。现有工作表：“名单”"))
    }

    @Test func noFileAtAll() throws {
        let result = try folder.inspect()
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("请指定要查看的文件"))
    }

    /// Deterministic bytes that look like no format at all (a linear congruential generator).
    static func noise(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }
}
