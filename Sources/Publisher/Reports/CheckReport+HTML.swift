import Catalogue

extension CheckReport {
    /// A self-contained page (inline style, no script, no network): totals, then one section per
    /// unit, each finding with its item, place, the problem, the rule and a one-line fix.
    public func html() -> String {
        var page = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(title))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <h1>\(Self.escape(title))</h1>
        <p class="totals">共 \(findings.count) 条：<span class="error">错误 \(count(.error))</span>
        <span class="warning">警告 \(count(.warning))</span> <span class="info">提示 \(count(.info))</span></p>

        """
        if findings.isEmpty { page += "<p>没有发现问题。</p>\n" }
        for group in byUnit {
            let errors = group.indices.count { findings[$0].severity == .error }
            page += "<section>\n<h2>\(Self.escape(group.unit)) <small>\(group.indices.count) 条，其中错误 \(errors) 条</small></h2>\n"
            page += "<table>\n<thead><tr><th>程度</th><th>事项</th><th>位置</th><th>问题</th><th>规则</th><th>修改建议</th></tr></thead>\n<tbody>\n"
            for index in group.indices { page += row(self[index]) }
            page += "</tbody>\n</table>\n</section>\n"
        }
        return page + "</body>\n</html>\n"
    }

    private func row(_ entry: Entry) -> String {
        let severity = entry.finding.severity
        let field = entry.finding.field.map { "（\($0.label)）" } ?? ""
        return "<tr class=\"\(severity.rawValue)\"><td class=\"severity\">\(severity.label)</td>"
            + "<td>\(Self.escape(entry.itemName))</td>"
            + "<td class=\"place\">\(Self.escape(entry.place))\(Self.escape(field))</td>"
            + "<td>\(Self.escape(entry.finding.message))</td>"
            + "<td class=\"rule\">\(Self.escape(entry.rule))</td>"
            + "<td>\(Self.escape(entry.fix))</td></tr>\n"
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "<br>"
            default: result.append(character)
            }
        }
        return result
    }

    private static let style = """
    body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
    h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:2px solid #ccc}h2 small{font-weight:normal;color:#666}
    table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}
    th{background:#f4f4f4}.place{white-space:nowrap;font-size:.9em;color:#555}.rule{font-size:.9em;color:#555}
    .severity{white-space:nowrap;font-weight:bold}tr.error .severity,.totals .error{color:#b00020}
    tr.warning .severity,.totals .warning{color:#a05a00}tr.info .severity,.totals .info{color:#0b5394}
    @media print{body{margin:0}}
    """
}
