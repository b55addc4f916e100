/// Maps what loggers write as a level (`"warning"`, `"\u{1b}[31merror\u{1b}[39m"`, `"INFO+2"`,
/// `"30"`, `50`, `severityNumber: 17`) to a canonical `LogLevel`, on bytes and without allocating.
public enum LevelMapper: Sendable {
    /// A level written as text. Spaces around it and ANSI CSI sequences anywhere in it are
    /// ignored (winston's `colorize()` puts colours inside the value); case does not matter.
    ///
    /// Recognised: every word of the level table, slog's `DEBUG-4` / `INFO+2` / `ERROR+4`, and,
    /// unless `strict`, digit strings on the pino scale (`"30"`) and lnav's first-letter rule for
    /// other words (`"Warn!"` → warn). `strict` is for keys that are only sometimes a level
    /// (Datadog's `status`), where `"200"` or `"ok"` must not become one.
    public static func level(word: UnsafeBufferPointer<UInt8>, strict: Bool = false) -> LogLevel? {
        let cleaned = CleanedWord(word)
        return cleaned.withBytes { bytes -> LogLevel? in
            guard let first = bytes.first else { return nil }
            let bodyEnd = bytes.firstIndex(where: { !isLetterOrDigit($0) }) ?? bytes.count
            let body = UnsafeBufferPointer(rebasing: bytes[..<bodyEnd])
            if bodyEnd == bytes.count, !cleaned.isTruncated {
                if let level = LevelWords.level(of: body) { return level }
                if !strict, body.allSatisfy(ScaledDecimal.isDigit) {
                    return level(number: decimalValue(body), scale: .pino)
                }
            } else if !cleaned.isTruncated, let level = slogLevel(base: body, suffix: bytes[bodyEnd...]) {
                return level
            }
            return strict ? nil : firstLetterLevel(first)
        }
    }

    public static func level(word: String, strict: Bool = false) -> LogLevel? {
        var copy = word
        return copy.withUTF8 { level(word: $0, strict: strict) }
    }

    /// The source text of a JSON number on a numeric scale; a fraction is floored (`-4.5` → −5).
    public static func level(number: UnsafeBufferPointer<UInt8>, scale: NumericScale) -> LogLevel? {
        guard let decimal = ScaledDecimal(number) else { return nil }
        return level(number: decimal.flooredInteger, scale: scale)
    }

    public static func level(numberText: String, scale: NumericScale) -> LogLevel? {
        var copy = numberText
        return copy.withUTF8 { level(number: $0, scale: scale) }
    }

    // MARK: Word forms

    /// slog prints a level between its named ones as the nearest name below plus an offset:
    /// `INFO+2`, `DEBUG-4`, `ERROR+4`. The sum is read on slog's numeric scale.
    private static func slogLevel(base: UnsafeBufferPointer<UInt8>,
                                  suffix: Slice<UnsafeBufferPointer<UInt8>>) -> LogLevel? {
        guard let baseValue = LevelWords.slogBaseValue(of: base),
              let sign = suffix.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let digits = UnsafeBufferPointer(rebasing: suffix.dropFirst())
        guard !digits.isEmpty, digits.allSatisfy(ScaledDecimal.isDigit) else { return nil }
        let offset = decimalValue(digits)
        let isDown = sign == UInt8(ascii: "-")
        let (total, overflowed) = isDown ? baseValue.subtractingReportingOverflow(offset)
                                         : baseValue.addingReportingOverflow(offset)
        return level(number: overflowed ? (isDown ? .min : .max) : total, scale: .slog)
    }

    /// lnav's rule for words outside the table: the first letter decides.
    private static func firstLetterLevel(_ byte: UInt8) -> LogLevel? {
        switch byte | 0x20 {
        case UInt8(ascii: "t"): .trace
        case UInt8(ascii: "d"), UInt8(ascii: "v"): .debug
        case UInt8(ascii: "i"): .info
        case UInt8(ascii: "n"): .notice
        case UInt8(ascii: "w"): .warn
        case UInt8(ascii: "e"): .error
        case UInt8(ascii: "c"), UInt8(ascii: "f"): .fatal
        default: nil
        }
    }

    @inline(__always)
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        ((byte | 0x20) &- 97) < 26 || ScaledDecimal.isDigit(byte)
    }

    /// ASCII digits as a number, saturating instead of overflowing: `ERROR+99999999999999999999`
    /// is still above ERROR.
    private static func decimalValue(_ digits: UnsafeBufferPointer<UInt8>) -> Int64 {
        var value: Int64 = 0
        for byte in digits {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int64(byte &- 48))
            if o1 || o2 { return .max }
            value = sum
        }
        return value
    }
}

/// A level word with ANSI CSI sequences removed and surrounding spaces trimmed, kept in a fixed
/// inline buffer: no level word is long, so anything longer is marked truncated and only its
/// first letter counts.
private struct CleanedWord {
    private var storage = InlineArray<32, UInt8>(repeating: 0)
    private var count = 0
    private(set) var isTruncated = false

    init(_ text: UnsafeBufferPointer<UInt8>) {
        var lastNonSpace = 0
        var i = 0
        let n = text.count
        while i < n {
            let byte = text[i]
            i += 1
            if byte == 0x1B, i < n, text[i] == UInt8(ascii: "[") {
                i = Self.endOfCSI(text, parametersStart: i + 1)
                continue
            }
            let isSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            if isSpace && count == 0 { continue }
            guard count < storage.count else { isTruncated = true; break }
            storage[count] = byte
            count += 1
            if !isSpace { lastNonSpace = count }
        }
        if !isTruncated { count = lastNonSpace }
    }

    /// Past the final byte (0x40–0x7E) of a CSI sequence whose parameters start at the index:
    /// parameter and intermediate bytes are 0x20–0x3F. An unfinished sequence runs to the end.
    private static func endOfCSI(_ text: UnsafeBufferPointer<UInt8>, parametersStart: Int) -> Int {
        var i = parametersStart
        while i < text.count {
            let byte = text[i]
            i += 1
            if byte >= 0x40 && byte <= 0x7E { return i }
            if byte < 0x20 || byte > 0x3F { return i - 1 }
        }
        return i
    }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let length = count
        return storage.span.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<length])) }
    }
}
