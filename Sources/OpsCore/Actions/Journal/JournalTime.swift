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

    /// Now, from the real-time clock.
    @Sendable public static func now() -> LogTimestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return LogTimestamp(secondsSinceEpoch: Int64(spec.tv_sec), nanoseconds: Int64(spec.tv_nsec))
    }
}
