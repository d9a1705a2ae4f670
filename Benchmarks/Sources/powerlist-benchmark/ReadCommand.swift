import Foundation
import Sheets

/// `read [--repeat N] [--dump] FILE...`: times `Workbook.read` (best wall time of N runs) and
/// reports what was read and the process's peak resident memory.
struct ReadCommand {
    let files: [String]
    let repeatCount: Int
    let dump: Bool

    init(arguments: [String]) throws(UsageError) {
        let options = try Options(arguments, valued: ["--repeat"])
        files = options.positional
        repeatCount = try options.integer("--repeat", default: 1)
        dump = options.has("--dump")
        guard !files.isEmpty else { throw UsageError("read 需要至少一个文件") }
    }

    func run() throws {
        for path in files {
            var best = Double.infinity
            var workbook: Workbook?
            for _ in 0..<repeatCount {
                workbook = nil // release the previous run's workbook before timing the next one
                let start = DispatchTime.now().uptimeNanoseconds
                workbook = try Workbook.read(URL(fileURLWithPath: path))
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            guard let workbook else { continue }
            let rows = workbook.sheets.reduce(0) { $0 + $1.rows.count }
            let cells = workbook.sheets.reduce(0) { $0 + $1.cellCount }
            let merged = workbook.sheets.reduce(0) { $0 + $1.mergedRanges.count }
            print("\(path): \(String(format: "%.3f", best)) s, sheets \(workbook.sheets.count), rows \(rows), "
                  + "cells \(cells), merged \(merged), peak RSS \(PeakMemory.megabytes() ?? 0) MB")
            if dump { Self.dump(workbook) }
        }
    }

    /// Every sheet's name, merged ranges and cells: for checking a reader by eye.
    static func dump(_ workbook: Workbook) {
        for sheet in workbook.sheets {
            print("== \(sheet.name)\(sheet.isHidden ? " (hidden)" : "") merged: \(sheet.mergedRanges.count)")
            for row in sheet.rows {
                for cell in row.cells { print("\(cell.address)\t\(kind(cell.value))\t\(cell.value.text.debugDescription)") }
                if row.isHidden { print("row \(row.index + 1) hidden") }
            }
        }
    }
}

private func kind(_ value: CellValue) -> String {
    switch value {
    case .text: "text"
    case .number: "number"
    case .date: "date"
    case .bool: "bool"
    case .error: "error"
    }
}

enum PeakMemory {
    /// VmHWM from /proc/self/status (Linux): the peak resident set size, in MB.
    static func megabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }
}
