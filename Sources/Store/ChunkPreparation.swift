import Catalogue
import Foundation

/// Prepares a source's chunks (`ChunkPreparer`) on a thread of its own while the thread that
/// holds the transaction writes the previous ones: the writer then does little more than
/// SQLite's work, and the other core numbers texts, compares clean values and finds citation
/// lists. Chunks are cut into pieces of `pieceSize` items, so writing starts soon after the
/// first chunk is cleaned, and at most `depth` prepared pieces wait.
final class ChunkPreparation: @unchecked Sendable {
    static let pieceSize = 2_048
    static let depth = 2

    /// Read by the preparing thread only.
    private var stream: SourceStream
    private var preparer: ChunkPreparer
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var ready: [PreparedChunk] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    /// Starts preparing the chunks of `stream`, then the placements of its leading findings.
    init(_ stream: SourceStream, preparer: ChunkPreparer) {
        self.stream = stream
        self.preparer = preparer
        Thread.detachNewThread { [self] in run() }
    }

    /// The next prepared piece, nil after the last; rethrows what reading the stream threw.
    func next() throws -> PreparedChunk? {
        try condition.withLock {
            while ready.isEmpty && !finished && !cancelled { condition.wait() }
            if !ready.isEmpty {
                condition.broadcast()
                return ready.removeFirst()
            }
            if let failure { throw failure }
            return nil
        }
    }

    /// Stops the preparing thread (the writer failed, or is done).
    func cancel() {
        condition.withLock {
            cancelled = true
            condition.broadcast()
        }
    }

    private func run() {
        do {
            while let chunk = try stream.nextChunk() {
                var start = 0
                repeat {
                    let end = min(start + Self.pieceSize, chunk.items.count)
                    // A chunk's findings come after all its items.
                    let findings = end == chunk.items.count ? chunk.findings : []
                    let piece = PhaseClock.shared.measure(.prepare) {
                        preparer.prepare(chunk.items[start..<end], findings: findings)
                    }
                    guard put(piece) else { return }
                    start = end
                } while start < chunk.items.count
            }
            guard put(preparer.prepare(placed: stream.placedFindings())) else { return }
            finish(nil)
        } catch {
            finish(error)
        }
    }

    /// Hands a piece over once fewer than `depth` wait; false when cancelled.
    private func put(_ chunk: PreparedChunk) -> Bool {
        condition.withLock {
            while ready.count >= Self.depth && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            ready.append(chunk)
            condition.broadcast()
            return true
        }
    }

    private func finish(_ error: (any Error)?) {
        condition.withLock {
            finished = true
            failure = error
            condition.broadcast()
        }
    }
}
