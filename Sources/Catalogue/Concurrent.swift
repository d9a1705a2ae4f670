import Dispatch
import Foundation

/// Work split over the cores with its results kept in order, so the output is the same
/// whatever the scheduling. The machines a county runs this on have two to eight cores; the
/// cleaner and the diff split their work with it.
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

    /// Consecutive chunks of `0..<count`, one per core, or one alone below `minimum` per chunk.
    public static func chunks(_ count: Int, minimum: Int) -> [Range<Int>] {
        let chunkCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / minimum))
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
