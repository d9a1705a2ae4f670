import Foundation
import Testing
import TestSupport

/// `powerlist publish` on the example region (2024 compared with 2023), read as files and
/// as a person's browser shows them.
@Suite("powerlist publish: the example region's site")
struct PublishCommandTests {
    /// The number inside `<td class="num">` after the link named `name` on the home page.
    private func homeCount(_ home: String, _ name: String) -> Int? {
        guard let link = home.range(of: ">\(name)</a></td><td class=\"num\">") else { return nil }
        return Int(home[link.upperBound...].prefix { $0.isNumber })
    }

    /// The text inside the element with `id`.
    private func element(_ page: String, id: String) -> String? {
        guard let start = page.range(of: "id=\"\(id)\">") else { return nil }
        return String(page[start.upperBound...].prefix { $0 != "<" })
    }

    @Test("publish succeeds and says how many items and pages it wrote")
    func succeeds() throws {
        let example = try PublishedExample.get()
        #expect(example.publish.exitCode == 0, "\(example.publish.stderr)")
        #expect(example.publish.stderr.contains("已发布修订版 2024"))
        #expect(example.publish.stderr.contains("个页面"))
    }

    @Test("The home page's totals by level are the manifest's 2024 counts")
    func homeTotals() throws {
        let home = try PublishedExample.get().page("index.html")
        let revision = try ExampleManifest.load().revision("2024")
        #expect(element(home, id: "total-items") == String(revision.items))
        for (key, label) in [("county", "县级"), ("township", "乡镇"), ("village", "村/社区")] {
            #expect(homeCount(home, label) == revision.levels[key]?.items, "\(label)")
        }
        #expect(home.contains("阿克塔什县权责清单"))
        #expect(home.contains("版本 2024"))
    }

    @Test("The home page and a county unit's page show the coverage of the guidance catalogue powerlist.yaml names")
    func guidanceCoverage() throws {
        let example = try PublishedExample.get()
        let home = try example.page("index.html")
        let rate = try #require(element(home, id: "coverage-rate"))
        #expect(rate.hasSuffix("%"))
        let table = try #require(home.range(of: "<table class=\"counts coverage-units\">"))
        let link = try #require(home[table.upperBound...].range(of: #"href="units/[^"]+""#, options: .regularExpression))
        let unit = try example.page(String(home[link].dropFirst(6).dropLast()))
        #expect(unit.contains("id=\"unit-coverage-implemented\""))
        // A unit carries a share of its level's catalogue: the site gives its count, not a rate.
        #expect(!unit.contains("id=\"unit-coverage-rate\""))
        // The guidance items the example's generator left out of every county list are listed as missing.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: ExampleManifest.folder.appendingPathComponent("manifest.json")))
        let notListed = try #require(((manifest as? [String: Any])?["guidance"] as? [String: Any])?["notListedByCounty"] as? [String])
        #expect(!notListed.isEmpty)
        for name in notListed { #expect(unit.contains("<td>\(name)</td>"), "\(name)") }
    }

    @Test("An item page shows its citations with article numbers and the registry's status")
    func itemCitations() throws {
        let example = try PublishedExample.get()
        let pages = try FileManager.default.contentsOfDirectory(atPath: example.site.appendingPathComponent("items").path)
        var cited: String?
        for file in pages.sorted() {
            let page = try example.page("items/" + file)
            if page.contains("class=\"articles\""), page.contains("现行有效") { cited = page; break }
        }
        let page = try #require(cited, "no item page shows a citation in force with its articles")
        #expect(page.range(of: #"<span class="articles">第[0-9一二三四五六七八九十百]+条"#, options: .regularExpression) != nil)
        #expect(page.contains("href=\"../laws/"))
    }

    @Test("The changes page reports the counts before and after, and the reduction")
    func changes() throws {
        let page = try PublishedExample.get().page("changes.html")
        let manifest = try ExampleManifest.load()
        #expect(element(page, id: "old-count") == String(try manifest.revision("2023").items))
        #expect(element(page, id: "new-count") == String(try manifest.revision("2024").items))
        let summary = try #require(element(page, id: "summary-text"))
        #expect(summary.contains("精简") && summary.contains("削减"), "\(summary)")
        #expect(page.contains("取消") && page.contains("新增"))
    }

    @Test("A law page lists the items resting on it, and each links back")
    func lawPage() throws {
        let example = try PublishedExample.get()
        let laws = try FileManager.default.contentsOfDirectory(atPath: example.site.appendingPathComponent("laws").path).sorted()
        let law = try #require(laws.first)
        let page = try example.page("laws/" + law)
        #expect(page.contains("href=\"../items/"))
        let index = try example.page("laws.html")
        #expect(index.contains("laws/\(law)"))
    }

    @Test("The downloads are the files export writes")
    func downloads() throws {
        let example = try PublishedExample.get()
        let folder = example.site.appendingPathComponent("downloads")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["权责清单-2024.csv", "权责清单-2024.json", "权责清单-2024.xlsx"])
        let csv = try PowerlistCLI.run(["export", "--workspace", example.workspace.path, "--revision", "2024", "--format", "csv"])
        #expect(try Data(contentsOf: folder.appendingPathComponent("权责清单-2024.csv")) == Data(csv.stdout.utf8))
    }

    @Test("Publishing again into the same folder gives the same bytes; a foreign folder is refused in Chinese")
    func republish() throws {
        let example = try PublishedExample.get()
        let before = try example.page("index.html")
        // Into a copy of the site: the other tests of this suite read the shared one meanwhile.
        let copy = try SeededWorkspace.temporaryFolder().appendingPathComponent("site")
        try FileManager.default.copyItem(at: example.site, to: copy)
        let again = try PowerlistCLI.run(["publish", "--workspace", example.workspace.path, "--revision", "2024", "--compare", "2023",
                                          "--out", copy.path])
        #expect(again.exitCode == 0)
        #expect(try String(contentsOf: copy.appendingPathComponent("index.html"), encoding: .utf8) == before)
        let foreign = try SeededWorkspace.temporaryFolder()
        try Data("x".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        let refused = try PowerlistCLI.run(["publish", "--workspace", example.workspace.path, "--out", foreign.path])
        #expect(refused.exitCode != 0)
        #expect(refused.stderr.contains("不是空的"))
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("notes.txt").path))
    }

    @Test("In a browser, a search for an item's name finds that item first",
          .enabled(if: HeadlessBrowser.path != nil, "chromium 未安装，跳过浏览器测试"))
    func search() throws {
        let example = try PublishedExample.get()
        let names = example.items.compactMap { ($0["fields"] as? [String: String])?["name"] }
        let counts = Dictionary(names.map { ($0, 1) }, uniquingKeysWith: +)
        let name = try #require(names.first { $0.count >= 8 && counts[$0] == 1 })
        let query = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let page = try HeadlessBrowser.dom(example.site.appendingPathComponent("search.html"), query: "?q=\(query)")
        let results = try #require(page.range(of: "id=\"search-results\""))
        let firstResult = page[results.upperBound...].prefix(600)
        #expect(firstResult.contains(name), "\(firstResult)")
        #expect(page.contains("找到 "))
    }

    @Test("In a browser, the home page shows the totals; a screenshot is kept for the docs",
          .enabled(if: HeadlessBrowser.path != nil, "chromium 未安装，跳过浏览器测试"))
    func homeInBrowser() throws {
        let example = try PublishedExample.get()
        let home = try HeadlessBrowser.dom(example.site.appendingPathComponent("index.html"))
        #expect(home.contains("<html lang=\"zh-CN\""))
        #expect(element(home, id: "total-items") == String(try ExampleManifest.load().revision("2024").items))
        try HeadlessBrowser.screenshot(example.site.appendingPathComponent("index.html"),
                                       to: FileManager.default.temporaryDirectory.appendingPathComponent("powerlist-site-home.png"),
                                       height: 1100)
    }
}
