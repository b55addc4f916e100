/// Byte-level ASCII helpers shared by the sanitiser and the redactor. They work on raw UTF-8
/// bytes so the per-line paths never build a `Character` or a `String`.
enum ASCII {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    @inline(__always) static func lowercased(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    /// Space, tab, LF, CR, VT, FF: the bytes that end an unquoted value.
    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b &- 0x09) < 5 }

    /// Whether `literal` (ASCII, written in lower case when `ignoringCase`) occurs at `offset`.
    @inline(__always)
    static func matches(_ literal: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at offset: Int,
                        ignoringCase: Bool = false) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset >= 0, count <= bytes.count &- offset else { return false }
        let text = literal.utf8Start
        for k in 0..<count {
            let b = bytes[offset &+ k]
            if (ignoringCase ? lowercased(b) : b) != text[k] { return false }
        }
        return true
    }

    /// Whether the bytes in `range` are exactly `literal` (lower case), ignoring case.
    static func equals(_ range: Range<Int>, _ literal: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        range.count == literal.utf8CodeUnitCount && matches(literal, in: bytes, at: range.lowerBound, ignoringCase: true)
    }

    /// Whether the bytes in `range` end with `literal` (lower case), ignoring case.
    static func hasSuffix(_ range: Range<Int>, _ literal: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = literal.utf8CodeUnitCount
        return range.count >= count && matches(literal, in: bytes, at: range.upperBound &- count, ignoringCase: true)
    }

    static func appendHex(_ value: UInt32, minimumDigits: Int, uppercase: Bool, to out: inout [UInt8]) {
        var digits = 1
        while digits < 8, value >> (4 &* UInt32(digits)) != 0 { digits &+= 1 }
        digits = max(digits, minimumDigits)
        let letterBase: UInt8 = uppercase ? 0x41 : 0x61
        var shift = 4 &* (digits &- 1)
        while shift >= 0 {
            let nibble = UInt8(truncatingIfNeeded: value >> UInt32(shift)) & 0x0F
            out.append(nibble < 10 ? 0x30 &+ nibble : letterBase &+ nibble &- 10)
            shift &-= 4
        }
    }

    static func append(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}

/// Runs `body` over the UTF-8 bytes of `text` without copying when the string is native
/// (always the case on Linux); the fallback copy only happens for foreign string storage.
@inline(__always)
func withUTF8Bytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = text
    return try copy.withUTF8(body)
}
