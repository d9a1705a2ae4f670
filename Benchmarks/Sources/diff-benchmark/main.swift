import Catalogue
import Foundation
import Revisions

// Times `RevisionDiff.compare` on two deterministic fabricated revisions: N main items
// (a fifth with two or three sub-items) in 250 units, and the same list with about 10% of
// its items changed — renamed, modified, recategorized, moved to a township, merged 3 → 1,
// split 1 → 2, abolished and added. Usage: diff-benchmark [items] [repeats]
// Peak memory: `/usr/bin/time -v .build/release/diff-benchmark 200000`.

let arguments = CommandLine.arguments
let itemCount = arguments.count > 1 ? Int(arguments[1]) ?? 200_000 : 200_000
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1

var start = Date()
var revisions = BenchmarkRevisions(items: itemCount)
let (old, new, planted) = revisions.make()
print("generated \(old.count) / \(new.count) records in \(String(format: "%.2f", Date().timeIntervalSince(start))) s; planted: \(planted)")

var best = Double.infinity
var changes: ChangeSet?
for _ in 0..<repeats {
    start = Date()
    changes = RevisionDiff.compare(old: old, new: new, options: .init(oldLabel: "old", newLabel: "new"))
    best = min(best, Date().timeIntervalSince(start))
}
let found = Dictionary(grouping: changes!.changes, by: \.kind).mapValues(\.count)
print("compare: \(String(format: "%.2f", best)) s (best of \(repeats))")
print("found: " + ChangeKind.allCasesInReportOrder.map { "\($0.rawValue) \(found[$0] ?? 0)" }.joined(separator: ", "))
print(changes!.summary.total.reduction)
