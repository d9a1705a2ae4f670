import Catalogue

extension CheckReport {
    /// A self-contained page (inline style, no script, no network): totals, then one section per
    /// unit, each finding with its item, place, the problem, the rule and a one-line fix.
    public func html() -> String {
        let stream = ReportStream()
        try? writeHTML(to: stream)
        return String(decoding: stream.bytes, as: UTF8.self)
    }

    /// Writes `html()` row by row: built whole, the page of a 200,000-item check was a
    /// `String` of half a gigabyte, then copied once more into `Data`.
    public func writeHTML(to stream: ReportStream) throws {
        try stream.write("""
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

            """)
        if findings.isEmpty { try stream.write("<p>没有发现问题。</p>\n") }
        var places = PlaceText()
        for group in byUnit {
            let errors = group.indices.count { findings[$0].severity == .error }
            try stream.write("<section>\n<h2>\(Self.escape(group.unit)) <small>\(group.indices.count) 条，其中错误 \(errors) 条</small></h2>\n")
            try stream.write("<table>\n<thead><tr><th>程度</th><th>事项</th><th>位置</th><th>问题</th><th>规则</th><th>修改建议</th></tr></thead>\n<tbody>\n")
            for index in group.indices { try row(self[index], places: &places, to: stream) }
            try stream.write("</tbody>\n</table>\n</section>\n")
        }
        try stream.write("</body>\n</html>\n")
    }

    private func row(_ entry: Entry, places: inout PlaceText, to stream: ReportStream) throws {
        let severity = entry.finding.severity
        try stream.write("<tr class=\"\(severity.rawValue)\"><td class=\"severity\">\(severity.label)</td><td>")
        try Self.escape(entry.itemName, to: stream)
        try stream.write("</td><td class=\"place\">")
        try Self.escape(places.text(of: entry.finding.location), to: stream)
        if let field = entry.finding.field { try Self.escape("（\(field.label)）", to: stream) }
        try stream.write("</td><td>")
        try Self.escape(entry.finding.message, to: stream)
        try stream.write("</td><td class=\"rule\">")
        try Self.escape(entry.rule, to: stream)
        try stream.write("</td><td>")
        try Self.escape(entry.fix, to: stream)
        try stream.write("</td></tr>\n")
    }

    /// Most texts need no escaping: they are copied as they are, the others go through `escape`.
    private static func escape(_ text: String, to stream: ReportStream) throws {
        let special = text.utf8.contains {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
        }
        try stream.write(special ? escape(text) : text)
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

/// `Location.description` of each finding (`a.xlsx Sheet1!D12`), with each sheet's quoted name
/// worked out once: quoting tests the name against a regular expression, too slow to run for
/// each of 800,000 findings.
private struct PlaceText {
    private var quotedSheets: [UTF8Key: String] = [:]

    mutating func text(of location: Location) -> String {
        guard let sheet = location.sheet else { return location.file }
        let quoted = quotedSheets[UTF8Key(sheet)] ?? Location.quotedSheetName(sheet)
        quotedSheets[UTF8Key(sheet)] = quoted
        guard let cell = location.cell else { return "\(location.file) \(quoted)" }
        return "\(location.file) \(quoted)!\(cell)"
    }
}
