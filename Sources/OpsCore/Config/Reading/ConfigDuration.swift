/// Durations as a configuration writes them: `500ms`, `30s`, `1m`, `2h`, and sums such as `1m30s`.
public enum ConfigDuration {
    /// Probes and timeouts longer than a day are mistakes, and the bound keeps the arithmetic small.
    public static let maximum = Duration.seconds(24 * 60 * 60)

    /// The duration, nil for anything else (no unit, an unknown unit, zero, over `maximum`).
    public static func parse(_ text: String) -> Duration? {
        var rest = Substring(text)
        var milliseconds: Int64 = 0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            // Nine digits are far past the maximum in any unit, and never overflow below.
            guard !digits.isEmpty, digits.count <= 9, let amount = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let unit = rest.prefix(while: { $0.isASCII && $0.isLetter })
            rest = rest.dropFirst(unit.count)
            let scale: Int64
            switch unit {
            case "ms": scale = 1
            case "s": scale = 1000
            case "m": scale = 60_000
            case "h": scale = 3_600_000
            default: return nil
            }
            milliseconds += amount * scale
            guard milliseconds <= 24 * 3_600_000 else { return nil }
        }
        guard milliseconds > 0 else { return nil }
        return .milliseconds(milliseconds)
    }

    /// `1m30s`, `500ms`: the shortest way to write `duration` in the units `parse` reads.
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        var milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        guard milliseconds > 0 else { return "0s" }
        var text = ""
        for (unit, size) in [("h", Int64(3_600_000)), ("m", 60_000), ("s", 1000), ("ms", 1)] where milliseconds >= size {
            text += "\(milliseconds / size)\(unit)"
            milliseconds %= size
        }
        return text
    }
}
