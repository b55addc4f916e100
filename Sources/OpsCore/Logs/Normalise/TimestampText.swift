/// The text grammars of `TimestampParser`: the fixed-position fast path, the RFC 3339 family
/// (with Go's and Python's variants) and RFC 1123. Each returns unvalidated fields; validation
/// and zone arithmetic happen once, in `TimestampParser.resolve`.
extension TimestampParser {
    /// `YYYY-MM-DDTHH:MM:SS(.f{1,9})?Z` read at fixed offsets: the form most loggers write,
    /// so it skips the general grammar's branching.
    static func fastUTCFields(_ t: UnsafeBufferPointer<UInt8>) -> Fields? {
        let n = t.count
        guard n == 20 || (n >= 22 && n <= 30), t[n - 1] == UInt8(ascii: "Z"),
              t[4] == UInt8(ascii: "-"), t[7] == UInt8(ascii: "-"), t[10] == UInt8(ascii: "T"),
              t[13] == UInt8(ascii: ":"), t[16] == UInt8(ascii: ":"),
              let year = number(t, 0, 4), let month = number(t, 5, 2), let day = number(t, 8, 2),
              let hour = number(t, 11, 2), let minute = number(t, 14, 2), let second = number(t, 17, 2)
        else { return nil }
        var fields = Fields(year: year, month: month, day: day, hour: hour, minute: minute,
                                     second: second, offsetSeconds: 0)
        if n > 20 {
            let digits = n - 21
            guard t[19] == UInt8(ascii: "."), let fraction = number(t, 20, digits) else { return nil }
            fields.nanosecond = fraction * powerOf10[9 - digits]
        }
        return fields
    }

    /// RFC 3339 / ISO 8601 with a 4-digit year and seconds, and the variants seen in logs:
    /// `t` or space for `T`; `,` for `.`; zone `Z`, `±hh:mm`, `±hhmm`, `±hh` or none; Go's
    /// ` -0700 MST` and ` UTC` after a space.
    static func calendarFields(_ t: UnsafeBufferPointer<UInt8>) -> Fields? {
        var c = TextCursor(t)
        var f = Fields()
        guard let year = c.number(4), c.skip("-"), let month = c.number(2), c.skip("-"),
              let day = c.number(2) else { return nil }
        guard let separator = c.next(),
              separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " "),
              let clock = c.clock() else { return nil }
        (f.year, f.month, f.day) = (year, month, day)
        (f.hour, f.minute, f.second) = clock
        if c.peek == UInt8(ascii: ".") || c.peek == UInt8(ascii: ",") {
            c.advance()
            guard let nanos = c.fractionNanoseconds() else { return nil }
            f.nanosecond = nanos
        }
        switch c.zone() {
        case .local: f.offsetSeconds = nil
        case .offset(let seconds): f.offsetSeconds = seconds
        case .invalid: return nil
        }
        return c.isAtEnd ? f : nil
    }

    /// RFC 1123 / RFC 2822: `Mon, 02 Jan 2006 15:04:05 GMT` or `… -0700`; the weekday is optional
    /// and not checked against the date (writers get it wrong and the date is what matters).
    static func rfc1123Fields(_ t: UnsafeBufferPointer<UInt8>) -> Fields? {
        var c = TextCursor(t)
        var f = Fields()
        if let first = c.peek, !ScaledDecimal.isDigit(first) {
            guard let weekday = c.letters3(), weekdayNames.contains(weekday),
                  c.skip(","), c.skip(" ") else { return nil }
        }
        guard let day = c.number(2) ?? c.number(1), c.skip(" "),
              let monthName = c.letters3(), let monthIndex = monthNames.firstIndex(of: monthName),
              c.skip(" "), let year = c.number(4), c.skip(" "), let clock = c.clock(), c.skip(" ")
        else { return nil }
        (f.year, f.month, f.day) = (year, monthIndex + 1, day)
        (f.hour, f.minute, f.second) = clock
        if let sign = c.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            f.offsetSeconds = c.numericOffset()
        } else {
            f.offsetSeconds = c.utcName()
        }
        return f.offsetSeconds != nil && c.isAtEnd ? f : nil
    }

    /// `count` ASCII digits at `start` as a number, or nil when one is not a digit.
    @inline(__always)
    static func number(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<(start + count) {
            let d = t[i] &- 48
            guard d < 10 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }

    static let powerOf10: [Int] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
                                   100_000_000, 1_000_000_000]

    /// Three lowercase ASCII letters packed into one integer, so names compare without Strings.
    static func packed3(_ name: StaticString) -> UInt32 {
        let p = name.utf8Start
        return UInt32(p[0]) | UInt32(p[1]) << 8 | UInt32(p[2]) << 16
    }

    static let monthNames: [UInt32] = ["jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"].map(packed3)
    static let weekdayNames: [UInt32] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(packed3)
}

extension TimestampParser {
    /// A forward-only reader over a timestamp's bytes; every read checks bounds and returns nil
    /// (or false) instead of trapping.
    struct TextCursor {
        private let text: UnsafeBufferPointer<UInt8>
        private var index = 0

        init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

        var isAtEnd: Bool { index >= text.count }
        var peek: UInt8? { index < text.count ? text[index] : nil }

        mutating func advance() { index += 1 }

        mutating func next() -> UInt8? {
            guard index < text.count else { return nil }
            defer { index += 1 }
            return text[index]
        }

        mutating func skip(_ byte: Unicode.Scalar) -> Bool {
            guard peek == UInt8(ascii: byte) else { return false }
            index += 1
            return true
        }

        /// Exactly `count` digits; on failure nothing is consumed.
        mutating func number(_ count: Int) -> Int? {
            guard text.count - index >= count,
                  let value = TimestampParser.number(text, index, count) else { return nil }
            index += count
            return value
        }

        /// `HH:MM:SS`
        mutating func clock() -> (Int, Int, Int)? {
            guard let h = number(2), skip(":"), let m = number(2), skip(":"), let s = number(2) else { return nil }
            return (h, m, s)
        }

        /// One or more digits after the decimal separator, as nanoseconds. Digits past the ninth
        /// are finer than a LogTimestamp holds and are truncated rather than rejected.
        mutating func fractionNanoseconds() -> Int? {
            var value = 0
            var count = 0
            while let byte = peek, ScaledDecimal.isDigit(byte) {
                if count < 9 { value = value * 10 + Int(byte &- 48) }
                count += 1
                index += 1
            }
            guard count > 0 else { return nil }
            return count >= 9 ? value : value * TimestampParser.powerOf10[9 - count]
        }

        enum Zone { case local, offset(Int), invalid }

        /// The zone after the time: none at all means local time.
        mutating func zone() -> Zone {
            guard let byte = peek else { return .local }
            switch byte {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                index += 1
                return .offset(0)
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                return numericOffset().map(Zone.offset) ?? .invalid
            case UInt8(ascii: " "):
                index += 1
                if let sign = peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                    guard let offset = numericOffset() else { return .invalid }
                    // Go appends the zone's abbreviation (`MST`, `CEST`, `+03`); the offset already says it all.
                    if skip(" "), !skipAbbreviation() { return .invalid }
                    return .offset(offset)
                }
                return utcName().map(Zone.offset) ?? .invalid
            default:
                return .invalid
            }
        }

        /// `±hh`, `±hhmm` or `±hh:mm` as seconds east of UTC.
        mutating func numericOffset() -> Int? {
            guard let sign = next(), let hours = number(2), hours <= 23 else { return nil }
            var minutes = 0
            if skip(":") {
                guard let m = number(2) else { return nil }
                minutes = m
            } else if let m = number(2) {
                minutes = m
            }
            guard minutes <= 59 else { return nil }
            let seconds = hours * 3600 + minutes * 60
            return sign == UInt8(ascii: "-") ? -seconds : seconds
        }

        /// `UTC`, `GMT`, `UT` or `Z`: the only zone names whose offset is known without a database.
        mutating func utcName() -> Int? {
            let rest = text.count - index
            guard rest >= 1, rest <= 3 else { return nil }
            var word: UInt32 = 0
            for i in 0..<rest { word |= UInt32(text[index + i] | 0x20) << (8 * i) }
            switch word {
            case 0x7A, 0x74_75, 0x63_74_75, 0x74_6D_67:  // "z", "ut", "utc", "gmt", packed low byte first
                index = text.count
                return 0
            default:
                return nil
            }
        }

        private mutating func skipAbbreviation() -> Bool {
            let start = index
            while let byte = peek, (byte | 0x20) &- 97 < 26 || ScaledDecimal.isDigit(byte)
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                index += 1
            }
            return index > start && index - start <= 6
        }

        /// Three ASCII letters, lowercased and packed as `TimestampParser.packed3` packs names.
        mutating func letters3() -> UInt32? {
            guard text.count - index >= 3 else { return nil }
            var word: UInt32 = 0
            for i in 0..<3 {
                let lower = text[index + i] | 0x20
                guard (lower &- 97) < 26 else { return nil }
                word |= UInt32(lower) << (8 * i)
            }
            index += 3
            return word
        }
    }
}
