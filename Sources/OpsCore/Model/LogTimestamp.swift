/// A point in time with nanosecond precision, kept as an integer: log times of 1e18 ns lose
/// precision through a Double.
public struct LogTimestamp: Hashable, Comparable, Sendable {
    public var nanosecondsSinceEpoch: Int64
    /// True when the text carried no zone and was read as local time (python asctime, Render).
    public var zoneAssumed: Bool

    public init(nanosecondsSinceEpoch: Int64, zoneAssumed: Bool = false) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
        self.zoneAssumed = zoneAssumed
    }

    public init(secondsSinceEpoch: Int64, nanoseconds: Int64 = 0, zoneAssumed: Bool = false) {
        self.init(nanosecondsSinceEpoch: secondsSinceEpoch &* 1_000_000_000 &+ nanoseconds, zoneAssumed: zoneAssumed)
    }

    public static func < (lhs: LogTimestamp, rhs: LogTimestamp) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }

    public static func == (lhs: LogTimestamp, rhs: LogTimestamp) -> Bool {
        lhs.nanosecondsSinceEpoch == rhs.nanosecondsSinceEpoch
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(nanosecondsSinceEpoch) }

    public var secondsSinceEpoch: Int64 { floorDiv(nanosecondsSinceEpoch, 1_000_000_000) }

    /// RFC 3339 in UTC with milliseconds: `2026-11-28T10:00:00.123Z`.
    public var rfc3339Milliseconds: String {
        let seconds = secondsSinceEpoch
        let millis = Int((nanosecondsSinceEpoch - seconds * 1_000_000_000) / 1_000_000)
        let civil = CivilTime(secondsSinceEpoch: seconds)
        var out = [UInt8]()
        out.reserveCapacity(24)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                out.append(UInt8(48 + (rest / divisor) % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(civil.year, 4); out.append(UInt8(ascii: "-"))
        digits(civil.month, 2); out.append(UInt8(ascii: "-"))
        digits(civil.day, 2); out.append(UInt8(ascii: "T"))
        digits(civil.hour, 2); out.append(UInt8(ascii: ":"))
        digits(civil.minute, 2); out.append(UInt8(ascii: ":"))
        digits(civil.second, 2); out.append(UInt8(ascii: "."))
        digits(millis, 3); out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }
}

@inline(__always)
func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
