import Testing
@testable import Publisher

@Suite("The site's template renderer")
struct CompiledTemplateTests {
    /// Renders `name` from sources given by name.
    private func render(_ name: String, _ sources: [String: String], _ context: TemplateObject) throws -> String {
        var library: [String: [TemplateParser.Syntax]] = [:]
        for (key, text) in sources { library[key] = try TemplateParser.parse(text) }
        return String(decoding: try CompiledTemplate(name, library: library).render(context), as: UTF8.self)
    }

    @Test("Values are escaped unless written {{{raw}}} or {{&raw}}; numbers print; missing values print nothing")
    func variables() throws {
        let context: TemplateObject = ["cell": "<script>alert('x')</script> & \"q\"", "count": 12, "svg": "<svg/>"]
        let text = try render("t", ["t": "{{cell}}|{{count}}|{{{svg}}}|{{& svg}}|{{missing}}|{{! a comment }}"], context)
        #expect(text == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;|12|<svg/>|<svg/>||")
    }

    @Test("Sections repeat lists, enter objects, show on true; inverted sections show on false, empty and missing")
    func sections() throws {
        let context: TemplateObject = [
            "rows": .rows([["name": "甲"], ["name": "乙"]]), "empty": [], "item": ["name": "丙"], "yes": true, "no": false,
            "blank": "", "title": "页",
        ]
        let template = "{{#rows}}[{{name}}{{title}}]{{/rows}}{{#empty}}x{{/empty}}{{#item}}{{name}}{{/item}}"
            + "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}{{^empty}}e{{/empty}}{{^blank}}b{{/blank}}{{^missing}}m{{/missing}}"
            + "{{#item}}{{item.name}}{{/item}}{{#rows}}{{.}}{{/rows}}"
        // A name missing in a row is looked up in the enclosing values (`title`), as mustache does.
        #expect(try render("t", ["t": template], context) == "[甲页][乙页]丙Ynebm丙")
    }

    @Test("A page extends a layout: its blocks replace the layout's, partials are put in place")
    func layouts() throws {
        let sources = [
            "layout": "<title>{{title}}</title>{{$content}}默认{{/content}}{{$scripts}}<s>{{/scripts}}",
            "page": "{{<layout}}{{$content}}<main>{{>rows}}</main>{{/content}}{{/layout}}",
            "rows": "{{#rows}}<li>{{name}}</li>{{/rows}}",
        ]
        let text = try render("page", sources, ["title": "事项", "rows": .rows([["name": "<b>"]])])
        #expect(text == "<title>事项</title><main><li>&lt;b&gt;</li></main><s>")
        #expect(try render("layout", sources, ["title": "首页"]) == "<title>首页</title>默认<s>")
    }

    @Test("A section tag alone on its line takes the line with it")
    func standaloneLines() throws {
        let template = "<ul>\n  {{#rows}}\n<li>{{name}}</li>\n  {{/rows}}\n</ul>\n{{! note }}\nend"
        #expect(try render("t", ["t": template], ["rows": .rows([["name": "a"], ["name": "b"]])]) == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\nend")
    }

    @Test("Template errors name the line and the tag", arguments: [
        ("a\n{{#rows}}x", "第 2 行的 {{rows}} 没有结束标签"),
        ("{{#a}}{{/b}}", "第 1 行的 {{/b}} 没有对应的开始标签"),
        ("x\n\n{{name", "第 3 行的标签没有结束"),
        ("{{=<% %>=}}", "不支持更改分隔符"),
        ("{{>nowhere}}", "引用了不存在的模板 nowhere.mustache"),
        ("{{>t}}", "模板互相引用"),
    ])
    func errors(template: String, message: String) {
        let error = #expect(throws: TemplateError.self) { try render("t", ["t": template], [:]) }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }
}
