import Catalogue
import Cleanup
import Foundation
import Schemas

// Cleans and checks N generated raw items (default 200,000) the way `powerlist check` does:
// Cleaner.clean per item, then Checker.check across items. Run in release:
//
//     swift build -c release --product check-benchmark
//     /usr/bin/time -v .build/release/check-benchmark 200000
//
// Items look like real lists: names broken by line breaks, categories written with spaces,
// bases with rank tags, titles (most in the registry, some not), notes and quoted article text.

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 200_000
let clock = ContinuousClock()

let loadStart = clock.now
let schemas = try CleanupSchemas.load(workspace: URL(fileURLWithPath: "/nonexistent-powerlist-workspace"))
let loadTime = clock.now - loadStart
print("schemas loaded: \(schemas.registry.count) instruments in \(loadTime)")

let generateStart = clock.now
let raws = (0..<count).map(GeneratedItems.item)
print("generated \(raws.count) raw items in \(clock.now - generateStart)")

let cleanStart = clock.now
let cleaner = Cleaner(schemas: schemas)
let (items, itemFindings) = cleaner.clean(raws)
let cleanTime = clock.now - cleanStart

let checkStart = clock.now
let crossFindings = Checker(schemas: schemas).check(items)
let checkTime = clock.now - checkStart

let citations = items.reduce(0) { $0 + $1.citations.count }
let resolved = items.reduce(0) { $0 + $1.citations.count { $0.resolution.reference != nil } }
print("cleaned \(items.count) items (\(citations) citations, \(resolved) resolved) in \(cleanTime): \(itemFindings.count) findings")
print("cross-item checks in \(checkTime): \(crossFindings.count) findings")
print("total clean + check: \(cleanTime + checkTime)")
