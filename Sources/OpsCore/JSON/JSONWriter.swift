/// Writes JSON text into a byte buffer. Strings are escaped per RFC 8259; every control
/// character is written as `\u00XX`, so the output can never carry a raw escape sequence.
public struct JSONWriter {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public static func serialize(_ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.write(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: writeRaw("null")
        case .bool(let b): writeRaw(b ? "true" : "false")
        case .number(let n): writeRaw(n)
        case .string(let s): writeString(s)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(member.key)
                bytes.append(UInt8(ascii: ":"))
                write(member.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    public mutating func writeRaw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func writeString(_ text: String?) {
        guard var utf8Text = text else { writeRaw("null"); return }
        bytes.append(UInt8(ascii: "\""))
        utf8Text.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                if byte >= 0x20, byte != 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"),
                   byte < 0xC2 || !hasInvisible(utf8, i) {
                    i += 1
                    continue
                }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case ..<0x20: appendUnicodeEscape(UInt32(byte))
                default:
                    // DEL, a C1 control, bidi override or invisible character: escaped so the JSON stays
                    // exact yet can never reorder or hide text in the terminal that shows it.
                    let (scalar, length) = JSONWriter.decodeScalar(utf8, i)
                    appendUnicodeEscape(scalar)
                    i += length
                    runStart = i
                    continue
                }
                i += 1
                runStart = i
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendUnicodeEscape(_ scalar: UInt32) {
        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(JSONWriter.hexDigits[Int(scalar >> UInt32(shift) & 0xF)])
        }
    }

    /// True when the UTF-8 sequence at `i` is a scalar a terminal would not show as itself.
    @inline(__always)
    private func hasInvisible(_ utf8: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let (scalar, _) = JSONWriter.decodeScalar(utf8, i)
        return TerminalSafety.isInvisibleOrControl(scalar)
    }

    /// Decodes the (valid: Strings are) UTF-8 sequence at `i`.
    static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(utf8[i])
        func cont(_ k: Int) -> UInt32 { i + k < utf8.count ? UInt32(utf8[i + k]) & 0x3F : 0 }
        switch b0 {
        case 0xC0..<0xE0: return ((b0 & 0x1F) << 6 | cont(1), 2)
        case 0xE0..<0xF0: return ((b0 & 0x0F) << 12 | cont(1) << 6 | cont(2), 3)
        case 0xF0...: return ((b0 & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3), 4)
        default: return (b0, 1)
        }
    }
}

/// The scalars that must never reach a terminal raw, whatever writes them.
public enum TerminalSafety {
    @inline(__always)
    public static func isInvisibleOrControl(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x00...0x1F, 0x7F...0x9F: true                      // C0, DEL, C1
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true // bidi controls
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x180E: true        // zero-width and invisible
        case 0x2028, 0x2029: true                                  // line and paragraph separators
        default: false
        }
    }
}
