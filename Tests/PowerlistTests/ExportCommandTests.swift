import Foundation
import Testing
import ZIPFoundation

@Suite struct ExportCommandTests {
    @Test func csvHasABOMChineseHeadersQuotingAndProvenance() throws {
        let result = try PowerlistCLI.run(["export", "--revision", "2024", "--format", "csv"], in: SeededWorkspace.make())
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\u{FEFF}修订版,单位,层级,序号,事项名称,子项名称,权力类型,实施依据,监督电话,来源文件,来源工作表,来源单元格,清理后名称,权力类型（规范）,类型代码,引用法规\r\n"))
        // Ordered by source path: 乌尔禾镇.xlsx first.
        #expect(result.stdout.contains("\r\n2024,乌尔禾镇人民政府,乡镇,1,农村宅基地审批,,行政许可,,,乌尔禾镇.xlsx,Sheet1,C3,农村宅基地审批,"))
        #expect(result.stdout.contains(#"2024,克拉玛依市商务局,县级,1,对外贸易经营者备案登记,,"行政"# + "\n" + #"确认",,,商务局.xlsx,权责清单,B4"#))
        #expect(result.stdout.contains(#""【法律】《中华人民共和国对外贸易法》第六十一条，""情节严重""的",0990-6888888,商务局.xlsx,权责清单,A5:F7"#))
    }

    @Test func jsonHasStableKeysAndProvenance() throws {
        let folder = try SeededWorkspace.make()
        let output = folder.appendingPathComponent("事项.json")
        let result = try PowerlistCLI.run(["export", "--revision", "2024", "--output", output.path], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("已导出修订版 2024 的 4 项事项（4 条记录）"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        #expect(document["revision"] as? String == "2024")
        let items = try #require(document["items"] as? [[String: Any]])
        #expect(items.count == 4)
        let punished = try #require(items.first { ($0["fields"] as? [String: String])?["subItemName"] != nil })
        #expect((punished["unit"] as? [String: String])?["level"] == "county")
        let provenance = try #require(punished["provenance"] as? [String: Any])
        #expect(provenance["file"] as? String == "商务局.xlsx")
        #expect(provenance["sheet"] as? String == "权责清单")
        #expect(provenance["range"] as? String == "A5:F7")
        #expect(provenance["firstRow"] as? Int == 5)
        #expect((provenance["cells"] as? [String: String])?["name"] == "B5:B7")
        #expect((punished["extraFields"] as? [[String: String]])?.first?["header"] == "监督电话")
    }

    @Test func xlsxNeedsAnOutputFile() throws {
        let result = try PowerlistCLI.run(["export", "--revision", "2024", "--format", "xlsx"], in: SeededWorkspace.make())
        #expect(result.exitCode == 1)
        #expect(result.stderr == "错误：导出 XLSX 时必须用 --output 指定输出文件。\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func xlsxHoldsTheSameTableAsCSV() throws {
        let folder = try SeededWorkspace.make()
        let output = folder.appendingPathComponent("事项.xlsx")
        let result = try PowerlistCLI.run(["export", "--revision", "2024", "-o", output.path], in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let archive = try Archive(url: output, accessMode: .read)
        let entry = try #require(archive["xl/sharedStrings.xml"])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        let strings = String(decoding: data, as: UTF8.self)
        for text in ["来源单元格", "对违法行为的处罚", "乌尔禾镇人民政府", "A5:F7", "0990-6888888"] {
            #expect(strings.contains(text))
        }
        #expect(archive["xl/worksheets/sheet1.xml"] != nil)
    }

    @Test func refusesToOverwriteAnImportedSourceButOverwritesOtherFiles() throws {
        let folder = try SeededWorkspace.make()
        let source = folder.appendingPathComponent("商务局.xlsx")
        try Data("原始文件".utf8).write(to: source)
        let refused = try PowerlistCLI.run(["export", "--revision", "2024", "--output", "商务局.xlsx"], in: folder)
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("它是修订版 2024 已导入的源文件"))
        #expect(try Data(contentsOf: source) == Data("原始文件".utf8))

        let database = try PowerlistCLI.run(["export", "--revision", "2024", "--output", "powerlist.sqlite"], in: folder)
        #expect(database.exitCode == 1)
        #expect(database.stderr.contains("它是工作区的数据库"))

        let other = folder.appendingPathComponent("旧导出.csv")
        try Data("旧".utf8).write(to: other)
        let overwritten = try PowerlistCLI.run(["export", "--revision", "2024", "--output", other.path], in: folder)
        #expect(overwritten.exitCode == 0)
        #expect(try String(contentsOf: other, encoding: .utf8).contains("农村宅基地审批"))
    }

    @Test func reportsAMissingOutputFolder() throws {
        let folder = try SeededWorkspace.make()
        let result = try PowerlistCLI.run(["export", "--revision", "2024", "--output", "无此文件夹/2024.csv"], in: folder)
        #expect(result.exitCode == 1)
        #expect(result.stderr == "错误：输出文件夹 \(folder.standardizedFileURL.path)/无此文件夹 不存在。\n")
    }

    @Test func reportsAnUnknownRevision() throws {
        let result = try PowerlistCLI.run(["export", "--revision", "1999", "--format", "json"], in: SeededWorkspace.make())
        #expect(result.exitCode == 1)
        #expect(result.stderr.hasPrefix("错误：修订版“1999”不存在。"))
    }
}
