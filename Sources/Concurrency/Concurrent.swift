import Dispatch
import Foundation

/// Work split over the cores with its results kept in order, so the output is the same
/// whatever the scheduling. The machines a county runs this on have two to eight cores; the
/// XLSX writer, the cleaner, the checks, the diff and the site split their work with it.
public enum Concurrent {
    /// `work(0) … work(count - 1)` on all cores; the results in that order.
    public static func map<Value>(_ count: Int, _ work: @Sendable (Int) -> Value) -> [Value] {
        let results = Results<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, work(index))
        }
        return results.all
    }

    /// `first` and `second` at once; both values, or the first's error, else the second's.
    public static func both<First: Sendable, Second: Sendable>(_ first: @Sendable () throws -> First,
                                                               _ second: @Sendable () throws -> Second) throws -> (First, Second) {
        let (firsts, seconds) = (Results<Result<First, any Error>>(count: 1), Results<Result<Second, any Error>>(count: 1))
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            if side == 0 { firsts.set(0, Result { try first() }) } else { seconds.set(0, Result { try second() }) }
        }
        return (try firsts.all[0].get(), try seconds.all[0].get())
    }

    /// Lets go of `value` on another thread: freeing a large comparison's items, main items or
    /// changes — each a dozen texts and arrays — is seconds of one core, on a command's one
    /// path, while the other core has less to do. Pass the last owner (`consume`), or this
    /// thread may still be the one that frees it.
    public static func release<Value: Sendable>(_ value: consuming Value) {
        let box = Released(consume value)
        DispatchQueue.global(qos: .utility).async { box.empty() }
    }

    /// Consecutive chunks of `0..<count`, one per core, or one alone below `minimum` per chunk.
    /// With `perCore` above one, each core takes several chunks, one after another: work whose
    /// cost varies from chunk to chunk then ends on all cores at about the same time.
    public static func chunks(_ count: Int, minimum: Int, perCore: Int = 1) -> [Range<Int>] {
        let chunkCount = max(1, min(perCore * ProcessInfo.processInfo.activeProcessorCount, count / minimum))
        let bounds = (0...chunkCount).map { count * $0 / chunkCount }
        return (0..<chunkCount).map { bounds[$0]..<bounds[$0 + 1] }
    }
}

/// The results of a concurrent run, each written once by its own thread.
private final class Results<Value>: @unchecked Sendable {
    private var values: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.withLock { values[index] = value }
    }

    /// Read once `concurrentPerform` has returned.
    var all: [Value] {
        lock.withLock { values.map { $0! } }
    }
}

/// A value handed to another thread to be freed there.
private final class Released<Value: Sendable>: @unchecked Sendable {
    private var value: Value?

    init(_ value: consuming Value) {
        self.value = value
    }

    /// Called once, on the freeing thread.
    func empty() {
        value = nil
    }
}
