import Catalogue
import Foundation

extension ReconcileReport {
    /// One offline page (no script): the totals, a table of units, then a table per kind.
    public static func html(_ result: Reconciliation, untraced: [LevelTrace.Untraced] = [], title: String = "权责清单对照报告") -> String {
        var body = "<h1>\(escape(title))</h1>\n<p>指导目录事项 \(result.guidanceTotal) 项，已对应 \(result.count(.matched)) 项，"
            + "有差异 \(result.count(.differs)) 项，缺项 \(result.count(.missing)) 项，超出目录 \(result.count(.extra)) 项，"
            + "覆盖率 <strong>\(percent(result.coverageRate))</strong>。</p>\n"
        body += "<h2>各单位覆盖情况</h2>\n" + table(["单位", "层级", "对应指导目录事项", "有差异", "超出目录", "覆盖率"],
            result.units.map { [$0.unit, $0.level.label, "\($0.implemented)/\($0.guidanceTotal)", "\($0.differs)", "\($0.extra)", percent($0.rate)] })
        for kind in [ReconcileKind.missing, .differs, .extra, .unclaimed, .otherName, .matched] {
            let rows = result.entries.filter { $0.kind == kind }.map(row)
            body += "<h2>\(kind.label)（\(rows.count) 项）</h2>\n" + (rows.isEmpty ? "<p>无。</p>\n" : table(headers, rows))
        }
        if !untraced.isEmpty {
            body += "<h2>找不到上级权力的事项（\(untraced.count) 项）</h2>\n"
                + table(["单位", "层级", "事项", "权力类型"], untraced.map { [$0.unit.name, $0.unit.level.label, $0.name, $0.category ?? ""] })
        }
        return """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}
        td,th{border:1px solid #999;padding:4px 8px;vertical-align:top;white-space:pre-line}th{background:#eee}</style>
        </head><body>
        \(body)</body></html>
        """
    }

    static func table(_ headers: [String], _ rows: [[String]]) -> String {
        "<table><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
            + rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }.joined() + "</table>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
