import Catalogue
import Foundation
import Testing
@testable import Publisher

@Suite("Building the site")
struct SiteBuildTests {
    @Test("Every page the issue lists is written, with relative links only")
    func pages() throws {
        let root = try SampleSite.build()
        let model = SiteModel(content: SampleSite.content)
        var expected = ["index.html", "units.html", "laws.html", "search.html", "downloads.html", "changes.html",
                        "assets/site.css", "assets/search.js", "search/meta.js", "search/i-0.js", "search/d-0.js"]
        expected += model.items.map { "items/\($0.item.key.slug).html" }
        expected += model.units.map { "units/\($0.slug).html" } + model.categories.map { "categories/\($0.slug).html" }
        expected += model.levels.map { "levels/\($0.slug).html" } + model.laws.map { "laws/\($0.slug).html" }
        for path in expected {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(path)")
        }
        // No findings page on a public site.
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("findings.html").path))
        let home = try SampleSite.page(root, "index.html")
        #expect(home.contains("lang=\"zh-CN\""))
        #expect(!home.contains("http://") && !home.contains("https://") || home.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!home.contains("src=\"//") && !home.contains("href=\"/"))
    }

    @Test("An item page shows its fields, its citations with article and status, its source and the feedback channel")
    func itemPage() throws {
        let root = try SampleSite.build()
        let item = SampleSite.content.items[0].item
        let page = try SampleSite.page(root, "items/\(item.key.slug).html")
        #expect(page.contains("涉外调查机构资格认定"))
        #expect(page.contains("《中华人民共和国统计法》"))
        #expect(page.contains("第26条"))
        #expect(page.contains("现行有效"))
        #expect(page.contains("某县统计局.xlsx"))
        #expect(page.contains("0990-12345"))
        #expect(page.contains("2024-06-30"))
        #expect(page.contains("href=\"../laws/"))
    }

    @Test("Values from a spreadsheet are escaped wherever they land, and a javascript: address is never a link")
    func escaping() throws {
        let root = try SampleSite.build()
        let hostile = SampleSite.content.items[5].item
        let page = try SampleSite.page(root, "items/\(hostile.key.slug).html")
        #expect(!page.contains("<script>document"))
        #expect(page.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;恶意事项"))
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("&quot;&gt;&lt;img src=x onerror="))
        #expect(!page.contains("href=\"javascript:"))
        #expect(page.contains("javascript:alert(1)"))
        let unitPage = try SampleSite.page(root, "units/\(SiteModel.slug("某某镇")).html")
        #expect(!unitPage.contains("<script>document"))
    }

    @Test("The same content gives the same bytes")
    func deterministic() throws {
        let first = try SampleSite.build(), second = try SampleSite.build()
        #expect(try digest(first) == digest(second))
    }

    @Test("Records sharing a key share a page: the last one's, in the published order, every time")
    func sharedKeysGiveTheLastRecordsPage() throws {
        var content = SampleSite.content
        let unit = AdminUnit(name: "某县统计局", level: .county), check = CategoryRef(name: "行政检查", code: "JC")
        // Many copies across the parallel chunks, serials in the published order; only the notes differ.
        content.items += (1...600).map { serial in
            SampleSite.item(unit, 100 + serial, "重复的事项", category: check, basis: "", citations: [], extra: [.remarks: "第\(serial)份"])
        }
        let slug = ItemKey(unit: unit.name, name: "重复的事项", subItem: nil).slug
        for _ in 0..<3 {
            let root = try SampleSite.build(content)
            defer { try? FileManager.default.removeItem(at: root) }
            let page = try SampleSite.page(root, "items/\(slug).html")
            #expect(page.contains("第600份") && !page.contains("第599份"))
        }
    }

    @Test("A workspace template replaces the default of the same name only")
    func overrides() throws {
        let overrides = FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: overrides.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try "{{<layout}}{{$content}}<p id=\"own\">本县自定义首页 {{itemCount}}</p>{{/content}}{{/layout}}"
            .write(to: overrides.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
        try ":root { --brand: #123456; }".write(to: overrides.appendingPathComponent("assets/site.css"), atomically: true, encoding: .utf8)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-site-\(UUID().uuidString)")
        try Site.build(content: SampleSite.content, templates: SiteTemplates(defaults: SampleSite.templatesFolder, overrides: overrides), output: output)
        let home = try SampleSite.page(output, "index.html")
        #expect(home.contains("本县自定义首页 6"))
        #expect(home.contains("class=\"site-header\""))   // the default layout still wraps it
        #expect(try SampleSite.page(output, "assets/site.css") == ":root { --brand: #123456; }")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/search.js").path))
    }

    @Test("A folder that is not an earlier site is never emptied")
    func refusesForeignFolder() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "mine".write(to: output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: SiteError.outputNotEmpty(output.path)) {
            try Site.build(content: SampleSite.content, templates: SiteTemplates(defaults: SampleSite.templatesFolder), output: output)
        }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("notes.txt").path))
        // An earlier site there is replaced.
        let site = try SampleSite.build()
        try Site.build(content: SampleSite.content, templates: SiteTemplates(defaults: SampleSite.templatesFolder), output: site)
    }

    @Test("Downloads started before the build land in the site, and nothing is left beside it")
    func stagedDownloads() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-staged-\(UUID().uuidString)")
        let output = parent.appendingPathComponent("site")
        let files = [Site.Download(fileName: "清单.csv", label: "CSV 表格", data: Data("a,b\n".utf8))]
        let templates = try SiteTemplates(defaults: SampleSite.templatesFolder)
        let staging = try #require(try SiteStaging.beside(output))
        try Site.build(content: SampleSite.content, templates: templates,
                       downloads: PendingDownloads(writing: files, into: staging.folder), staging: staging)
        #expect(try String(contentsOf: output.appendingPathComponent("downloads/清单.csv"), encoding: .utf8) == "a,b\n")
        #expect(try SampleSite.page(output, "downloads.html").contains("清单.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
        // A folder of the user's is refused before anything is written, and kept.
        let foreign = parent.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try "mine".write(to: foreign.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: SiteError.outputNotEmpty(foreign.path)) { try SiteStaging.beside(foreign) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path) == ["notes.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["mine", "site"])
    }

    @Test("A re-publish that fails leaves the earlier site as it was")
    func failedRebuildKeepsSite() throws {
        let site = try SampleSite.build()
        let home = try SampleSite.page(site, "index.html")
        var content = SampleSite.content
        content.logoPath = "/nonexistent/logo.bmp"
        let templates = try SiteTemplates(defaults: SampleSite.templatesFolder)
        #expect(throws: SiteError.unsupportedLogo("/nonexistent/logo.bmp")) {
            try Site.build(content: content, templates: templates, output: site)
        }
        #expect(try SampleSite.page(site, "index.html") == home)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.deletingLastPathComponent().path)
        #expect(!beside.contains { $0.hasPrefix(".\(site.lastPathComponent).") })
    }

    @Test("A build replaces the earlier site whole and clears what a stopped build left beside it")
    func replacesWhole() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-replace-\(UUID().uuidString)")
        let output = parent.appendingPathComponent("site")
        let templates = try SiteTemplates(defaults: SampleSite.templatesFolder)
        try Site.build(content: SampleSite.content, templates: templates, output: output)
        try "old".write(to: output.appendingPathComponent("stale.html"), atomically: true, encoding: .utf8)
        let stopped = parent.appendingPathComponent(".site.building-1234")
        try FileManager.default.createDirectory(at: stopped, withIntermediateDirectories: true)
        try Site.build(content: SampleSite.content, templates: templates, output: output)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    }

    @Test("A file where the site should go is refused and kept")
    func refusesFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-file-\(UUID().uuidString)")
        try "mine".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: SiteError.outputIsFile(file.path)) {
            try Site.build(content: SampleSite.content, templates: SiteTemplates(defaults: SampleSite.templatesFolder), output: file)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine")
    }

    @Test("An internal site has a findings page linked to the items")
    func findings() throws {
        var content = SampleSite.content
        let key = content.items[1].item.key
        content.findings = [Finding(code: .missingBasis, severity: .error, message: "缺少实施依据<b>",
                                    location: Location(file: "a.xlsx", sheet: "Sheet1", cell: "F4"), item: key)]
        let root = try SampleSite.build(content)
        let page = try SampleSite.page(root, "findings.html")
        #expect(page.contains("缺少实施依据&lt;b&gt;"))
        #expect(page.contains("items/\(key.slug).html"))
    }

    @Test("Downloads are copied and listed, with names that cannot leave the folder")
    func downloads() throws {
        let root = try SampleSite.build(downloads: [Site.Download(fileName: "../2024年清单.csv", label: "CSV 表格", data: Data("a,b\n".utf8))])
        let page = try SampleSite.page(root, "downloads.html")
        #expect(page.contains("CSV 表格"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("downloads/_.._2024年清单.csv").path))
    }

    /// Downloads are written on their own thread while the pages are rendered: a download that
    /// fails still fails the build, with the file it was writing named.
    @Test func aFailingDownloadFailsTheBuild() {
        struct Refused: Error, CustomStringConvertible { var description: String { "磁盘已满" } }
        let failing = Site.Download(fileName: "清单.json", label: "JSON") { _ in throw Refused() }
        #expect {
            try SampleSite.build(downloads: [failing])
        } throws: { error in
            guard case .writeFailed(let path, let reason)? = error as? SiteError else { return false }
            return path.hasSuffix("downloads/清单.json") && reason == "磁盘已满"
        }
    }

    private func digest(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)!
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
               !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) }
        }
        return files
    }
}

@Suite("Charts and the page model")
struct PageModelTests {
    @Test("Bars are proportional to their values and labels are escaped")
    func chart() {
        let svg = BarChart(title: "各类型", bars: [BarChart.Bar(label: "<b>许可</b>", value: 10, link: nil),
                                                  BarChart.Bar(label: "处罚", value: 5, link: "categories/x.html")]).svg
        #expect(svg.contains("&lt;b&gt;许可&lt;/b&gt;"))
        let span = BarChart.width - BarChart.labelWidth - BarChart.valueWidth
        #expect(svg.contains("width=\"\(span)\""))
        #expect(svg.contains("width=\"\(span / 2)\""))
        #expect(svg.contains("<a href=\"categories/x.html\">"))
    }

    @Test("Items are grouped by unit, category and level, and laws list their items by article")
    func groups() {
        let model = SiteModel(content: SampleSite.content)
        #expect(model.units.map(\.name) == ["某县市场监督管理局", "某县统计局", "某某镇"])
        #expect(model.levels.map(\.name) == [Level.county.label, Level.township.label])
        #expect(model.categories.map(\.name) == ["行政处罚", "行政检查", "行政许可"])
        let statistics = model.laws.first { $0.title == "中华人民共和国统计法" }!
        #expect(statistics.itemCount == 3)
        #expect(statistics.articles.map { $0.article?.article } == [26, 35, 41])
    }
}
