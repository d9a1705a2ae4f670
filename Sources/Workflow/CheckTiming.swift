import Catalogue

/// Where a `powerlist check` spends its time (`LapTimer`), with `POWERLIST_CHECK_TIMING` set.
public enum CheckTiming {
    private static let timer = LapTimer(label: "check", variable: "POWERLIST_CHECK_TIMING")

    /// Starts the clock (the first lap counts from here).
    public static func begin() { timer.begin() }

    /// Prints `phase` with the wall and CPU seconds since the previous lap.
    public static func lap(_ phase: String) { timer.lap(phase) }
}
