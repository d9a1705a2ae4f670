// Writes the seed corpora of the fuzz targets with the project's own writers: XLSXWriter for
// XLSX, the tests' BIFF8 writer for XLS, and small lists for CSV and the importer; for the
// citation parser, the legal-basis cells of the example region the project's generator wrote
// (Catalogues/examples). Seeds are made at run time so no binary is committed.
// Usage: seeds OUTPUT_FOLDER [EXAMPLES_FOLDER]
import Foundation
@testable import Sheets

let output = URL(fileURLWithPath: CommandLine.arguments[1])
func folder(_ name: String) -> URL {
    let url = output.appendingPathComponent(name)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let lists = [
    "序号,事项名称,子项名称,权力类型,实施依据\n1,对外贸易经营者备案登记,,行政确认,\"【法律】《对外贸易法》第九条\"\n2,对违法行为的处罚,对未报送的处罚,行政处罚,\n,,对逾期的处罚,,\n",
    "克拉玛依市商务局权责清单\n序号;事项名称;职权类型\n1;统计调查项目审批;行政许可\n",
    "\u{FEFF}编号\t权力名称\t权力类别\t责任事项\n1\t\"多行\n名称\"\t行政检查\t\"a\"\"b\"\n",
]
for (index, list) in lists.enumerated() {
    try Data(list.utf8).write(to: folder("csv").appendingPathComponent("list\(index).csv"))
    try Data(list.utf8).write(to: folder("import").appendingPathComponent("list\(index).csv"))
}
// The importer harness reads merged ranges from the first bytes when their high bit is set.
try Data([0x81, 0x01, 0x02, 0x00] + Array(lists[0].utf8)).write(to: folder("import").appendingPathComponent("merged.csv"))
// GBK bytes (序号,1) — not UTF-8, so decoded as GB18030 — and UTF-16 with a byte-order mark.
try Data([0xD0, 0xF2, 0xBA, 0xC5, 0x2C, 0x31, 0x0A]).write(to: folder("csv").appendingPathComponent("gbk.csv"))
try (Data([0xFF, 0xFE]) + lists[1].data(using: .utf16LittleEndian)!).write(to: folder("csv").appendingPathComponent("utf16.csv"))

func sheet(_ name: String, _ texts: [[String]], merged: [String] = []) -> Sheet {
    Sheet(name: name, rows: texts.enumerated().map { row, values in
        Row(index: row, cells: values.enumerated().compactMap { column, text in
            text.isEmpty ? nil : Cell(row: row, column: column, value: Double(text).map(CellValue.number) ?? .text(text))
        })
    }, mergedRanges: merged.compactMap { CellRange($0) })
}
let table = [["序号", "事项名称", "权力类型"], ["1", "对外贸易经营者备案登记", "行政确认"], ["2", "单用途商业预付卡检查", "行政检查"]]
try XLSXWriter().write([sheet("权责清单", table, merged: ["A2:A3"])], to: folder("xlsx").appendingPathComponent("list.xlsx"))
try XLSXWriter().write([sheet("Sheet1", [["a"]]), sheet("第二页", table)], to: folder("xlsx").appendingPathComponent("two.xlsx"))

// Worksheet XML for the scanner-against-libxml2 harness: plain, prefixed, with references.
let documents = [
    #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n<worksheet xmlns=\"m\"><sheetData>"
        + #"<row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45352</v></c></row>"#
        + #"<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> 事项 </t></is></c></row></sheetData>"#
        + #"<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells></worksheet>"#,
    #"<x:worksheet xmlns:x="m" xmlns:x14ac="n"><x:sheetData><x:row r="1" x14ac:dyDescent="0.25"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"#,
    "<a>&lt;b&gt; &amp; &quot;&apos; &#20107;&#x9879; a>b<b c='d'/></a>",
]
for (index, document) in documents.enumerated() {
    try Data(document.utf8).write(to: folder("xml").appendingPathComponent("sheet\(index).xml"))
}

let xls = XLSTestWorkbook(
    globals: [BIFF.record(0x00FC, BIFF.u32(2) + BIFF.u32(2) + BIFF.u16(4) + [0x01] + BIFF.utf16("权责") + BIFF.u16(2) + [0x00] + Array("ab".utf8)),
              BIFF.format(id: 164, code: "yyyy\"年\"m\"月\""), BIFF.extendedFormat(formatID: 0), BIFF.extendedFormat(formatID: 164)],
    sheets: [.init(name: "清单", records: [BIFF.labelSST(0, 0, 0), BIFF.labelSST(0, 1, 1), BIFF.number(1, 0, 45352, xf: 1),
                                         BIFF.label(2, 0, "子项名称"), BIFF.mergedCells([(1, 2, 0, 0)])])])
try Data(xls.file).write(to: folder("xls").appendingPathComponent("list.xls"))
// Legal-basis cells: every distinct cell holding a 《title》 or 【rank】 in the example region's
// workbooks (the generator's real-looking bases, typos and spacing included), plus the forms
// the parser must read (ranges, 之一, quoted article text).
var bases: Set<String> = [
    "【法律】《中华人民共和国统计法》（1983年12月8日通过，根据2024年9月13日第二次修正）第二十八条第一款第（三）项",
    "1.《中华人民共和国行政许可法》第十四至十七条\n2.【行法规】《娱乐场所管理条例》第三十条、第三十二条",
    "【部令】《某某管理办法》第一百二十条之一：“违反本办法规定的……”",
    "《关于加强某某工作规程的通知》、行政处罚告知书",
]
if CommandLine.arguments.count > 2, let files = FileManager.default.enumerator(atPath: CommandLine.arguments[2]) {
    for case let path as String in files where ["xlsx", "xls", "csv"].contains((path as NSString).pathExtension) {
        guard let workbook = try? Workbook.read(URL(fileURLWithPath: CommandLine.arguments[2]).appendingPathComponent(path)) else { continue }
        for sheet in workbook.sheets {
            for row in sheet.rows {
                for cell in row.cells where cell.value.text.contains("《") || cell.value.text.contains("【") {
                    bases.insert(cell.value.text)
                }
            }
        }
    }
}
for (index, basis) in bases.sorted().prefix(500).enumerated() {
    try Data(basis.utf8).write(to: folder("citation").appendingPathComponent("basis\(index).txt"))
}
print("seeds written to \(output.path) (\(min(bases.count, 500)) legal-basis cells)")
