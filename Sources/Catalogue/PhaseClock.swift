import Foundation

/// Where an import's time goes, phase by phase, printed to standard error when the
/// environment variable `POWERLIST_IMPORT_TIMING` is set (off, a phase costs one flag test).
///
/// The phases overlap on different threads (cleaning beside preparing beside writing), so the
/// process's CPU clock cannot tell them apart: each phase adds up the CPU time of the threads
/// that ran it (`CLOCK_THREAD_CPUTIME_ID`) and their wall time, and `report` prints both with
/// the process's own wall and CPU time since its start. What is compared with the script is
/// the wall time of the whole command; these figures say which phase to cut.
public final class PhaseClock: @unchecked Sendable {
    public enum Phase: String, CaseIterable, Sendable {
        case read = "read XLSX", importer = "importer (records)", clean, check = "check (findings)",
             prepare = "prepare rows", write = "write rows", indexes
    }

    /// The clock of this process; measures nothing unless `POWERLIST_IMPORT_TIMING` is set.
    public static let shared = PhaseClock(enabled: ProcessInfo.processInfo.environment["POWERLIST_IMPORT_TIMING"] != nil)

    public let enabled: Bool
    private let lock = NSLock()
    private var cpu: [Phase: Double] = [:]
    private var wall: [Phase: Double] = [:]
    private let start = Date()

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Runs `body`, adding its wall and thread CPU time to `phase`.
    public func measure<T>(_ phase: Phase, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let (startCPU, startWall) = (Self.threadCPU(), Date())
        defer {
            let (spentCPU, spentWall) = (Self.threadCPU() - startCPU, Date().timeIntervalSince(startWall))
            lock.withLock {
                cpu[phase, default: 0] += spentCPU
                wall[phase, default: 0] += spentWall
            }
        }
        return try body()
    }

    /// Prints each phase measured so far, then the process's wall and CPU time since its start.
    public func report(_ title: String) {
        guard enabled else { return }
        var lines = lock.withLock {
            Phase.allCases.filter { cpu[$0] != nil }.map { phase in
                "  \(phase.rawValue): wall \(Self.seconds(wall[phase]!)), CPU \(Self.seconds(cpu[phase]!))"
            }
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let processCPU = Self.seconds(of: usage.ru_utime) + Self.seconds(of: usage.ru_stime)
        lines.insert("[\(title)] process: wall \(Self.seconds(Date().timeIntervalSince(start))), "
                     + "CPU \(Self.seconds(processCPU)), peak RSS \(usage.ru_maxrss / 1024) MB", at: 0)
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    private static func threadCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func seconds(of time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
}
