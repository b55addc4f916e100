/// Turns logfmt value bytes into a `JSONValue`.
enum LogfmtValue {
    /// Bare values are typed as lnav types them: `true`/`false` (any case) become booleans,
    /// numbers become `.number` with their source text, everything else stays a string.
    /// Unlike lnav, a number must follow JSON's grammar (`007`, `1.`, `+1` stay strings), so
    /// that writing the record back out as JSON stays valid and zero-padded ids keep their
    /// zeros.
    static func bare(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> JSONValue {
        if range.count == 4 || range.count == 5 {
            if equalsIgnoringCase(line, range, "true") { return .bool(true) }
            if equalsIgnoringCase(line, range, "false") { return .bool(false) }
        }
        let text = LineBytes.string(line, range)
        return isJSONNumber(line, range) ? .number(text) : .string(text)
    }

    static func quoted(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hasEscapes: Bool) -> JSONValue {
        .string(hasEscapes ? unescape(line, range) : LineBytes.string(line, range))
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    static func isJSONNumber(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        let end = range.upperBound
        if i < end && line[i] == LineBytes.dash { i += 1 }
        guard i < end, LineBytes.isDigit(line[i]) else { return false }
        if line[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while i < end && LineBytes.isDigit(line[i]) { i += 1 }
        }
        if i < end && line[i] == LineBytes.dot {
            i += 1
            let digitsStart = i
            while i < end && LineBytes.isDigit(line[i]) { i += 1 }
            guard i > digitsStart else { return false }
        }
        if i < end && (line[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            if i < end && (line[i] == UInt8(ascii: "+") || line[i] == LineBytes.dash) { i += 1 }
            let digitsStart = i
            while i < end && LineBytes.isDigit(line[i]) { i += 1 }
            guard i > digitsStart else { return false }
        }
        return i == end
    }

    /// Go's escapes as `strconv.Quote` (logrus, slog) and go-logfmt write them: `\"`, `\\`,
    /// `\n`, `\t`, `\r`, `\a`, `\b`, `\f`, `\v`, `\/`, `\xNN`, `\uXXXX` (with surrogate
    /// pairs) and `\UXXXXXXXX`. An unknown or cut escape is kept as written.
    static func unescape(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = line[i]
            guard b == LineBytes.backslash, i + 1 < end else {
                out.append(b)
                i += 1
                continue
            }
            let e = line[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "v"): out.append(0x0B)
            case LineBytes.quote, LineBytes.backslash, LineBytes.slash, UInt8(ascii: "'"): out.append(e)
            case UInt8(ascii: "x"):
                if let value = hex(line, at: i, count: 2, end: end) {
                    out.append(UInt8(truncatingIfNeeded: value))
                    i += 2
                } else {
                    out.append(LineBytes.backslash); out.append(e)
                }
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let count = e == UInt8(ascii: "u") ? 4 : 8
                guard var scalar = hex(line, at: i, count: count, end: end) else {
                    out.append(LineBytes.backslash); out.append(e)
                    break
                }
                i += count
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= end, line[i] == LineBytes.backslash,
                   line[i + 1] == UInt8(ascii: "u"), let low = hex(line, at: i + 2, count: 4, end: end),
                   (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &out)
            default:
                out.append(LineBytes.backslash); out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ line: UnsafeBufferPointer<UInt8>, at i: Int, count: Int, end: Int) -> UInt32? {
        guard i + count <= end else { return nil }
        var value: UInt32 = 0
        for k in i..<(i + count) {
            let b = line[k]
            let digit: UInt8
            if LineBytes.isDigit(b) {
                digit = b &- 0x30
            } else if (b | 0x20) &- 0x61 < 6 {
                digit = (b | 0x20) &- 0x61 &+ 10
            } else {
                return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        if let encoded = UTF8.encode(scalar) { out.append(contentsOf: encoded) }
    }

    static func equalsIgnoringCase(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                   _ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<range.count where LineBytes.lowercased(line[range.lowerBound + k]) != w[k] { return false }
        return true
    }
}
