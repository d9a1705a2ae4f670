import Catalogue

extension CheckReport {
    /// The terminal summary: one line per unit with its errors, warnings and notes, then totals.
    ///
    ///     克拉玛依市统计局        错误 0  警告 2  提示 3
    ///     合计：8 个单位，错误 1，警告 12，提示 40
    public var summary: String {
        let groups = byUnit
        guard !groups.isEmpty else { return "检查完成：没有发现问题" }
        let width = groups.map { displayWidth($0.unit) }.max() ?? 0
        var lines: [String] = []
        for group in groups {
            let unit = group.unit
            let counts = [Finding.Severity.error, .warning, .info].map { severity in
                "\(severity.label) \(group.indices.count { findings[$0].severity == severity })"
            }
            let padding = String(repeating: " ", count: width - displayWidth(unit) + 2)
            lines.append(unit + padding + counts.joined(separator: "  "))
        }
        lines.append("合计：\(groups.count) 个单位，错误 \(count(.error))，警告 \(count(.warning))，提示 \(count(.info))")
        return lines.joined(separator: "\n")
    }

    /// Columns a text takes in a terminal: CJK characters take two.
    private func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }
}
