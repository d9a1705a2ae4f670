import Catalogue
import Foundation
import Store

/// Cleans a file's raw items chunk by chunk on a thread of its own, one chunk ahead of the
/// Store: while chunk n is written (one core, SQLite), chunk n+1 is cleaned (the other), and
/// at most three chunks of clean items and findings exist at once, whatever the file's size.
///
/// The chunks' results are those of cleaning the whole file at once: the cleaner's results
/// do not depend on how items are batched, and the import findings are placed among all the
/// clean items once the last chunk is cleaned (`SourceStream.placedFindings`).
final class CleanPipeline: @unchecked Sendable {
    private let cleanStep: CleanStep
    private let importFindings: [Finding]
    /// Raw items still to clean; each chunk is released once cleaned. Touched by the cleaning thread only.
    private var pending: [[RawItem]]
    private let condition = NSCondition()
    /// The next clean chunk, waiting for the Store (guarded by `condition`).
    private var ready: SourceChunk?
    /// The import findings placed, once every chunk is cleaned (guarded by `condition`).
    private var placed: [Finding]?
    private var cancelled = false
    /// Check findings of the chunks cleaned so far (guarded by `condition`).
    private var checkFindings = 0

    /// Starts cleaning `raws` at once, `chunkSize` items at a time.
    init(raws: [RawItem], importFindings: [Finding], cleanStep: CleanStep, chunkSize: Int) {
        self.cleanStep = cleanStep
        self.importFindings = importFindings
        pending = Self.chunks(of: raws, size: max(1, chunkSize))
        Thread.detachNewThread { [self] in produce() }
    }

    /// `raws` in chunks of `size`, the first ones smaller (`firstChunk`, then doubling): the
    /// Store waits for the first chunk, so a small one starts the writing early; larger ones
    /// after it let each chunk's memo see more repeats. The last ones halve again (down to
    /// `lastChunk`): cleaning runs a chunk ahead of the Store, and a large last chunk left the
    /// Store a second of work on one core once cleaning was done.
    static func chunks(of raws: [RawItem], size: Int) -> [[RawItem]] {
        var chunks: [[RawItem]] = []
        var start = 0, next = min(size, firstChunk)
        while start < raws.count {
            let remaining = raws.count - start
            let count = remaining <= 2 * next ? min(next, max(min(remaining, lastChunk), remaining / 2)) : next
            chunks.append(Array(raws[start..<(start + count)]))
            start += count
            next = min(size, next * 2)
        }
        return chunks
    }

    /// The size of the first chunk (when `chunkSize` is larger).
    static let firstChunk = 4_096
    /// The size of the last chunks, at most.
    static let lastChunk = 1_024

    /// What the Store reads: the chunks as they are cleaned.
    func stream(units: [AdminUnit], submitter: String?) -> SourceStream {
        SourceStream(units: units, submitter: submitter, leadingFindings: importFindings,
                     nextChunk: { [self] in take() }, placedFindings: { [self] in finalPlacement() })
    }

    /// Stops the cleaning thread (after a failure, or when the Store needed nothing).
    func cancel() {
        condition.withLock {
            cancelled = true
            condition.broadcast()
        }
    }

    private func produce() {
        var placement = FindingPlacement(for: importFindings)
        for index in pending.indices {
            let parts = cleanStep.runInParts(pending[index])
            pending[index] = []
            for clean in parts {
                placement.add(clean.items)
                guard put(SourceChunk(items: clean.items, findings: clean.findings)) else { return }
            }
        }
        let placed = importFindings.map(placement.placed)
        condition.withLock {
            self.placed = placed
            condition.broadcast()
        }
    }

    /// Hands a chunk over once the previous one was taken; false when cancelled.
    private func put(_ chunk: SourceChunk) -> Bool {
        condition.withLock {
            while ready != nil && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            ready = chunk
            checkFindings += chunk.findings.count
            condition.broadcast()
            return true
        }
    }

    /// The next chunk, nil when every chunk was taken.
    private func take() -> SourceChunk? {
        condition.withLock {
            while ready == nil && placed == nil && !cancelled { condition.wait() }
            defer { ready = nil; condition.broadcast() }
            return ready
        }
    }

    /// The placed import findings (waits for the last chunk's placement).
    private func finalPlacement() -> [Finding] {
        condition.withLock {
            while placed == nil && !cancelled { condition.wait() }
            return placed ?? []
        }
    }

    /// The placed import findings once the stream ended, for the report.
    var placedFindings: [Finding] { condition.withLock { placed ?? [] } }

    /// The check findings of every chunk, once the stream ended, for the report.
    var checkFindingCount: Int { condition.withLock { checkFindings } }
}
