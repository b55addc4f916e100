#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

extension TimestampParser {
    /// The system zone's UTC offset, in seconds east, for a zone-less wall-clock time given as the
    /// seconds it would be if it were UTC (python asctime, Render's text prefix).
    ///
    /// The offset belongs to the instant, which depends on the offset: read it at the wall time
    /// taken as UTC, then again at the instant that first guess gives, which lands on the right
    /// side of a daylight-saving change except inside the skipped or repeated hour itself.
    @Sendable
    public static func systemLocalOffset(_ secondsAsIfUTC: Int64) -> Int32 {
        let hour = floorDiv(secondsAsIfUTC, 3600)
        if let cached = LocalOffsetCache.lookup(hour: hour) { return cached }
        let first = zoneOffset(at: secondsAsIfUTC)
        let offset = zoneOffset(at: secondsAsIfUTC &- Int64(first))
        LocalOffsetCache.store(hour: hour, offset: offset)
        return offset
    }

    private static func zoneOffset(at seconds: Int64) -> Int32 {
        var time = time_t(truncatingIfNeeded: seconds)
        var fields = tm()
        guard localtime_r(&time, &fields) != nil else { return 0 }
        return Int32(truncatingIfNeeded: fields.tm_gmtoff)
    }
}

/// One remembered (wall-clock hour → offset) pair. Zone-less lines come in runs from one source,
/// so one entry catches nearly all of them; `localtime_r` takes a process-wide lock in glibc.
/// Zones change offset on whole wall-clock hours, so an hour shares one offset.
///
/// Hour and offset live in one atomic word so that a reader never sees one without the other.
private enum LocalOffsetCache {
    private static let entry = Atomic<UInt64>(0)
    /// Hours since 1970 fit 40 bits for any year a log can show; the low 24 bits hold the offset
    /// shifted positive. An empty entry is 0, which no stored value equals (the bias is > 0).
    private static let offsetBias: Int64 = 0x80_0000
    private static let hourLimit: Int64 = 1 << 40

    static func lookup(hour: Int64) -> Int32? {
        guard hour >= 0, hour < hourLimit else { return nil }
        let word = entry.load(ordering: .relaxed)
        guard word != 0, Int64(word >> 24) == hour else { return nil }
        return Int32(Int64(word & 0xFF_FFFF) - offsetBias)
    }

    static func store(hour: Int64, offset: Int32) {
        guard hour >= 0, hour < hourLimit, abs(Int64(offset)) < offsetBias else { return }
        entry.store(UInt64(hour) << 24 | UInt64(Int64(offset) + offsetBias), ordering: .relaxed)
    }
}
