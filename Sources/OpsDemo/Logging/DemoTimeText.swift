import OpsCore

/// The timestamp texts the loggers write, from one instant: epoch milliseconds (pino), epoch seconds
/// with a fraction (zap), RFC 3339 with milliseconds (bunyan, winston), microseconds (structlog) or
/// whole seconds (logrus), always in UTC.
enum DemoTimeText {
    static func epochMilliseconds(_ time: LogTimestamp) -> String {
        String(floorDivide(time.nanosecondsSinceEpoch, 1_000_000))
    }

    /// `1714564800.123456`: zap's float seconds, written with microseconds.
    static func epochSeconds(_ time: LogTimestamp) -> String {
        let micros = floorDivide(time.nanosecondsSinceEpoch, 1000)
        return "\(floorDivide(micros, 1_000_000)).\(padded(micros - floorDivide(micros, 1_000_000) * 1_000_000, 6))"
    }

    /// `2024-05-01T12:00:00.123Z` (`fractionDigits` 3), `…00.123456Z` (6), `…00Z` (0).
    static func rfc3339(_ time: LogTimestamp, fractionDigits: Int) -> String {
        let seconds = floorDivide(time.nanosecondsSinceEpoch, 1_000_000_000)
        let nanos = time.nanosecondsSinceEpoch - seconds * 1_000_000_000
        let civil = CivilTime(secondsSinceEpoch: seconds)
        var text = "\(padded(Int64(civil.year), 4))-\(padded(Int64(civil.month), 2))-\(padded(Int64(civil.day), 2))"
            + "T\(padded(Int64(civil.hour), 2)):\(padded(Int64(civil.minute), 2)):\(padded(Int64(civil.second), 2))"
        if fractionDigits > 0 {
            let digits = min(fractionDigits, 9)
            var divisor: Int64 = 1
            for _ in digits..<9 { divisor *= 10 }
            text += "." + padded(nanos / divisor, digits)
        }
        return text + "Z"
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
