import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock time for journal lines and lock files, and reading it back.
public enum JournalTime {
    /// Any time at all, however far ahead: a journal written on a machine with a wrong clock must
    /// still read.
    private static let parser = TimestampParser(latestAccepted: LogTimestamp(nanosecondsSinceEpoch: .max))

    /// The `time` of a journal line (RFC 3339, as written), nil when it is not a time.
    public static func parse(_ text: String) -> LogTimestamp? { parser.parse(string: text) }

    /// `date` to the nearest millisecond, the precision of journal lines (nearest, so that a time read
    /// back from a line converts to the same millisecond again). Dates outside the years 1677 to 2262,
    /// the range of a `LogTimestamp`, are clamped to it rather than overflowing.
    public static func timestamp(_ date: Date) -> LogTimestamp {
        let limit = 9.2e12
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let clamped = milliseconds.isNaN ? 0 : min(max(milliseconds, -limit), limit)
        return LogTimestamp(nanosecondsSinceEpoch: Int64(clamped) * 1_000_000)
    }

    /// The `Date` of a journal time.
    public static func date(_ timestamp: LogTimestamp) -> Date {
        Date(timeIntervalSince1970: Double(timestamp.nanosecondsSinceEpoch) / 1e9)
    }

    /// Now, from the real-time clock.
    @Sendable public static func now() -> LogTimestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return LogTimestamp(secondsSinceEpoch: Int64(spec.tv_sec), nanoseconds: Int64(spec.tv_nsec))
    }
}
