import Foundation

extension Concurrent {
    /// Two stages of a sequential job on two threads: `produce` runs on this thread and hands
    /// its values, in batches of `batchSize`, to `consume`, which runs on another thread over
    /// `state`, batch after batch in order; returns `state` once every value was consumed.
    ///
    /// For a loop whose every step feeds the next (the importer's row grouping) followed by
    /// work on each value that is independent of that loop (assembling the grouped item): the
    /// second stage then takes its time off the first one's thread. At most `depth` batches wait.
    public static func handOff<Value: Sendable, State: Sendable>(
        batchSize: Int = 1_024, depth: Int = 4, state: State,
        produce: ((Value) -> Void) -> Void,
        consume: @escaping @Sendable (inout State, [Value]) -> Void
    ) -> State {
        let channel = Handoff<Value, State>(state: state, depth: depth)
        Thread.detachNewThread { channel.drain(consume) }
        var batch: [Value] = []
        batch.reserveCapacity(batchSize)
        produce { value in
            batch.append(value)
            if batch.count == batchSize {
                channel.send(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { channel.send(batch) }
        return channel.finish()
    }
}

/// The batches between the two stages of `Concurrent.handOff`, and the consumer's state.
private final class Handoff<Value: Sendable, State: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let depth: Int
    /// Guarded by `condition`.
    private var batches: [[Value]] = []
    private var ended = false
    private var drained = false
    /// Touched by the consuming thread only until `drained`, then by the producer.
    private var state: State

    init(state: State, depth: Int) {
        self.state = state
        self.depth = depth
    }

    func send(_ batch: [Value]) {
        condition.withLock {
            while batches.count >= depth { condition.wait() }
            batches.append(batch)
            condition.broadcast()
        }
    }

    /// Waits for the consumer to take every batch; its state.
    func finish() -> State {
        condition.withLock {
            ended = true
            condition.broadcast()
            while !drained { condition.wait() }
        }
        return state
    }

    /// The consuming thread's loop.
    func drain(_ consume: (inout State, [Value]) -> Void) {
        while let batch = next() { consume(&state, batch) }
        condition.withLock {
            drained = true
            condition.broadcast()
        }
    }

    private func next() -> [Value]? {
        condition.withLock {
            while batches.isEmpty && !ended { condition.wait() }
            guard !batches.isEmpty else { return nil }
            condition.broadcast()
            return batches.removeFirst()
        }
    }
}
