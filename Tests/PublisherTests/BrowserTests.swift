import Catalogue
import Foundation
import Testing
@testable import Publisher
import TestSupport

/// What a person sees in a real browser, opening the site from `file://`.
@Suite("The site in a browser", .enabled(if: HeadlessBrowser.path != nil, "chromium 未安装，跳过浏览器测试（apt-get install chromium）"),
       .serialized)
struct BrowserTests {
    static let site = Result { try SampleSite.build() }

    func dom(_ path: String, query: String = "") throws -> String {
        try HeadlessBrowser.dom(Self.site.get().appendingPathComponent(path), query: query)
    }

    @Test("The home page shows the totals")
    func home() throws {
        let page = try dom("index.html")
        #expect(page.contains("<dd id=\"total-items\">6</dd>"))
        #expect(page.contains("<dd id=\"total-units\">3</dd>"))
        #expect(page.contains("<dd id=\"total-laws\">2</dd>"))
        #expect(page.contains("精简2项，削减25.0%"))
    }

    @Test("The home page and each unit page show the unit's coverage of the guidance catalogue, and the missing items")
    func coverage() throws {
        let home = try dom("index.html")
        #expect(home.contains("<strong id=\"coverage-rate\">75.0%</strong>"))
        let unitPath = "units/\(SiteModel.slug("某县统计局")).html"
        // Per unit the items it carries, linked to its page, never its share of the whole catalogue.
        #expect(home.contains("某县统计局</a></td><td>县级</td><td class=\"num\"><a href=\"\(unitPath)#coverage-h\">2</a></td></tr>"))
        #expect(!home.contains("50.0%"))
        let unit = try dom(unitPath)
        #expect(unit.contains("《某地区指导目录.xlsx》县级事项共 4 项，本单位承接其中 <strong id=\"unit-coverage-implemented\">2</strong> 项"))
        #expect(!unit.contains("50.0%"))
        let local = SampleSite.content.items[1].item
        #expect(unit.contains("<td>对统计违法行为的处罚</td><td>行政处罚</td><td><a href=\"../items/\(local.key.slug).html\">\(local.name)</a></td><td>有差异</td>"))
        // The missing guidance item is listed as text, its markup shown, never applied.
        #expect(unit.contains("缺项 1 项"))
        #expect(unit.contains("<td>&lt;b&gt;统计调查项目审批&lt;/b&gt;</td>"))
        // A unit the catalogue says nothing about (a township, the guidance is the county's) shows no coverage.
        #expect(!(try dom("units/\(SiteModel.slug("某某镇")).html")).contains("对照指导目录"))
    }

    @Test("A unit page lists its items by category, with codes and counts")
    func unit() throws {
        let page = try dom("units/\(SiteModel.slug("某县统计局")).html")
        #expect(page.contains("某县统计局"))
        #expect(page.contains("行政许可 <span class=\"code\">XK</span>"))
        #expect(page.contains("涉外调查机构资格认定"))
        #expect(page.contains("650200207XK00100"))
    }

    @Test("An item page shows its citations with their status")
    func item() throws {
        let key = SampleSite.content.items[3].item.key
        let page = try dom("items/\(key.slug).html")
        #expect(page.contains("食品经营许可证核发"))
        #expect(page.contains("《中华人民共和国行政许可法》"))
        #expect(page.contains("第12条"))
        #expect(page.contains("现行有效"))
        #expect(page.contains("查看本次调整说明"))
    }

    @Test("A search for 许可 returns name matches first, then the basis match, then the body match, and nothing else")
    func search() throws {
        let page = try dom("search.html", query: "?q=%E8%AE%B8%E5%8F%AF")
        #expect(page.contains("找到 4 个事项"))
        // Two names, one legal basis (行政许可相关规定), one category (行政许可) in the body.
        let names = ["对未取得许可从事经营的处罚", "食品经营许可（食品经营许可证核发）", "对拒绝提供统计资料的处罚", "涉外调查机构资格认定"]
        let positions = names.map { page.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(!page.contains("统计执法检查"))
        // A filter narrows the results.
        let filtered = try dom("search.html", query: "?q=%E8%AE%B8%E5%8F%AF&category=%E8%A1%8C%E6%94%BF%E5%A4%84%E7%BD%9A")
        #expect(filtered.contains("找到 2 个事项"))
        #expect(!filtered.contains("食品经营许可（"))
    }

    @Test("A law page lists the items resting on it, by article")
    func law() throws {
        let model = SiteModel(content: SampleSite.content)
        let law = model.laws.first { $0.title == "中华人民共和国统计法" }!
        let page = try dom("laws/\(law.slug).html")
        #expect(page.contains("《中华人民共和国统计法》"))
        #expect(page.contains("<strong class=\"count\">3</strong>"))
        let articles = ["第26条", "第35条", "第41条"].map { page.range(of: $0)?.lowerBound }
        #expect(articles.allSatisfy { $0 != nil })
        #expect(articles.compactMap { $0 } == articles.compactMap { $0 }.sorted())
    }

    @Test("The changes page shows the figures as reported and links the merged item")
    func changes() throws {
        let page = try dom("changes.html")
        #expect(page.contains("<dd id=\"old-count\">8</dd>"))
        #expect(page.contains("<dd id=\"new-count\">6</dd>"))
        #expect(page.contains("<dd id=\"reduction\">2</dd>"))
        #expect(page.contains("已取消的备案"))
        #expect(page.contains("href=\"items/\(SampleSite.content.items[3].item.key.slug).html\""))
    }

    @Test("A planted script cell neither runs nor disappears, on its page and in search")
    func hostileCell() throws {
        let key = SampleSite.content.items[5].item.key
        let page = try dom("items/\(key.slug).html")
        #expect(!page.contains("<title>pwned"))
        #expect(page.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;恶意事项"))
        #expect(page.contains("\"&gt;&lt;img src=x onerror=\"document.title='pwned2'\"&gt;"))
        #expect(!page.contains("<img src=\"x\""))
        #expect(!page.contains("href=\"javascript:"))
        let search = try dom("search.html", query: "?q=%E6%81%B6%E6%84%8F")
        #expect(search.contains("找到 1 个事项"))
        #expect(search.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;恶意事项"))
        #expect(!search.contains("<title>pwned"))
    }
}
