/// Reads the pieces of exposition text and of scrape selectors from bytes: metric and label names,
/// quoted label values with their escapes, and values. Shared by `ExpositionParser` (pages) and
/// `ScrapeExpression` (what a configuration names), which write series the same way.
///
/// Every read either advances over what it read or returns nil leaving the position where the
/// unreadable part begins; it never reads past `end`.
struct ExpositionCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        position = start
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var atEnd: Bool { position >= end }

    var current: UInt8? { position < end ? bytes[position] : nil }

    mutating func skipBlanks() {
        while position < end, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position &+= 1
        }
    }

    /// Skips one expected byte.
    mutating func take(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        position &+= 1
        return true
    }

    /// A metric name: `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    mutating func metricName() -> String? {
        name { ASCII.isLetter($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") }
    }

    /// A label name: `[a-zA-Z_][a-zA-Z0-9_]*`.
    mutating func labelName() -> String? {
        name { ASCII.isLetter($0) || $0 == UInt8(ascii: "_") }
    }

    private mutating func name(first: (UInt8) -> Bool) -> String? {
        guard let byte = current, first(byte) else { return nil }
        let start = position
        position &+= 1
        while let byte = current, first(byte) || ASCII.isDigit(byte) { position &+= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// A double-quoted label value with the format's escapes (`\\`, `\"`, `\n`); any other escaped
    /// byte stands for itself, as Prometheus's own parser reads it. Nil when the quote never closes.
    mutating func quotedValue() -> String? {
        let start = position
        guard take(UInt8(ascii: "\"")) else { return nil }
        var value: [UInt8] = []
        while position < end {
            let byte = bytes[position]
            position &+= 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: value, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < end else { position = start; return nil }
                let escaped = bytes[position]
                position &+= 1
                value.append(escaped == UInt8(ascii: "n") ? 0x0A : escaped)
            default:
                value.append(byte)
            }
        }
        position = start
        return nil
    }

    /// The bytes up to the next blank or the end: a value or a timestamp.
    mutating func token() -> UnsafeBufferPointer<UInt8> {
        let start = position
        while let byte = current, byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t") { position &+= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<position])
    }

    /// A sample value: a decimal or exponent number, or NaN and the infinities in any case
    /// (`NaN`, `+Inf`, `-Inf`, `Inf`, `nan`), as exporters in several languages write them.
    static func value(_ token: UnsafeBufferPointer<UInt8>) -> MetricValue? {
        guard !token.isEmpty, token.count <= 64 else { return nil }
        let text = String(decoding: token, as: UTF8.self)
        switch text.lowercased() {
        case "nan", "+nan", "-nan": return .notANumber
        case "inf", "+inf", "infinity", "+infinity": return .positiveInfinity
        case "-inf", "-infinity": return .negativeInfinity
        default: return MetricValue(prometheusText: text)
        }
    }

    /// Milliseconds since the epoch: an optional minus and at most 18 digits, so it always fits.
    static func timestamp(_ token: UnsafeBufferPointer<UInt8>) -> Int64? {
        var digits = token[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy(ASCII.isDigit) else { return nil }
        var value: Int64 = 0
        for digit in digits { value = value &* 10 &+ Int64(digit &- UInt8(ascii: "0")) }
        return negative ? -value : value
    }
}
