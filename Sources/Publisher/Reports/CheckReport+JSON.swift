import Catalogue
import Foundation

extension CheckReport {
    /// One JSON object per finding: code, severity, message, unit, item, field, file, sheet,
    /// cell, rule, fix. Keys are English and stable; values a reader sees are Chinese.
    public func json() -> Data {
        let objects = findings.indices.map { index in
            let entry = self[index]
            return JSONFinding(code: entry.finding.code.rawValue, severity: entry.finding.severity.rawValue,
                               message: entry.finding.message, unit: entry.unit, item: entry.itemName,
                               field: entry.finding.field?.rawValue, file: entry.finding.location.file,
                               sheet: entry.finding.location.sheet, cell: entry.finding.location.cell,
                               rule: entry.rule, fix: entry.fix)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(objects)) ?? Data("[]".utf8)
    }
}

private struct JSONFinding: Encodable {
    var code: String
    var severity: String
    var message: String
    var unit: String
    var item: String
    var field: String?
    var file: String
    var sheet: String?
    var cell: String?
    var rule: String
    var fix: String
}
