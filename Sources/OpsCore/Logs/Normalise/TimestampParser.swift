/// Reads the timestamps loggers write (RFC 3339 and its cousins, epoch numbers in any unit) into a
/// `LogTimestamp`, working on bytes so that it can run once per log line.
///
/// A result outside [2000-01-01T00:00:00Z, `latestAccepted`] is nil, not clamped: a value that is
/// not a plausible log time (a duration, a count, a birth date) must let the caller try its next
/// candidate key instead. Time is injected: the parser never reads a clock.
public struct TimestampParser: Sendable {
    /// 2000-01-01T00:00:00Z. Nothing a live log shows is older, and anything that small read as
    /// seconds is more likely a duration or a counter.
    public static let earliestAccepted = LogTimestamp(secondsSinceEpoch: 946_684_800)

    /// Usually "now + 1 day": clocks drift, but a time far in the future is a misread unit.
    public let latestAccepted: LogTimestamp

    /// The local zone's UTC offset in seconds for a zone-less wall-clock time read as if UTC.
    let localOffset: @Sendable (Int64) -> Int32

    public init(latestAccepted: LogTimestamp,
                localOffset: @escaping @Sendable (Int64) -> Int32 = TimestampParser.systemLocalOffset) {
        self.latestAccepted = latestAccepted
        self.localOffset = localOffset
    }

    // MARK: Text

    /// A timestamp written as text: RFC 3339 / ISO 8601 (`T`, `t` or space; 0–9 fraction digits
    /// after `.` or `,`; `Z`, `±hh:mm`, `±hhmm`, `±hh` or no zone = local), Go's
    /// `2006-01-02 15:04:05.999 -0700 MST`, RFC 1123 `Mon, 02 Jan 2006 15:04:05 GMT`, or only
    /// digits (with an optional fraction), which are read as an epoch number by magnitude.
    public func parse(text: UnsafeBufferPointer<UInt8>) -> LogTimestamp? {
        if let fields = Self.fastUTCFields(text) { return resolve(fields) }
        guard let first = text.first else { return nil }
        if ScaledDecimal.isDigit(first) {
            if Self.isDigitsWithOptionalFraction(text) { return parse(number: text) }
            if text.count > 4, text[4] == UInt8(ascii: "-") {
                return Self.calendarFields(text).flatMap(resolve)
            }
        }
        return Self.rfc1123Fields(text).flatMap(resolve)
    }

    public func parse(string: String) -> LogTimestamp? {
        var copy = string
        return copy.withUTF8 { parse(text: $0) }
    }

    // MARK: Numbers

    /// The source text of a JSON number holding an epoch time. The unit comes from the magnitude
    /// of the integer part: < 1e11 seconds, < 1e14 milliseconds, < 1e17 microseconds, else
    /// nanoseconds. Integer arithmetic throughout, so 19-digit nanoseconds and 9-digit second
    /// fractions stay exact; digits finer than a nanosecond are truncated.
    public func parse(number: UnsafeBufferPointer<UInt8>) -> LogTimestamp? {
        if let whole = Self.shortInteger(number) { return fromInteger(whole) }
        // A negative epoch is before 1970, always outside the window.
        guard let decimal = ScaledDecimal(number), !decimal.isNegative,
              let whole = decimal.integerMagnitude else { return nil }
        let unitNanoseconds: UInt64
        let fractionDigits: Int
        switch whole {
        case ..<100_000_000_000: (unitNanoseconds, fractionDigits) = (1_000_000_000, 9)
        case ..<100_000_000_000_000: (unitNanoseconds, fractionDigits) = (1_000_000, 6)
        case ..<100_000_000_000_000_000: (unitNanoseconds, fractionDigits) = (1_000, 3)
        default: (unitNanoseconds, fractionDigits) = (1, 0)
        }
        let (scaled, overflowed) = whole.multipliedReportingOverflow(by: unitNanoseconds)
        let (total, carried) = scaled.addingReportingOverflow(decimal.fractionDigits(fractionDigits))
        guard !overflowed, !carried, total <= UInt64(Int64.max) else { return nil }
        return accept(nanoseconds: Int64(total), zoneAssumed: false)
    }

    /// The fast path for the most common epoch: an integer of at most 18 digits (pino's ms).
    @inline(__always)
    static func shortInteger(_ text: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !text.isEmpty, text.count <= 18 else { return nil }
        var value: UInt64 = 0
        for byte in text {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ UInt64(digit)
        }
        return value
    }

    private func fromInteger(_ whole: UInt64) -> LogTimestamp? {
        let unitNanoseconds: UInt64 = switch whole {
        case ..<100_000_000_000: 1_000_000_000
        case ..<100_000_000_000_000: 1_000_000
        case ..<100_000_000_000_000_000: 1_000
        default: 1
        }
        let (total, overflowed) = whole.multipliedReportingOverflow(by: unitNanoseconds)
        guard !overflowed, total <= UInt64(Int64.max) else { return nil }
        return accept(nanoseconds: Int64(total), zoneAssumed: false)
    }

    public func parse(numberText: String) -> LogTimestamp? {
        var copy = numberText
        return copy.withUTF8 { parse(number: $0) }
    }

    /// GCP's `{seconds, nanos}` object and `timestampSeconds` + `timestampNanos` pair.
    public func parse(seconds: Int64, nanos: Int64) -> LogTimestamp? {
        accept(seconds: seconds, nanoseconds: nanos, zoneAssumed: false)
    }

    // MARK: Shared steps

    /// Validates calendar fields and turns them into an instant; the zone-less case asks
    /// `localOffset` and marks the result as assumed.
    func resolve(_ fields: Fields) -> LogTimestamp? {
        guard (1...12).contains(fields.month), fields.day >= 1,
              fields.day <= CivilTime.daysIn(month: fields.month, year: fields.year),
              fields.hour <= 23, fields.minute <= 59, fields.second <= 60 else { return nil }
        // A leap second (23:59:60) is shown as the last ordinary second rather than rolling over.
        let second = min(fields.second, 59)
        let asIfUTC = CivilTime.days(fromYear: fields.year, month: fields.month, day: fields.day) * 86_400
            + Int64(fields.hour * 3600 + fields.minute * 60 + second)
        if let offset = fields.offsetSeconds {
            return accept(seconds: asIfUTC - Int64(offset), nanoseconds: Int64(fields.nanosecond), zoneAssumed: false)
        }
        let offset = Int64(localOffset(asIfUTC))
        return accept(seconds: asIfUTC &- offset, nanoseconds: Int64(fields.nanosecond), zoneAssumed: true)
    }

    func accept(seconds: Int64, nanoseconds: Int64, zoneAssumed: Bool) -> LogTimestamp? {
        let (scaled, overflowed) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, carried) = scaled.addingReportingOverflow(nanoseconds)
        guard !overflowed, !carried else { return nil }
        return accept(nanoseconds: total, zoneAssumed: zoneAssumed)
    }

    @inline(__always)
    func accept(nanoseconds: Int64, zoneAssumed: Bool) -> LogTimestamp? {
        guard nanoseconds >= Self.earliestAccepted.nanosecondsSinceEpoch,
              nanoseconds <= latestAccepted.nanosecondsSinceEpoch else { return nil }
        return LogTimestamp(nanosecondsSinceEpoch: nanoseconds, zoneAssumed: zoneAssumed)
    }

    /// `1714564800` or `1714564800.123`: text that is an epoch number written as a string
    /// (journald's `__REALTIME_TIMESTAMP`, OTel's `timeUnixNano`).
    static func isDigitsWithOptionalFraction(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawPoint = false
        for byte in text where !ScaledDecimal.isDigit(byte) {
            guard byte == UInt8(ascii: "."), !sawPoint else { return false }
            sawPoint = true
        }
        return true
    }
}

extension TimestampParser {
    /// Calendar fields as written, before validation. `offsetSeconds` nil means "no zone given".
    struct Fields {
        var year = 0, month = 0, day = 0
        var hour = 0, minute = 0, second = 0
        var nanosecond = 0
        var offsetSeconds: Int?
    }
}
