import Foundation

/// Memos kept from one batch to the next. An import cleans its items in chunks of a few
/// thousand (the pipeline's chunks, split again over the cores), and a memo started afresh for
/// each parsed the same bases again and again: with 5,000 distinct bases over 200,000 items,
/// most lookups missed. Each thread of a batch takes a memo here and gives it back after, so
/// the memos warm up over the whole import; results do not depend on which memo a thread gets
/// (a memo only returns what cleaning would compute again).
final class CleanMemoPool: @unchecked Sendable {
    private var memos: [CleanMemo] = []
    private let lock = NSLock()

    /// A memo past this many remembered texts keeps only its bases, and is dropped when those
    /// alone pass it: catalogues whose long texts (or bases) are all distinct would otherwise
    /// keep every one of them alive to the end. Dropping the bases with the texts made an
    /// import whose memos filled up with distinct duty texts parse its bases again chunk after chunk.
    static let limit = 50_000

    func take() -> CleanMemo {
        lock.withLock { memos.popLast() } ?? CleanMemo()
    }

    func giveBack(_ memo: CleanMemo) {
        var memo = memo
        if memo.count > Self.limit { memo.forgetTexts() }
        guard memo.basisCount <= Self.limit else { return }
        lock.withLock { memos.append(memo) }
    }
}
