// libFuzzer harness: any bytes as a legal-basis cell (实施依据), through what `import` and
// `check` do with one — text normalization, the citation parser, resolution in the shipped law
// registry, and every per-item check — plus the parser alone on the raw text.
import Catalogue
import Cleanup
import Foundation
import Schemas

/// Loaded once: `Catalogues/schemas` found from the current directory (run.sh runs in the package root).
let cleaner: Cleaner = {
    do {
        return Cleaner(schemas: try CleanupSchemas.load(workspace: URL(fileURLWithPath: "/nonexistent-workspace")))
    } catch {
        fatalError("cannot load Catalogues/schemas: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let basis = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = CitationParser(rankTags: cleaner.schemas.rules.rankTags).parse(basis)
    // The first byte picks the category, so the 设定权 rules of each are reached.
    let categories = ["行政许可", "行政处罚", "行政强制", "行政检查"]
    let category = categories[Int(size > 0 ? data[0] : 0) % categories.count]
    let raw = RawItem(unit: AdminUnit(name: "某县某局", level: .county),
                      fields: [.serial: "1", .name: "对某行为的处罚", .category: category, .basis: basis],
                      provenance: Provenance(file: "fuzz.xlsx", sheet: "Sheet1", firstRow: 2, lastRow: 2,
                                             cells: [.name: "B2", .basis: "E2"]))
    _ = cleaner.clean(raw)
    return 0
}
