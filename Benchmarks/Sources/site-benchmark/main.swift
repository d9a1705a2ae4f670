import Catalogue
import Foundation
import Publisher

// Times `Site.build` on a synthetic catalogue, and writes the same item pages as Markdown
// for Hugo (Benchmarks/site-vs-hugo.sh runs both).
//
//   site-benchmark build ITEMS OUTPUT [TEMPLATES]
//   site-benchmark markdown ITEMS HUGO-SITE-FOLDER
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 3, let count = Int(arguments[arguments.startIndex + 1]) else {
    print("用法：site-benchmark build|markdown 事项数 输出文件夹 [模板文件夹]")
    exit(2)
}
let mode = arguments.first!
let output = URL(fileURLWithPath: arguments[arguments.startIndex + 2])
let started = Date()
let content = SyntheticCatalogue.content(items: count)
let generated = Date()

switch mode {
case "build":
    let folder = arguments.count > 3 ? URL(fileURLWithPath: arguments[arguments.startIndex + 3]) : SiteTemplates.builtInFolder()!
    do {
        let templates = try SiteTemplates(defaults: folder)
        let pages = try Site.build(content: content, templates: templates, output: output).pageCount
        let seconds = Date().timeIntervalSince(generated)
        print(String(format: "powerlist: %d items, %d pages in %.2f s (%.0f pages/s; generating the content took %.2f s)",
                     count, pages, seconds, Double(pages) / seconds, generated.timeIntervalSince(started)))
    } catch {
        print("错误：\(error)")
        exit(1)
    }
case "markdown":
    try MarkdownItems.write(content, to: output)
    print("wrote \(count) Markdown item pages to \(output.path)/content/items")
default:
    print("未知模式：\(mode)")
    exit(2)
}
