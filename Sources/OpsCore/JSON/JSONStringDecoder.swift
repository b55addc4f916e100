/// Turns the bytes between a JSON string's quotes into a Swift String. The scanner has already
/// validated the escapes; invalid UTF-8 and lone surrogates become U+FFFD rather than failing,
/// because a log line with one bad byte must still be shown.
public enum JSONStringDecoder {
    public static func decode(_ content: UnsafeBufferPointer<UInt8>, escaped: Bool) -> String {
        guard escaped else { return String(decoding: content, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(content.count)
        unescape(content, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the unescaped bytes of `content` (valid JSON string content) to `out`.
    public static func unescape(_ content: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        let n = content.count
        while i < n {
            let c = content[i]
            guard c == UInt8(ascii: "\\"), i + 1 < n else {
                out.append(c)
                i += 1
                continue
            }
            let e = content[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard let unit = hex4(content, at: i) else { out.append(contentsOf: replacement); continue }
                i += 4
                var scalar = UInt32(unit)
                if (0xD800..<0xDC00).contains(unit) {
                    // A high surrogate must be followed by `\uDC00`-`\uDFFF` to make one scalar.
                    if i + 6 <= n, content[i] == UInt8(ascii: "\\"), content[i + 1] == UInt8(ascii: "u"),
                       let low = hex4(content, at: i + 2), (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                        i += 6
                    } else {
                        out.append(contentsOf: replacement)
                        continue
                    }
                } else if (0xDC00..<0xE000).contains(unit) {
                    out.append(contentsOf: replacement)
                    continue
                }
                appendUTF8(scalar, to: &out)
            default: out.append(e) // `"`, `\`, `/`
            }
        }
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt16? {
        guard i + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for k in 0..<4 {
            let digit = JSONScanner.hexValue(bytes[i + k])
            guard digit >= 0 else { return nil }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            out.append(UInt8(scalar))
        case ..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
