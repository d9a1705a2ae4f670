import Catalogue
import Foundation
import Publisher

/// The same item pages as Hugo content: front matter plus the fields and citations as a
/// Markdown table and list, so Hugo renders what `Site.build` renders for an item.
enum MarkdownItems {
    static func write(_ content: SiteContent, to site: URL) throws {
        let folder = site.appendingPathComponent("content/items")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for entry in content.items {
            let item = entry.item
            var text = "---\ntitle: \"\(quoted(item.name))\"\nunit: \"\(quoted(item.unit.name))\"\ncategory: \"\(quoted(item.category?.name ?? ""))\"\n---\n\n"
            text += "| 字段 | 内容 |\n|---|---|\n"
            for field in ItemField.allCases {
                if let value = item.fields[field] { text += "| \(field.label) | \(value.replacingOccurrences(of: "|", with: "\\|")) |\n" }
            }
            text += "\n## 法律依据\n\n"
            for citation in item.citations {
                text += "- 《\(citation.title ?? citation.text)》" + citation.articles.map { "第\($0.article)条" }.joined(separator: "、") + "\n"
            }
            text += "\n## 历次调整\n\n" + entry.history.map { "- \($0.revision)：\($0.event)\n" }.joined()
            try Data(text.utf8).write(to: folder.appendingPathComponent("\(item.key.slug).md"))
        }
    }

    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
