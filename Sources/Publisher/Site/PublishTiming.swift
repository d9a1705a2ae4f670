import Catalogue

/// Where a `powerlist publish` spends its time (`LapTimer`), with `POWERLIST_PUBLISH_TIMING` set.
public enum PublishTiming {
    private static let timer = LapTimer(label: "publish", variable: "POWERLIST_PUBLISH_TIMING")

    /// Starts the clock (the first lap counts from here).
    public static func begin() { timer.begin() }

    /// Prints `phase` with the wall and CPU seconds since the previous lap.
    public static func lap(_ phase: String) { timer.lap(phase) }
}
