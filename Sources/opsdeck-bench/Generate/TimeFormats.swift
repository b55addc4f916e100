import OpsCore

/// How one logger writes a calendar timestamp. Each shape names its style; the variants are
/// the ones log readers meet in practice (fraction lengths, trimmed zeros, offsets, python's
/// comma, no zone at all).
struct TimeStyle: Sendable {
    enum Zone: Sendable {
        case utcZ
        /// Local time `offsetMinutes` east of UTC, written `+01:00` (or `+0100` without colon).
        case offset(minutes: Int, colon: Bool)
        /// Wall-clock text with no zone (python asctime, Spring Boot 2 default).
        case none
    }

    var fractionDigits: Int
    /// Go's RFC3339Nano drops trailing zeros of the fraction, and the dot when none remain.
    var trimsTrailingZeros = false
    var dateTimeSeparator = UInt8(ascii: "T")
    var fractionSeparator = UInt8(ascii: ".")
    var zone: Zone = .utcZ

    static let isoMillisZ = TimeStyle(fractionDigits: 3)                          // bunyan, winston, ECS
    static let isoMicrosZ = TimeStyle(fractionDigits: 6)                          // structlog, tracing
    static let rfc3339NanoZ = TimeStyle(fractionDigits: 9, trimsTrailingZeros: true)  // docker, GCP
    static let rfc3339NanoFixedZ = TimeStyle(fractionDigits: 9)                   // kubectl --timestamps
    static let rfc3339SecondsZ = TimeStyle(fractionDigits: 0)                     // logrus
    static let clef = TimeStyle(fractionDigits: 7)                                // Serilog (.NET ticks)
    static let pythonAsctime = TimeStyle(fractionDigits: 3, dateTimeSeparator: UInt8(ascii: " "),
                                         fractionSeparator: UInt8(ascii: ","), zone: .none)
    static let loguruRepr = TimeStyle(fractionDigits: 6, dateTimeSeparator: UInt8(ascii: " "),
                                      zone: .offset(minutes: 0, colon: true))
    static let loguruText = TimeStyle(fractionDigits: 3, dateTimeSeparator: UInt8(ascii: " "), zone: .none)

    static func rfc3339Seconds(offsetMinutes: Int) -> TimeStyle {                  // zerolog
        TimeStyle(fractionDigits: 0, zone: .offset(minutes: offsetMinutes, colon: true))
    }
    static func rfc3339Nano(offsetMinutes: Int) -> TimeStyle {                     // slog JSON
        TimeStyle(fractionDigits: 9, trimsTrailingZeros: true, zone: .offset(minutes: offsetMinutes, colon: true))
    }
    static func isoMillis(offsetMinutes: Int) -> TimeStyle {                       // logback, slog text, Spring
        TimeStyle(fractionDigits: 3, zone: .offset(minutes: offsetMinutes, colon: true))
    }
}

private let nanosPerSecond: Int64 = 1_000_000_000
private let powersOfTen: [Int64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
                                    100_000_000, 1_000_000_000]

extension ByteBuffer {
    /// A calendar timestamp of `nanos` (since the epoch, non-negative) in `style`.
    mutating func appendTimestamp(nanos: Int64, _ style: TimeStyle) {
        var offsetMinutes = 0
        if case .offset(let minutes, _) = style.zone { offsetMinutes = minutes }
        let local = nanos &+ Int64(offsetMinutes) &* 60 &* nanosPerSecond
        let seconds = local / nanosPerSecond
        let civil = CivilTime(secondsSinceEpoch: seconds)
        appendDecimal(civil.year, width: 4); append(UInt8(ascii: "-"))
        appendDecimal(civil.month, width: 2); append(UInt8(ascii: "-"))
        appendDecimal(civil.day, width: 2); append(style.dateTimeSeparator)
        appendDecimal(civil.hour, width: 2); append(UInt8(ascii: ":"))
        appendDecimal(civil.minute, width: 2); append(UInt8(ascii: ":"))
        appendDecimal(civil.second, width: 2)
        appendFraction(local - seconds * nanosPerSecond, digits: style.fractionDigits,
                       trimmed: style.trimsTrailingZeros, separator: style.fractionSeparator)
        switch style.zone {
        case .utcZ:
            append(UInt8(ascii: "Z"))
        case .offset(let minutes, let colon):
            append(minutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            appendDecimal(abs(minutes) / 60, width: 2)
            if colon { append(UInt8(ascii: ":")) }
            appendDecimal(abs(minutes) % 60, width: 2)
        case .none:
            break
        }
    }

    /// Epoch milliseconds as an integer (pino, bunyan's `time` in some setups).
    mutating func appendEpochMillis(nanos: Int64) { appendDecimal(nanos / 1_000_000) }

    /// Epoch seconds as a float (`1732800000.1234567`): zap, klog, structlog `fmt=None`, loguru.
    /// Writers print the shortest round-tripping float, so trailing zeros are dropped.
    mutating func appendEpochSeconds(nanos: Int64, fractionDigits: Int) {
        let seconds = nanos / nanosPerSecond
        appendDecimal(seconds)
        appendFraction(nanos - seconds * nanosPerSecond, digits: fractionDigits, trimmed: true,
                       separator: UInt8(ascii: "."))
    }

    private mutating func appendFraction(_ subsecondNanos: Int64, digits: Int, trimmed: Bool, separator: UInt8) {
        guard digits > 0 else { return }
        var value = subsecondNanos / powersOfTen[9 - digits]
        var width = digits
        if trimmed {
            while width > 0 && value % 10 == 0 {
                value /= 10
                width -= 1
            }
            if width == 0 { return }
        }
        append(separator)
        appendDecimal(value, width: width)
    }
}
