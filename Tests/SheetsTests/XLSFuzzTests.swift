import Foundation
import Testing
@testable import Sheets
import TestSupport

/// Damaged input must end in a result or an `XLSReadError`, never a trap or an endless loop.
/// A seeded mutation fuzzer: every run tries the same inputs, so a failure reproduces.
@Suite("XLS reader: fuzzing")
struct XLSFuzzTests {
    /// A small workbook touching every record the reader parses.
    static let sample = XLSTestWorkbook(
        globals: [
            BIFF.record(0x00FC, BIFF.u32(3) + BIFF.u32(3) + BIFF.u16(6) + [0x01] + BIFF.utf16("权责")),
            BIFF.record(0x003C, [0x00] + Array("list".utf8) + BIFF.u16(2) + [0x0D] + BIFF.u16(1) + BIFF.u32(2)
                        + BIFF.utf16("行政") + [1, 2, 3, 4, 5, 6] + BIFF.unicodeString("确认")),
            BIFF.format(id: 164, code: "yyyy\"年\"m\"月\""),
            BIFF.extendedFormat(formatID: 0), BIFF.extendedFormat(formatID: 164), BIFF.extendedFormat(formatID: 14),
        ],
        sheets: [
            .init(name: "清单", records: [
                BIFF.row(2, hidden: true),
                BIFF.labelSST(0, 0, 0), BIFF.labelSST(0, 1, 1), BIFF.labelSST(0, 2, 2),
                BIFF.number(1, 0, 45352, xf: 1), BIFF.rk(1, 1, raw: 9 << 2 | 0x02, xf: 2),
                BIFF.mulRK(2, firstColumn: 0, [1 << 2 | 0x02, 2 << 2 | 0x03]),
                BIFF.formulaText(3, 0), BIFF.string("结果"),
                BIFF.formula(3, 1, result: [2, 0, 0x07, 0, 0, 0, 0xFF, 0xFF]),
                BIFF.boolErr(3, 2, value: 1, isError: false), BIFF.label(4, 0, "子项名称"),
                BIFF.mergedCells([(0, 0, 0, 2), (4, 6, 0, 0)]),
            ]),
            .init(name: "隐藏", visibility: 1, records: [BIFF.label(0, 0, "x")]),
        ])


    /// One random damage: flipped bytes, a cut, a spliced copy, or inserted/removed bytes.
    static func mutate(_ input: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        guard !bytes.isEmpty else { return bytes }
        switch random.next() % 5 {
        case 0:
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        case 1:
            bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
        case 2:
            let from = Int.random(in: 0..<bytes.count, using: &random)
            let to = Int.random(in: 0..<bytes.count, using: &random)
            let length = min(Int.random(in: 1...64, using: &random), bytes.count - from, bytes.count - to)
            bytes.replaceSubrange(to..<(to + length), with: bytes[from..<(from + length)])
        case 3:
            let at = Int.random(in: 0..<bytes.count, using: &random)
            bytes.insert(contentsOf: (0..<Int.random(in: 1...16, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }, at: at)
        default:
            let at = Int.random(in: 0..<bytes.count, using: &random)
            bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...16, using: &random)))
        }
        // Extreme values reach the size and index checks more often than random ones.
        if random.next() % 4 == 0 {
            let at = Int.random(in: 0..<max(1, bytes.count - 3), using: &random)
            let extreme: [UInt8] = [[0xFF, 0xFF, 0xFF, 0xFF], [0xFE, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0], [0xFF, 0x7F, 0, 0]]
                .randomElement(using: &random) ?? []
            for (index, byte) in extreme.enumerated() where at + index < bytes.count { bytes[at + index] = byte }
        }
        return bytes
    }

    /// Reads damaged input. Whatever it reads must still be a well-formed grid; whatever it
    /// throws is an `XLSReadError` (the typed throw guarantees it) with a message to show.
    static func survive(_ file: [UInt8]) -> Bool {
        do {
            return try XLSReader.sheets(in: file).allSatisfy(isWellFormed)
        } catch {
            return SheetsError(file: "fuzz.xls", reason: error.reason).description.hasPrefix("文件 fuzz.xls")
        }
    }

    /// Rows strictly ascending, each row's cells on that row and strictly ascending by column,
    /// no empty text kept as a cell.
    static func isWellFormed(_ sheet: Sheet) -> Bool {
        zip(sheet.rows, sheet.rows.dropFirst()).allSatisfy { $0.index < $1.index }
            && sheet.rows.allSatisfy { row in
                row.cells.allSatisfy { $0.address.row == row.index && $0.value != .text("") }
                    && zip(row.cells, row.cells.dropFirst()).allSatisfy { $0.address.column < $1.address.column }
            }
    }

    @Test(.timeLimit(.minutes(1)))
    func damagedWorkbookStreamsNeverCrash() throws {
        var random = SeededGenerator(state: 0x5EED_0001)
        let stream = Self.sample.stream
        #expect(try XLSReader.sheets(in: Self.sample.file).count == 2, "the undamaged sample reads")
        for _ in 0..<300 {
            var damaged = Self.mutate(stream, using: &random)
            if random.next() % 3 == 0 { damaged = Self.mutate(damaged, using: &random) }
            #expect(Self.survive(CompoundFileWriter.file(streams: [("Workbook", damaged)])))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func damagedCompoundFilesNeverCrash() {
        var random = SeededGenerator(state: 0x5EED_0002)
        var large = Self.sample
        large.sheets[1].records += (0..<400).map { BIFF.number($0 + 1, 0, Double($0)) }
        var version4 = large
        version4.sectorSize = 4096
        let files = [Self.sample.file, large.file, version4.file]
        for iteration in 0..<300 {
            #expect(Self.survive(Self.mutate(files[iteration % files.count], using: &random)))
        }
    }

    @Test(.enabled(if: RealWorkbookFiles.present, "../shared/fixtures/real is absent"), .timeLimit(.minutes(1)))
    func damagedRealWorkbooksNeverCrash() throws {
        var random = SeededGenerator(state: 0x5EED_0003)
        let file = try [UInt8](Data(contentsOf: RealWorkbookFiles.url("克拉玛依市科学技术局2024年权责清单.xls")))
        for _ in 0..<100 {
            #expect(Self.survive(Self.mutate(file, using: &random)))
        }
    }
}
