import Foundation
import Testing
@testable import Sheets

/// Damaged input becomes a `SheetsError` that names the file, the part and the sheet: never a crash.
@Suite struct XLSXErrorTests {
    typealias Fixture = XLSXFixture

    @Test func malformedSheetXMLNamesThePartLineAndSheet() throws {
        let url = try Fixture.package(Fixture.workbookParts([
            .init(name: "行政许可（3项）", rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></row>\n"),
        ]))
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(Fixture.readError(url))
        #expect(error.sheet == "行政许可（3项）")
        guard case .malformedXML(let part, let line, let detail) = error.reason else {
            Issue.record("expected malformedXML, got \(error.reason)")
            return
        }
        #expect(part == "xl/worksheets/sheet1.xml")
        #expect(line >= 1)
        #expect(!detail.isEmpty)
        #expect(error.description.contains(url.path))
        #expect(error.description.contains("行政许可（3项）"))
        #expect(error.description.contains("xl/worksheets/sheet1.xml"))
    }

    @Test func aTruncatedArchiveIsReportedAsCorrupt() throws {
        let url = try Fixture.package(Fixture.workbookParts([.init(name: "S", rows: #"<row r="1"><c r="A1"><v>1</v></c></row>"#)]))
        defer { try? FileManager.default.removeItem(at: url) }
        let data = try Data(contentsOf: url)
        // Every cut keeps the ZIP signature (so it is sniffed as XLSX) but loses the central directory.
        for length in stride(from: 4, to: data.count, by: 97) {
            try data.prefix(length).write(to: url)
            let error = try #require(Fixture.readError(url), "a file cut at \(length) bytes must not read")
            guard case .corruptArchive = error.reason else {
                Issue.record("cut at \(length): expected corruptArchive, got \(error.reason)")
                continue
            }
        }
    }

    @Test func aZipThatIsNotAWorkbookLacksTheWorkbookPart() throws {
        let url = try Fixture.package(["readme.txt": "这不是工作簿"])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(Fixture.readError(url)?.reason == .missingPart("xl/workbook.xml"))
    }

    @Test func aMissingWorksheetPartNamesTheSheet() throws {
        var parts = Fixture.workbookParts([.init(name: "丢失", rows: "")])
        parts["xl/worksheets/sheet1.xml"] = nil
        let url = try Fixture.package(parts)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(Fixture.readError(url))
        #expect(error.sheet == "丢失")
        #expect(error.reason == .missingPart("xl/worksheets/sheet1.xml"))
    }

    @Test func damagedCompressedDataIsAnErrorNotACrash() throws {
        let rows = (1...200).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        let url = try Fixture.package(Fixture.workbookParts([.init(name: "S", rows: rows)]))
        defer { try? FileManager.default.removeItem(at: url) }
        var data = try Data(contentsOf: url)
        // Overwrite bytes inside the first entries' compressed data, keeping the central directory.
        for offset in stride(from: 60, to: data.count / 2, by: 5) { data[offset] ^= 0x5A }
        try data.write(to: url)
        do {
            _ = try Workbook.read(url)
        } catch {
            #expect(!error.description.isEmpty)
        }
    }
}

@Suite struct XLSXHostileXMLTests {
    @Test func entitiesDeclaredInADTDAreNeverExpanded() throws {
        let sheetXML = """
            <?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/hostname">\
            <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\
            <worksheet xmlns="\(XLSXFixture.main)"><sheetData><row r="1">\
            <c r="A1" t="inlineStr"><is><t>&secret;</t></is></c><c r="B1" t="inlineStr"><is><t>&b;</t></is></c>\
            </row></sheetData></worksheet>
            """
        var parts = XLSXFixture.workbookParts([.init(name: "S", rows: "")])
        parts["xl/worksheets/sheet1.xml"] = sheetXML
        let url = try XLSXFixture.package(parts)
        defer { try? FileManager.default.removeItem(at: url) }
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8)) ?? "\u{0}"
        if let workbook = try? Workbook.read(url) {
            let texts = workbook.sheets.flatMap(\.rows).flatMap(\.cells).map(\.value.text)
            #expect(!texts.contains { $0.contains(hostname.trimmingCharacters(in: .whitespacesAndNewlines)) })
            #expect(!texts.contains { $0.contains("aaaaaaaaaa") })
        }
    }
}
