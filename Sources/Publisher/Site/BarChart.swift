/// A horizontal bar chart drawn as inline SVG at build time: no script, no network, prints
/// as it shows. Labels are escaped here, since the SVG goes into the page unescaped.
struct BarChart {
    struct Bar {
        let label: String
        let value: Int
        /// A page of the site the bar links to, relative to the page showing the chart.
        let link: String?
    }

    let title: String
    let bars: [Bar]

    static let width = 640, rowHeight = 30, labelWidth = 200, valueWidth = 70

    var svg: String {
        let height = bars.count * Self.rowHeight + 8
        let largest = max(bars.map(\.value).max() ?? 0, 1)
        let span = Self.width - Self.labelWidth - Self.valueWidth
        var out = "<svg class=\"chart\" role=\"img\" aria-label=\"\(HTML.escape(title))\" viewBox=\"0 0 \(Self.width) \(height)\" "
            + "width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title>\(HTML.escape(title))</title>"
        for (row, bar) in bars.enumerated() {
            let y = row * Self.rowHeight + 4
            let length = bar.value == 0 ? 0 : max(2, bar.value * span / largest)
            var group = "<text x=\"\(Self.labelWidth - 8)\" y=\"\(y + 19)\" text-anchor=\"end\" class=\"chart-label\">"
                + "\(HTML.escape(Self.shortened(bar.label)))</text>"
                + "<rect x=\"\(Self.labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(Self.rowHeight - 10)\" class=\"chart-bar\"/>"
                + "<text x=\"\(Self.labelWidth + length + 6)\" y=\"\(y + 19)\" class=\"chart-value\">\(bar.value)</text>"
            if let link = bar.link {
                group = "<a href=\"\(HTML.escape(link))\"><title>\(HTML.escape(bar.label))：\(bar.value)项</title>\(group)</a>"
            }
            out += group
        }
        return out + "</svg>"
    }

    /// Long unit names would run into the bars: 12 characters, then an ellipsis.
    static func shortened(_ label: String) -> String {
        label.count > 12 ? String(label.prefix(11)) + "…" : label
    }
}

/// Escaping for the few fragments the builder writes as HTML itself (charts); everything a
/// template shows goes through the engine's escaping.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
