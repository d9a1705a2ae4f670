import Foundation
import ZIPFoundation
@testable import Sheets

/// A part of a hostile XLSX: `head`, then `unit` repeated `count` times, then `tail`.
/// Streamed into the ZIP a megabyte at a time, so a part that inflates to gigabytes costs
/// the test a small file on disk and no memory.
struct RepeatedPart {
    var head: String
    var unit: String
    var count: Int
    var tail: String

    var size: Int { head.utf8.count + unit.utf8.count * count + tail.utf8.count }

    /// The bytes at `range` of the part.
    func bytes(in range: Range<Int>) -> Data {
        let head = Array(self.head.utf8), unit = Array(self.unit.utf8), tail = Array(self.tail.utf8)
        var data = Data(capacity: range.count)
        var position = range.lowerBound
        while position < range.upperBound {
            if position < head.count {
                let end = min(head.count, range.upperBound)
                data.append(contentsOf: head[position..<end])
                position = end
            } else if position < head.count + unit.count * count {
                let offset = (position - head.count) % unit.count
                let end = min(position + unit.count - offset, range.upperBound)
                data.append(contentsOf: unit[offset..<(offset + end - position)])
                position = end
            } else {
                let offset = position - head.count - unit.count * count
                let end = min(range.upperBound, position + tail.count - offset)
                data.append(contentsOf: tail[offset..<(offset + end - position)])
                position = end
            }
        }
        return data
    }
}

enum HostilePackage {
    /// A one-sheet workbook (named 清单) whose sheet part is `sheet`, with an optional shared-string part.
    static func workbook(sheet: RepeatedPart, sharedStrings: RepeatedPart? = nil,
                         in folder: ScratchFolder, named name: String = "hostile.xlsx") throws -> URL {
        var parts = XLSXFixture.workbookParts([.init(name: "清单", rows: "")], sharedStrings: sharedStrings == nil ? nil : [])
        parts["xl/worksheets/sheet1.xml"] = nil
        parts["xl/sharedStrings.xml"] = nil
        let url = folder.url(name)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, content) in parts.sorted(by: { $0.key < $1.key }) {
            try add(RepeatedPart(head: content, unit: " ", count: 0, tail: ""), as: path, to: archive)
        }
        try add(sheet, as: "xl/worksheets/sheet1.xml", to: archive)
        if let sharedStrings { try add(sharedStrings, as: "xl/sharedStrings.xml", to: archive) }
        return url
    }

    private static func add(_ part: RepeatedPart, as path: String, to archive: Archive) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(part.size),
                             compressionMethod: .deflate, bufferSize: 1 << 20) { position, size in
            part.bytes(in: Int(position)..<Int(position) + size)
        }
    }

    static let sheetHead = "<worksheet xmlns=\"\(XLSXFixture.main)\"><sheetData>"
    static let sheetTail = "</sheetData></worksheet>"

    /// The error reading `url` with `limits`, nil when it reads.
    static func readError(_ url: URL, limits: ReadLimits = .excel) -> SheetsError? {
        do {
            _ = try Workbook.read(url, options: ReadOptions(limits: limits))
            return nil
        } catch {
            return error
        }
    }
}
