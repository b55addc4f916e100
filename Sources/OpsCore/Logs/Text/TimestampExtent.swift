/// Finds where a timestamp of a known shape ends, without converting it: the timestamp
/// parser lives elsewhere and gets the byte range. Field values are range-checked (month
/// 1–12, hour 0–23, ...) so that version numbers or ids shaped like dates are not taken.
enum TimestampExtent {
    struct Found: Equatable {
        var end: Int
        var hasZone: Bool
    }

    /// Options of the ISO 8601 / RFC 3339 family.
    struct Rules {
        /// Accept a space as the date/time separator (`2024-05-01 12:00:00`).
        var allowSpaceSeparator = false
        /// Accept `/` as the date separator (Go log, nginx: `2024/05/01 12:00:00`).
        var allowSlashDate = false
        /// Refuse a timestamp without a zone (the docker/kubectl prefix always has one).
        var requireZone = false
        /// Accept a space before a numeric zone and a zone name after it, as Go's
        /// `time.String()` writes: `2024-05-01 12:00:00.5 -0700 MST`.
        var allowSpacedZone = false

        static let rfc3339 = Rules()
        static let rfc3339WithZone = Rules(requireZone: true)
        static let plainText = Rules(allowSpaceSeparator: true, allowSlashDate: true, allowSpacedZone: true)
    }

    /// An ISO 8601 / RFC 3339 date-time starting at `i`: `YYYY-MM-DD(T| )hh:mm:ss`, an optional
    /// fraction of 1–9 digits after `.` or `,`, an optional zone `Z`, `±hh:mm`, `±hhmm` or `±hh`.
    /// The byte after it must not continue a word or number.
    static func iso(_ line: UnsafeBufferPointer<UInt8>, at i: Int, _ rules: Rules) -> Found? {
        guard let year = LineBytes.digits(line, at: i, count: 4), year > 0,
              let dateSeparator = LineBytes.byte(line, i + 4),
              dateSeparator == LineBytes.dash || (rules.allowSlashDate && dateSeparator == LineBytes.slash),
              let month = LineBytes.digits(line, at: i + 5, count: 2), (1...12).contains(month),
              LineBytes.isByte(line, i + 7, dateSeparator),
              let day = LineBytes.digits(line, at: i + 8, count: 2), (1...31).contains(day),
              let separator = LineBytes.byte(line, i + 10),
              separator == UInt8(ascii: "T") || (rules.allowSpaceSeparator && separator == LineBytes.space),
              let timeEnd = clock(line, at: i + 11)
        else { return nil }
        var j = fraction(line, at: timeEnd)
        // Digits after the mark that are no fraction (ten or more) make it no timestamp.
        if j == timeEnd, let mark = LineBytes.byte(line, j), mark == LineBytes.dot || mark == UInt8(ascii: ","),
           let digit = LineBytes.byte(line, j + 1), LineBytes.isDigit(digit) {
            return nil
        }
        var hasZone = false
        if let zoneEnd = zone(line, at: j) {
            j = zoneEnd
            hasZone = true
        } else if rules.allowSpacedZone, LineBytes.isByte(line, j, LineBytes.space),
                  let zoneEnd = numericZone(line, at: j + 1), zoneEnd - (j + 1) >= 5 {
            // Apart from the timestamp, only a full `-0700` reads as a zone: `-12 items` is text.
            j = zoneEnd
            hasZone = true
            j = zoneName(line, after: j)
        }
        if rules.requireZone && !hasZone { return nil }
        if let next = LineBytes.byte(line, j), LineBytes.isAlphanumeric(next) { return nil }
        return Found(end: j, hasZone: hasZone)
    }

    /// `hh:mm:ss` at `i` with values in range; returns the index after the seconds.
    static func clock(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        guard let hour = LineBytes.digits(line, at: i, count: 2), hour <= 24,
              LineBytes.isByte(line, i + 2, LineBytes.colon),
              let minute = LineBytes.digits(line, at: i + 3, count: 2), minute <= 59,
              LineBytes.isByte(line, i + 5, LineBytes.colon),
              let second = LineBytes.digits(line, at: i + 6, count: 2), second <= 60
        else { return nil }
        return i + 8
    }

    /// An optional `.ddd` or `,ddd` fraction of 1–9 digits at `i`; returns the index after it
    /// (or `i` when there is none). Ten or more digits are not a fraction any parser reads.
    static func fraction(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        guard let mark = LineBytes.byte(line, i), mark == LineBytes.dot || mark == UInt8(ascii: ",") else { return i }
        let end = LineBytes.skip(line, from: i + 1, while: LineBytes.isDigit)
        let count = end - (i + 1)
        return (1...9).contains(count) ? end : i
    }

    /// `Z`, `±hh:mm`, `±hhmm` or `±hh` at `i`.
    static func zone(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        guard let b = LineBytes.byte(line, i) else { return nil }
        if b == UInt8(ascii: "Z") || b == UInt8(ascii: "z") { return i + 1 }
        return numericZone(line, at: i)
    }

    static func numericZone(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        guard let sign = LineBytes.byte(line, i), sign == UInt8(ascii: "+") || sign == LineBytes.dash,
              let hours = LineBytes.digits(line, at: i + 1, count: 2), hours <= 14
        else { return nil }
        if LineBytes.isByte(line, i + 3, LineBytes.colon) {
            guard let minutes = LineBytes.digits(line, at: i + 4, count: 2), minutes <= 59 else { return nil }
            return i + 6
        }
        if let minutes = LineBytes.digits(line, at: i + 3, count: 2) {
            return minutes <= 59 ? i + 5 : nil
        }
        return i + 3
    }

    /// After a spaced numeric zone Go writes the zone's name (`UTC`, `CEST`) or, for a zone
    /// without one, its offset again (`+03`). A level word in that place is not a zone.
    private static func zoneName(_ line: UnsafeBufferPointer<UInt8>, after i: Int) -> Int {
        guard LineBytes.isByte(line, i, LineBytes.space) else { return i }
        if let offsetEnd = numericZone(line, at: i + 1), LineBytes.isTokenEnd(line, offsetEnd) { return offsetEnd }
        let end = LineBytes.skip(line, from: i + 1, while: LineBytes.isUpper)
        let length = end - (i + 1)
        guard (2...5).contains(length), LineBytes.isTokenEnd(line, end),
              !TextLevelWords.isLevel(line, (i + 1)..<end, anyCase: false)
        else { return i }
        return end
    }

    /// The RFC 3164 (BSD syslog) timestamp `Mmm dd hh:mm:ss` at `i`, day space-padded
    /// (`May  1`) or not. It has no year and no zone.
    static func bsdSyslog(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        guard monthAbbreviation(line, at: i), LineBytes.isByte(line, i + 3, LineBytes.space) else { return nil }
        var j = i + 4
        if LineBytes.isByte(line, j, LineBytes.space) {
            guard isNonZeroDigit(line, j + 1) else { return nil }
            j += 2
        } else if let day = LineBytes.digits(line, at: j, count: 2) {
            guard (1...31).contains(day) else { return nil }
            j += 2
        } else {
            guard isNonZeroDigit(line, j) else { return nil }
            j += 1
        }
        guard LineBytes.isByte(line, j, LineBytes.space), let end = clock(line, at: j + 1) else { return nil }
        return end
    }

    private static func isNonZeroDigit(_ line: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard let b = LineBytes.byte(line, i) else { return false }
        return b &- 0x31 < 9
    }

    private static func monthAbbreviation(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i >= 0, i + 3 <= line.count, LineBytes.isUpper(line[i]),
              LineBytes.isLower(line[i + 1]), LineBytes.isLower(line[i + 2]) else { return false }
        let key = UInt32(line[i]) << 16 | UInt32(line[i + 1]) << 8 | UInt32(line[i + 2])
        return monthKeys.contains(key)
    }

    private static let monthKeys: [UInt32] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map { name in
        name.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }
}
