import Foundation

/// Wall-clock time of each phase of a file-to-file diff, printed to standard error when the
/// environment variable `POWERLIST_DIFF_TIMING` is set. What is compared with csv-diff is the
/// wall time of the whole command, and on two cores a phase's CPU time says little about it.
public struct DiffTiming: Sendable {
    private static let enabled = ProcessInfo.processInfo.environment["POWERLIST_DIFF_TIMING"] != nil
    private static let start = Date()

    /// Prints `phase` with the seconds since the process's first lap (or since `start`).
    public static func lap(_ phase: String) {
        guard enabled else { return }
        let seconds = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data("[wall \(String(format: "%.2f", seconds)) s] \(phase)\n".utf8))
    }
}
