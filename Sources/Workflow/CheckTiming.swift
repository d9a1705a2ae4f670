import Foundation

/// Where a `powerlist check` spends its time, phase by phase, printed to standard error when
/// the environment variable `POWERLIST_CHECK_TIMING` is set (off, a lap costs one flag test).
///
/// Each lap prints the wall and the process's CPU time (user + system, all threads) spent
/// since the previous lap: a phase that keeps both cores busy shows twice its wall in CPU, and
/// one that waits on one core shows them equal — which is what says where parallel work pays.
public enum CheckTiming {
    private static let enabled = ProcessInfo.processInfo.environment["POWERLIST_CHECK_TIMING"] != nil
    nonisolated(unsafe) private static var last = (wall: Date(), cpu: processCPU())
    private static let lock = NSLock()

    /// Starts the clock (the first lap counts from here).
    public static func begin() {
        guard enabled else { return }
        lock.withLock { last = (wall: Date(), cpu: processCPU()) }
    }

    /// Prints `phase` with the wall and CPU seconds since the previous lap (or the process's start).
    public static func lap(_ phase: String) {
        guard enabled else { return }
        lock.withLock {
            let now = (wall: Date(), cpu: processCPU())
            let line = String(format: "[check] %@: wall %.2f s, CPU %.2f s\n", phase,
                              now.wall.timeIntervalSince(last.wall), now.cpu - last.cpu)
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
