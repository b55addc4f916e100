/// How one JSON encoder escapes string contents. Real encoders differ, and a log reader has to
/// decode all of them, so each shape writes its strings the way its logger's encoder does.
struct JSONStyle: Sendable {
    enum NonASCII: Sendable {
        /// UTF-8 bytes as they are (Node, Go, Jackson, Serilog, serde).
        case raw
        /// `\u00e9`, astral characters as surrogate pairs (Python's `ensure_ascii=True` default).
        case escapedLowerHex
        /// `\u00E9` (System.Text.Json's default `JavaScriptEncoder`).
        case escapedUpperHex
    }

    enum HTMLEscaping: Sendable {
        case none
        /// `<`, `>`, `&` as `\u003c` ... (Go encoding/json: logrus, slog).
        case go
        /// Also `'`, `+`, backtick, and `"` as `\u0022` (System.Text.Json).
        case systemTextJSON
    }

    var nonASCII: NonASCII = .raw
    var html: HTMLEscaping = .none
    var upperHexControls = false
    /// PHP's json_encode and Ruby's script-safe mode write `/` as `\/`; some lines get it so the
    /// reader's decoder sees that escape too.
    var escapesSlash = false

    /// The bytes this style copies unescaped.
    var plainBytes: ByteSet {
        var set = ByteSet(low: 0xFFFF_FFFF_0000_0000, high: ~0, nonASCII: nonASCII == .raw)
        set.remove(UInt8(ascii: "\""))
        set.remove(UInt8(ascii: "\\"))
        if escapesSlash { set.remove(UInt8(ascii: "/")) }
        if html != .none {
            for byte in "<>&".utf8 { set.remove(byte) }
        }
        if html == .systemTextJSON {
            for byte in "'+`".utf8 { set.remove(byte) }
        }
        return set
    }

    static let node = JSONStyle()
    static let goFast = JSONStyle()                                   // zap, zerolog
    static let goEncodingJSON = JSONStyle(html: .go)                  // logrus, slog, docker, klog
    static let python = JSONStyle(nonASCII: .escapedLowerHex)         // structlog, python-json-logger
    static let jackson = JSONStyle(upperHexControls: true)            // logback, log4j2
    static let systemTextJSON = JSONStyle(nonASCII: .escapedUpperHex, html: .systemTextJSON,
                                          upperHexControls: true)     // Microsoft.Extensions.Logging
    static let serilog = JSONStyle()
    static let serde = JSONStyle()                                    // Rust tracing
}

enum StringEscaping {
    /// Appends `text` (valid UTF-8) as a quoted JSON string in `style`. Runs of bytes that need
    /// no escape are found with a 256-bit table and copied in one append; most strings are one run.
    static func appendJSONString(_ text: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer, style: JSONStyle) {
        let plain = style.plainBytes
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            if plain.contains(byte) {
                index += 1
                continue
            }
            if runStart < index { out.append(UnsafeBufferPointer(rebasing: text[runStart..<index])) }
            index += appendEscaped(text, at: index, to: &out, style: style)
            runStart = index
        }
        if runStart < text.count { out.append(UnsafeBufferPointer(rebasing: text[runStart...])) }
        out.append(UInt8(ascii: "\""))
    }

    /// Writes the escape for the character at `index` and returns how many bytes it consumed.
    private static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, at index: Int, to out: inout ByteBuffer,
                                      style: JSONStyle) -> Int {
        let byte = text[index]
        switch byte {
        case UInt8(ascii: "\""):
            if style.html == .systemTextJSON { out.append("\\u0022") } else { out.append("\\\"") }
        case UInt8(ascii: "\\"): out.append("\\\\")
        case 0x0A: out.append("\\n")
        case 0x0D: out.append("\\r")
        case 0x09: out.append("\\t")
        case 0x08: out.append("\\b")
        case 0x0C: out.append("\\f")
        case 0x00..<0x20: appendUnicodeEscape(UInt32(byte), to: &out, upper: style.upperHexControls)
        case UInt8(ascii: "/"): out.append("\\/")
        case 0x80...:
            let (scalar, length) = decodeScalar(text, leadIndex: index)
            appendEscapedScalar(scalar, to: &out, upper: style.nonASCII == .escapedUpperHex)
            return length
        default:   // HTML-sensitive characters
            appendUnicodeEscape(UInt32(byte), to: &out, upper: style.html == .systemTextJSON)
        }
        return 1
    }

    static func appendJSONString(_ text: [UInt8], to out: inout ByteBuffer, style: JSONStyle) {
        text.withUnsafeBufferPointer { appendJSONString($0, to: &out, style: style) }
    }

    static func appendJSONString(_ text: borrowing ByteBuffer, to out: inout ByteBuffer, style: JSONStyle) {
        text.withUnsafeBufferPointer { appendJSONString($0, to: &out, style: style) }
    }

    static func appendJSONString(_ text: StaticString, to out: inout ByteBuffer, style: JSONStyle) {
        text.withUTF8Buffer { appendJSONString($0, to: &out, style: style) }
    }

    /// A logfmt value the way Go's logrus and slog text handlers write it: bare when it is a plain
    /// token, otherwise `strconv.Quote`-like (`\"`, `\\`, `\n`, `\t`, `\x01`; printable UTF-8 kept).
    static func appendLogfmtValue(_ text: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        if !text.isEmpty && !text.contains(where: needsLogfmtQuoting) {
            out.append(text)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""): out.append("\\\"")
            case UInt8(ascii: "\\"): out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            case 0x00..<0x20, 0x7F:
                out.append("\\x")
                out.append(hexDigitsLower[Int(byte >> 4)])
                out.append(hexDigitsLower[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    static func appendLogfmtValue(_ text: [UInt8], to out: inout ByteBuffer) {
        text.withUnsafeBufferPointer { appendLogfmtValue($0, to: &out) }
    }

    static func appendLogfmtValue(_ text: borrowing ByteBuffer, to out: inout ByteBuffer) {
        text.withUnsafeBufferPointer { appendLogfmtValue($0, to: &out) }
    }

    private static func needsLogfmtQuoting(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "/"), UInt8(ascii: "@"), UInt8(ascii: "^"), UInt8(ascii: "+"), UInt8(ascii: ":"):
            false
        default:
            true
        }
    }

    /// The scalar starting at `leadIndex` and its length in bytes. The generator only feeds valid
    /// UTF-8, but a bad lead byte or a short tail still yields a replacement rather than a trap.
    private static func decodeScalar(_ text: UnsafeBufferPointer<UInt8>, leadIndex: Int) -> (UInt32, Int) {
        let lead = text[leadIndex]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, leadIndex + length <= text.count else { return (0xFFFD, 1) }
        var scalar = UInt32(lead) & (0xFF >> UInt32(length + 1))
        for offset in 1..<length {
            scalar = (scalar << 6) | (UInt32(text[leadIndex + offset]) & 0x3F)
        }
        return (scalar, length)
    }

    private static func appendEscapedScalar(_ scalar: UInt32, to out: inout ByteBuffer, upper: Bool) {
        if scalar > 0xFFFF {
            let value = scalar - 0x10000
            appendUnicodeEscape(0xD800 | (value >> 10), to: &out, upper: upper)
            appendUnicodeEscape(0xDC00 | (value & 0x3FF), to: &out, upper: upper)
        } else {
            appendUnicodeEscape(scalar, to: &out, upper: upper)
        }
    }

    private static func appendUnicodeEscape(_ unit: UInt32, to out: inout ByteBuffer, upper: Bool) {
        let digits = upper ? hexDigitsUpper : hexDigitsLower
        out.append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(digits[Int((unit >> UInt32(shift)) & 0xF)])
        }
    }
}

/// A set of bytes as a 128-bit mask for ASCII plus one flag for every byte >= 0x80.
struct ByteSet {
    var low: UInt64
    var high: UInt64
    var nonASCII: Bool

    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<64: low & (1 << UInt64(byte)) != 0
        case 64..<128: high & (1 << UInt64(byte - 64)) != 0
        default: nonASCII
        }
    }

    mutating func remove(_ byte: UInt8) {
        if byte < 64 { low &= ~(1 << UInt64(byte)) } else if byte < 128 { high &= ~(1 << UInt64(byte - 64)) }
    }
}
