import Catalogue

/// The sheet being imported, and every import finding it can produce: codes, severities and
/// Chinese messages in one place.
struct SheetPlace {
    var file: String
    var sheet: String

    private func finding(_ code: FindingCode, _ severity: Finding.Severity, _ message: String, cell: String?) -> Finding {
        Finding(code: code, severity: severity, message: message,
                location: Location(file: file, sheet: sheet, cell: cell))
    }

    func emptySheet() -> Finding {
        finding(.sheetSkipped, .info, "工作表“\(sheet)”是空的，已跳过", cell: nil)
    }

    func noTable() -> Finding {
        finding(.sheetSkipped, .warning, "工作表“\(sheet)”中找不到权责清单表头（至少要有“事项名称”和另一个已知列），已跳过；如表头写法特殊，请在 headers.yaml 中添加同义词", cell: nil)
    }

    func noItems(headerCell: String) -> Finding {
        finding(.noItems, .warning, "表头下面没有读到任何事项", cell: headerCell)
    }

    func unknownHeader(_ header: String, cell: String) -> Finding {
        finding(.unknownHeader, .info, "未识别的表头“\(header)”：该列内容作为附加字段保留；如它对应已知字段，请在 headers.yaml 中添加同义词", cell: cell)
    }

    func unlabeledColumn(_ header: String, cell: String) -> Finding {
        finding(.unknownHeader, .info, "\(header.replacingOccurrences(of: ColumnMap.unlabeledPrefix, with: ""))有内容但没有表头：内容作为附加字段“\(header)”保留", cell: cell)
    }

    func repeatedColumns(_ headers: [String], cells: String) -> Finding {
        finding(.repeatedColumns, .info, "以下列重复了前面的列：\(headers.joined(separator: "、"))。与前面相同的内容只保留一次，不同的内容作为附加字段保留", cell: cells)
    }

    func missingSerial(name: String, cell: String) -> Finding {
        finding(.missingSerial, .warning, "事项“\(name)”没有序号：已作为事项导入，但不计入事项数；请补上序号", cell: cell)
    }

    func missingName(serial: String, cell: String) -> Finding {
        finding(.missingName, .warning, "序号为“\(serial)”的行有内容但没有事项名称", cell: cell)
    }

    func sharedSerial(_ serial: String, count: Int, cell: String) -> Finding {
        finding(.sharedSerial, .warning, "一个序号单元格写了\(count)个序号（“\(serial)”），但只有一行事项；请核对是否合并了多个事项", cell: cell)
    }

    func categoryFromSheetName(_ category: String, cell: String) -> Finding {
        finding(.categoryFromSheet, .warning, "权力类型为空，已按工作表名取为“\(category)”", cell: cell)
    }

    func noteRow(_ text: String, cell: String) -> Finding {
        finding(.noteRow, .info, "表格中的说明文字已跳过：“\(text.prefix(30))”", cell: cell)
    }

    func textBeforeFirstItem(cell: String) -> Finding {
        finding(.orphanText, .info, "第一个事项之前的内容无法归入任何事项，已跳过", cell: cell)
    }

    func repeatedHeaderRow(cell: String) -> Finding {
        finding(.repeatedHeaderRow, .info, "表格中间重复出现的表头行已跳过", cell: cell)
    }

    func hiddenSheet() -> Finding {
        finding(.hidden, .info, "工作表“\(sheet)”是隐藏的，其中的事项也已导入；请核对是否仍然有效", cell: nil)
    }

    func hiddenRows(_ rows: [Int]) -> Finding {
        let shown = rows.prefix(10).map { "第\($0)行" }.joined(separator: "、") + (rows.count > 10 ? "等" : "")
        return finding(.hidden, .info, "\(rows.count)个事项位于隐藏行（\(shown)），也已导入；请核对是否仍然有效", cell: nil)
    }

    func countMismatch(declared: Int, imported: Int, source: String, cell: String?) -> Finding {
        finding(.countMismatch, .warning, "\(source)写明\(declared)项，实际读到\(imported)项", cell: cell)
    }

    func unitFromFileName(_ unit: String) -> Finding {
        finding(.unitGuessed, .warning, "无法从标题、行使主体或工作表名确定单位，暂按文件名取为“\(unit)”；可在 powerlist.yaml 的 files 中指定", cell: nil)
    }
}
