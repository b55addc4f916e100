/// One step of UTF-8 decoding over raw bytes.
///
/// Invalid input is reported as an ill-formed "maximal subpart" (Unicode §3.9, the practice the
/// Swift standard library follows in `String(decoding:as:)`), so the byte-level sanitiser
/// replaces exactly the same spans with U+FFFD as decoding the bytes into a `String` would.
struct UTF8Scalar {
    /// The scalar value; meaningless when `isValid` is false.
    var value: UInt32
    /// Bytes consumed: the whole sequence, or the ill-formed maximal subpart (at least 1).
    var length: Int
    var isValid: Bool

    /// Decodes the sequence starting at `offset`, which must be a non-ASCII byte in range.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UTF8Scalar {
        let lead = bytes[offset]
        let available = bytes.count &- offset
        // The allowed range of the second byte narrows for E0, ED, F0 and F4 so that overlong
        // forms, surrogates (U+D800-DFFF) and values above U+10FFFF are rejected.
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        let need: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: need = 1; value = UInt32(lead & 0x1F)
        case 0xE0: need = 2; low = 0xA0; value = 0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2; value = UInt32(lead & 0x0F)
        case 0xED: need = 2; high = 0x9F; value = 0x0D
        case 0xF0: need = 3; low = 0x90; value = 0
        case 0xF1...0xF3: need = 3; value = UInt32(lead & 0x07)
        case 0xF4: need = 3; high = 0x8F; value = 4
        default: return UTF8Scalar(value: 0xFFFD, length: 1, isValid: false)
        }
        var k = 1
        while k <= need {
            guard k < available else { return UTF8Scalar(value: 0xFFFD, length: k, isValid: false) }
            let b = bytes[offset &+ k]
            let lo: UInt8 = k == 1 ? low : 0x80
            let hi: UInt8 = k == 1 ? high : 0xBF
            guard b >= lo, b <= hi else { return UTF8Scalar(value: 0xFFFD, length: k, isValid: false) }
            value = value << 6 | UInt32(b & 0x3F)
            k &+= 1
        }
        return UTF8Scalar(value: value, length: need &+ 1, isValid: true)
    }
}

/// How a non-ASCII scalar must be shown on a terminal.
enum ScalarExposure {
    /// Printable as is.
    case plain
    /// A C1 control (U+0080-U+009F): 8-bit CSI, OSC, DCS... shown as `\u{9b}`.
    case c1Control
    /// Bidi controls, zero-width and other invisible format characters, line/paragraph
    /// separators: shown as a `<U+202E>` token so the reader sees that something is there.
    case invisible

    /// The classification table. Invisible characters beyond the ones a reviewer expects
    /// (soft hyphen, Hangul fillers, tag characters...) are included because each has been
    /// used to hide or spoof text: if the terminal draws nothing, the reader must see a token.
    @inline(__always)
    static func of(_ scalar: UInt32) -> ScalarExposure {
        switch scalar {
        case 0x80...0x9F: return .c1Control
        case 0xAD,                  // soft hyphen: invisible in most terminals
             0x34F,                 // combining grapheme joiner
             0x61C,                 // Arabic letter mark (bidi)
             0x115F, 0x1160,        // Hangul choseong/jungseong fillers (blank "letters")
             0x17B4, 0x17B5,        // Khmer inherent vowels, rendered as nothing
             0x180E,                // Mongolian vowel separator
             0x200B...0x200F,       // ZWSP, ZWNJ, ZWJ, LRM, RLM
             0x2028, 0x2029,        // line / paragraph separators (some terminals break the line)
             0x202A...0x202E,       // LRE, RLE, PDF, LRO, RLO (Trojan Source)
             0x2060...0x2064,       // word joiner, invisible math operators
             0x2066...0x2069,       // LRI, RLI, FSI, PDI
             0x206A...0x206F,       // deprecated format controls
             0x3164, 0xFFA0,        // Hangul fillers
             0xFEFF,                // BOM / zero-width no-break space
             0xFFF9...0xFFFB,       // interlinear annotation controls
             0x1BCA0...0x1BCA3,     // shorthand format controls
             0x1D173...0x1D17A,     // musical symbol format controls
             0xE0000...0xE007F:     // tag characters ("ASCII smuggling")
            return .invisible
        default:
            return .plain
        }
    }
}
