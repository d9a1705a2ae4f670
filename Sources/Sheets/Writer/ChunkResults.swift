import Foundation

/// The results of `concurrentPerform`'s iterations, each written once by its own thread.
final class ChunkResults<Value>: @unchecked Sendable {
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
