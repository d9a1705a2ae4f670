import Catalogue
import Foundation
import Testing
@testable import Workflow

/// An import cleaned and stored chunk by chunk stores exactly what an import in one chunk does.
@Suite struct CleanPipelineTests {
    /// Five items, the fourth without a serial (an import finding placed in a later chunk), and
    /// bases that give check findings.
    private static let rows = [
        TestWorkspace.header,
        ["1", "甲", "", "行政许可", "【法律】《中华人民共和国统计法》第七条", ""],
        ["2", "乙", "", "行政许可", "", ""],
        ["3", "丙", "", "行政处罚", "【法律】《中华人民共和国统计法》第七条", ""],
        ["", "丁", "", "其他行政权力", "《某某办法》", ""],
        ["5", "戊", "", "行政检查", "【法律】《中华人民共和国统计法》第七条", ""],
    ]

    private func imported(chunkSize: Int) throws -> (report: FileImportReport, items: [PowerItem], findings: [Finding]) {
        let test = try TestWorkspace()
        var job = try test.importJob()
        job.chunkSize = chunkSize
        let report = job.run(try test.csv("a.csv", Self.rows))
        return (report, try test.workspace.powerItems(revision: "2024"), try test.workspace.findings(revision: "2024"))
    }

    @Test func chunksOfTwoStoreWhatOneChunkStores() throws {
        let whole = try imported(chunkSize: 50_000)
        let chunked = try imported(chunkSize: 2)
        #expect(chunked.report.error == nil)
        #expect(chunked.items.count == 5)
        #expect(chunked.items == whole.items)
        #expect(chunked.findings == whole.findings)
        #expect(chunked.findings.contains { $0.code == .missingSerial && $0.item?.rawValue.contains("丁") == true })
        #expect(chunked.findings.contains { $0.code.stage == "check" })
        #expect(chunked.report.newFindings == whole.report.newFindings)
        #expect(chunked.report.checkFindingCount == whole.report.checkFindingCount)
        #expect(chunked.report.checkFindingCount > 0)
    }

    @Test func theChunksDoubleUpToTheChunkSizeThenHalveToTheEnd() {
        let raw = RawItem(unit: AdminUnit(name: "商务局", level: .county), fields: [.name: "甲"],
                          provenance: Provenance(file: "a.xlsx", sheet: "Sheet1", firstRow: 2, lastRow: 2))
        let first = CleanPipeline.firstChunk
        let count = first * 12 + 3
        let sizes = CleanPipeline.chunks(of: Array(repeating: raw, count: count), size: first * 3).map(\.count)
        #expect(sizes == [first, first * 2, first * 3, first * 3, 3 * first / 2 + 1, 3 * first / 4 + 1,
                          3 * first / 8, CleanPipeline.lastChunk, 3 * first / 8 - CleanPipeline.lastChunk + 1])
        #expect(sizes.reduce(0, +) == count)
        #expect(CleanPipeline.chunks(of: Array(repeating: raw, count: 5), size: 2).map(\.count) == [2, 2, 1])
        #expect(CleanPipeline.chunks(of: Array(repeating: raw, count: 900), size: 50_000).map(\.count) == [900])
        #expect(CleanPipeline.chunks(of: [], size: 50_000).isEmpty)
    }
}
