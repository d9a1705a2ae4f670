import Catalogue

/// A cited article must exist in the cited version: beyond its last article (第九十条 of a law
/// of 83 articles) is an error; an article found only in an older version (renumbered by a
/// revision) is a warning naming both versions. Gaps inside a version's numbering are not
/// reported: the registry's numbering of some local regulations is incomplete.
struct ArticleRangeCheck: BasisCheck {
    func drafts(_ citations: [Citation], in context: CheckContext) -> [FindingDraft] {
        var findings: [FindingDraft] = []
        for citation in citations {
            guard let reference = citation.resolution.reference,
                  let entry = context.schemas.registry.entry(key: reference.key),
                  let version = entry.versions.last(where: { $0.date == (reference.versionDate ?? "") }) ?? entry.versions.last,
                  let last = version.articles.last else { continue }
            var seen = Set<ArticleReference>()
            for article in citation.articles where seen.insert(ArticleReference(article: article.article, suffix: article.suffix)).inserted {
                if version.articles.contains(article) { continue }
                let older = entry.versions.prefix { $0 != version }.last { $0.articles.contains(article) }
                if let older {
                    findings.append(FindingDraft(.articleRenumbered, .warning,
                        "《\(entry.title)》\(Self.name(article))只见于\(older.label)，引用的\(version.label)中已无此条（修订后条文序号可能已变），请核对条文序号",
                        field: .basis))
                } else if article.article > last {
                    findings.append(FindingDraft(.articleOutOfRange, .error,
                        "《\(entry.title)》\(version.label)共\(last)条，引用的\(Self.name(article))不存在", field: .basis))
                }
            }
        }
        return findings
    }

    /// `第九十条`, `第一百二十条之一`, written with Arabic numerals for clarity: `第90条`.
    static func name(_ article: ArticleReference) -> String {
        "第\(article.article)条" + (article.suffix.map { "之\($0)" } ?? "")
    }
}
