import Dispatch
import Foundation

/// Independent pieces of a command run at once. A file-to-file diff ends with phases that
/// each take one core — the summary and the group figures, the JSON report, the decisions
/// sheet, the terminal summary — and what is compared with other tools is the wall time of
/// the whole command on a two-core machine.
public enum Jobs {
    /// Runs `jobs` on other threads while `work` runs on this one, and returns `work`'s value
    /// once every job is done.
    /// - Throws: the first job's error (in the order given), else `work`'s.
    public static func alongside<Value>(_ jobs: [@Sendable () throws -> Void], _ work: () throws -> Value) throws -> Value {
        let errors = JobErrors(count: jobs.count)
        let group = DispatchGroup()
        for (index, job) in jobs.enumerated() {
            DispatchQueue.global().async(group: group) {
                do { try job() } catch { errors.set(index, error) }
            }
        }
        let value = Result { try work() }
        group.wait()
        if let error = errors.first { throw error }
        return try value.get()
    }

    /// `first` on this thread and `second` on another; both values.
    public static func both<First, Second: Sendable>(_ first: () -> First,
                                                     _ second: @escaping @Sendable () -> Second) -> (First, Second) {
        let box = JobValue<Second>()
        // Neither throws.
        let value = try! alongside([{ box.set(second()) }], first)
        return (value, box.get())
    }
}

/// The errors of the jobs, each written once by its own thread.
private final class JobErrors: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [(any Error)?]

    init(count: Int) {
        errors = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ error: any Error) {
        lock.withLock { errors[index] = error }
    }

    var first: (any Error)? {
        lock.withLock { errors.lazy.compactMap { $0 }.first }
    }
}

/// A value written by one thread and read by another, under a lock.
private final class JobValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func set(_ value: Value) {
        lock.withLock { self.value = value }
    }

    func get() -> Value {
        lock.withLock { value! }
    }
}
