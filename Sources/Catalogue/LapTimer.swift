import Foundation

/// Where a command spends its time, phase by phase, printed to standard error when its
/// environment variable is set (off, a lap costs one flag test).
///
/// Each lap prints the wall and the process's CPU time (user + system, all threads) spent
/// since the previous lap, and the wall since the start: a phase that keeps both cores busy
/// shows twice its wall in CPU, one that runs on one core shows them equal — which says where
/// parallel work pays. What is compared with a peer tool is the wall time of the whole command.
///
/// ```swift
/// let timing = LapTimer(label: "publish", variable: "POWERLIST_PUBLISH_TIMING")
/// timing.lap("items loaded")   // [publish] items loaded: wall 3.10 s, CPU 3.05 s (at 3.10 s)
/// ```
public final class LapTimer: @unchecked Sendable {
    public let enabled: Bool
    private let label: String
    private let lock = NSLock()
    private let start = Date()
    private var last: (wall: Date, cpu: Double)

    public init(label: String, variable: String) {
        self.label = label
        enabled = ProcessInfo.processInfo.environment[variable] != nil
        last = (Date(), Self.processCPU())
    }

    /// Starts the next lap from now.
    public func begin() {
        guard enabled else { return }
        lock.withLock { last = (Date(), Self.processCPU()) }
    }

    /// Prints `phase` with the wall and CPU seconds since the previous lap.
    public func lap(_ phase: String) {
        guard enabled else { return }
        lock.withLock {
            let now = (wall: Date(), cpu: Self.processCPU())
            let line = String(format: "[%@] %@: wall %.2f s, CPU %.2f s (at %.2f s)\n", label, phase,
                              now.wall.timeIntervalSince(last.wall), now.cpu - last.cpu,
                              now.wall.timeIntervalSince(start))
            FileHandle.standardError.write(Data(line.utf8))
            last = now
        }
    }

    private static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
