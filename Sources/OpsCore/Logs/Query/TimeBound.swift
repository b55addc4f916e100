/// Parses `--since` / `--until` values: a duration back from now (`90s`, `15m`, `2h`, `1d`,
/// `1h30m`) or an absolute time in any format the log parser reads (RFC 3339 at best).
public enum TimeBound {
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        public var description: String {
            switch self {
            case .unreadable(let text):
                "'\(text)' is neither a duration (90s, 15m, 2h, 1d, 1h30m) nor a time (2026-11-28T10:00:00Z)"
            }
        }
    }

    public static func parse(_ text: String, now: LogTimestamp, timestamps: TimestampParser) throws(ParseError) -> LogTimestamp {
        if let seconds = durationSeconds(text), seconds <= maxDurationSeconds {
            return LogTimestamp(nanosecondsSinceEpoch: now.nanosecondsSinceEpoch &- seconds &* 1_000_000_000)
        }
        // Any time the user names is a bound, even one past the window log records must fall in.
        let unbounded = TimestampParser(latestAccepted: LogTimestamp(nanosecondsSinceEpoch: .max),
                                        localOffset: timestamps.localOffset)
        if let time = unbounded.parse(string: text) { return time }
        throw .unreadable(text)
    }

    /// A century: anything longer is a typo, and would overflow nanoseconds.
    static let maxDurationSeconds: Int64 = 100 * 365 * 86_400

    /// `1h30m` -> 5400. Nil unless the whole text is number-unit pairs.
    static func durationSeconds(_ text: String) -> Int64? {
        var total: Int64 = 0
        var number: Int64?
        var sawUnit = false
        for c in text {
            if let digit = c.wholeNumberValue, c.isASCII {
                let (m, o1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (n, o2) = m.addingReportingOverflow(Int64(digit))
                guard !o1, !o2 else { return nil }
                number = n
                continue
            }
            let unit: Int64
            switch c {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86_400
            case "w": unit = 604_800
            default: return nil
            }
            guard let n = number else { return nil }
            let (part, overflow) = n.multipliedReportingOverflow(by: unit)
            guard !overflow, total <= Int64.max - part else { return nil }
            total += part
            number = nil
            sawUnit = true
        }
        return sawUnit && number == nil ? total : nil
    }
}
