import Foundation
import Mustache
import Testing
@testable import Publisher

/// The site renders with its own compiled renderer (`CompiledTemplate`, for speed: see
/// BENCHMARKS.md "Publishing the site"). These tests hold it to the maintained engine it
/// replaced: every page of a sample site, rendered by swift-mustache from the same
/// `Templates/site` files and the same values, must come out the same, line for line.
@Suite("The compiled renderer against swift-mustache")
struct TemplateConformanceTests {
    private static func reference() async throws -> MustacheLibrary {
        try await MustacheLibrary(directory: SampleSite.templatesFolder.path)
    }

    /// A typed template value as the `[String: Any]` world of swift-mustache sees it.
    private static func plain(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let list): list.map(plain)
        case .object(let object): object.mapValues(plain)
        }
    }

    private func pages() throws -> (SiteTemplates, [(String, SitePageKind, TemplateObject)]) {
        let templates = try SiteTemplates(defaults: SampleSite.templatesFolder)
        let model = SiteModel(content: SampleSite.content)
        let pages = SitePages(model: model, templates: templates, logo: nil, downloads: [])
        let context = PageContext(model: model, hasLogo: nil)
        let items = model.items.map { ("items/\($0.item.key.slug).html", SitePageKind.item, ItemPage(model: model, context: context).values($0)) }
        return (templates, pages.otherPages().map { ($0.path, $0.kind, $0.values()) } + items)
    }

    /// The text's lines without the blank ones: the engines differ only in whether a line
    /// holding two inheritance tags (`{{<layout}}{{$content}}`) keeps its line break, which the
    /// mustache spec's optional inheritance module leaves open and HTML ignores.
    private static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
    }

    @Test("Every page of the sample site renders as swift-mustache renders it, line for line")
    func everyPageMatches() async throws {
        let library = try await Self.reference()
        let (templates, pages) = try pages()
        #expect(pages.count > 10)
        for (path, kind, values) in pages {
            let ours = String(decoding: templates.render(kind, values), as: UTF8.self)
            let theirs = try #require(library.render(Self.plain(.object(values)), withTemplate: kind.rawValue), "\(kind)")
            #expect(Self.lines(ours) == Self.lines(theirs), "\(path) differs from swift-mustache")
        }
    }

    @Test("Hostile cells are escaped the same way by both")
    func escapingMatches() async throws {
        let text = "<script>alert('x')</script> & \"q\" javascript:"
        var library: [String: [TemplateParser.Syntax]] = [:]
        library["t"] = try TemplateParser.parse("<p title=\"{{v}}\">{{v}}</p>{{#rows}}<i>{{.}}</i>{{/rows}}")
        let ours = CompiledTemplate.self
        let rendered = try ours.init("t", library: library).render(["v": .text(text), "rows": [.text(text)]])
        let reference = try MustacheTemplate(string: "<p title=\"{{v}}\">{{v}}</p>{{#rows}}<i>{{.}}</i>{{/rows}}")
            .render(["v": text, "rows": [text]] as [String: Any])
        #expect(String(decoding: rendered, as: UTF8.self) == reference)
    }
}
