extension Sanitiser {
    /// Offset of the first byte that must be escaped, or nil when the text is safe as is.
    ///
    /// Printable ASCII is checked eight bytes at a time (SWAR): a word passes when no byte is
    /// below 0x20, none is 0x7F and none has the high bit set. Anything else falls back to the
    /// byte loop, which decodes non-ASCII scalars and looks them up in `ScalarExposure`.
    static func firstUnsafeOffset(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, multiline: Bool) -> Int? {
        let count = bytes.count
        var i = start
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        while i < count {
            if count &- i >= 8 {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if isPrintableASCIIWord(word) {
                    i &+= 8
                    continue
                }
            }
            let b = bytes[i]
            if b &- 0x20 < 0x5F {
                i &+= 1
            } else if b < 0x80 {
                guard b == 0x0A && multiline else { return i }
                i &+= 1
            } else {
                let decoded = UTF8Scalar.decode(bytes, at: i)
                guard decoded.isValid, ScalarExposure.of(decoded.value) == .plain else { return i }
                i &+= decoded.length
            }
        }
        return nil
    }

    @inline(__always)
    static func isPrintableASCIIWord(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // Classic "has a byte less than n" and "has a zero byte" tricks; they are exact when no
        // byte has its high bit set, which the first test guarantees.
        let nonASCII = word & highs
        let belowSpace = (word &- ones &* 0x20) & ~word & highs
        let isDEL = ((word ^ (ones &* 0x7F)) &- ones) & ~(word ^ (ones &* 0x7F)) & highs
        return nonASCII | belowSpace | isDEL == 0
    }

    /// Copies `bytes` to `output`, escaping from `firstUnsafe` on. Safe runs are copied in bulk;
    /// only the unsafe scalars are rewritten.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, firstUnsafe: Int, multiline: Bool,
                              tabWidth: Int, into output: inout [UInt8]) {
        var columns = ColumnTracker(lineStart: output.count)
        let stop = min(max(tabWidth, 1), 64)
        var i = 0
        var nextUnsafe = firstUnsafe
        while i < bytes.count {
            if nextUnsafe > i {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<nextUnsafe]))
                i = nextUnsafe
                if i >= bytes.count { break }
            }
            let b = bytes[i]
            if b < 0x80 {
                switch b {
                case 0x1B:
                    ASCII.append("\\e", to: &output)
                case 0x09:
                    let column = columns.column(of: output, multiline: multiline)
                    let spaces = stop &- column % stop
                    output.append(contentsOf: repeatElement(0x20, count: spaces))
                case 0x0A where multiline:
                    output.append(0x0A)
                case 0x0A:
                    ASCII.append("\\n", to: &output)
                default:
                    ASCII.append("\\x", to: &output)
                    ASCII.appendHex(UInt32(b), minimumDigits: 2, uppercase: false, to: &output)
                }
                i &+= 1
            } else {
                let decoded = UTF8Scalar.decode(bytes, at: i)
                if !decoded.isValid {
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                } else {
                    switch ScalarExposure.of(decoded.value) {
                    case .plain:
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i &+ decoded.length)]))
                    case .c1Control:
                        ASCII.append("\\u{", to: &output)
                        ASCII.appendHex(decoded.value, minimumDigits: 2, uppercase: false, to: &output)
                        output.append(0x7D)
                    case .invisible:
                        ASCII.append("<U+", to: &output)
                        ASCII.appendHex(decoded.value, minimumDigits: 4, uppercase: true, to: &output)
                        output.append(0x3E)
                    }
                }
                i &+= decoded.length
            }
            nextUnsafe = firstUnsafeOffset(in: bytes, from: i, multiline: multiline) ?? bytes.count
        }
    }
}

/// The display column at the end of the output, computed lazily because tabs are rare: the
/// bytes written since the last query are counted once, so a line full of tabs stays linear.
struct ColumnTracker {
    private var countedUpTo: Int
    private var column = 0

    init(lineStart: Int) { countedUpTo = lineStart }

    /// Column (in scalars) where the next byte appended to `output` will land.
    mutating func column(of output: [UInt8], multiline: Bool) -> Int {
        var k = countedUpTo
        while k < output.count {
            let b = output[k]
            if multiline && b == 0x0A {
                column = 0
            } else if b & 0xC0 != 0x80 {
                column &+= 1
            }
            k &+= 1
        }
        countedUpTo = output.count
        return column
    }
}
