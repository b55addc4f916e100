/// Splits a line into logfmt tokens without allocating: pairs, bare keys and "other" words.
/// Keys are `[A-Za-z0-9_.\-/@]+`. A value is either double-quoted (Go escapes, ends at the
/// first unescaped `"`, or at the end of a line cut short) or bare (up to the next blank;
/// like lnav, a bare value may contain `=` and `"`, which real URLs and queries do).
struct LogfmtTokenizer {
    enum Token {
        case pair(key: Range<Int>, value: Value)
        case bareKey(Range<Int>)
        /// A word that is neither: prose, punctuation, a key with a byte keys cannot have.
        case other(Range<Int>)
    }

    struct Value {
        var range: Range<Int>
        var quoted: Bool
        var hasEscapes: Bool
    }

    let line: UnsafeBufferPointer<UInt8>
    private(set) var position: Int

    init(_ line: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
        self.line = line
        self.position = start
    }

    /// The next token and where it starts, or nil at the end of the line.
    mutating func next() -> (start: Int, token: Token)? {
        position = LineBytes.skip(line, from: position, while: Self.isSeparator)
        guard position < line.count else { return nil }
        let start = position
        if Self.isKeyByte(line[start]) {
            let keyEnd = LineBytes.skip(line, from: start, while: Self.isKeyByte)
            if LineBytes.isByte(line, keyEnd, LineBytes.equals) {
                let value = scanValue(at: keyEnd + 1)
                return (start, .pair(key: start..<keyEnd, value: value))
            }
            if keyEnd == line.count || Self.isSeparator(line[keyEnd]) {
                position = keyEnd
                return (start, .bareKey(start..<keyEnd))
            }
        }
        if line[start] == LineBytes.quote {
            position = quotedEnd(from: start + 1).next
        }
        position = LineBytes.skip(line, from: position, while: { !Self.isSeparator($0) })
        return (start, .other(start..<position))
    }

    private mutating func scanValue(at v: Int) -> Value {
        if LineBytes.isByte(line, v, LineBytes.quote) {
            let (contentEnd, next, hasEscapes) = quotedEnd(from: v + 1)
            position = next
            return Value(range: (v + 1)..<contentEnd, quoted: true, hasEscapes: hasEscapes)
        }
        let end = LineBytes.skip(line, from: v, while: { !Self.isSeparator($0) })
        position = end
        return Value(range: v..<end, quoted: false, hasEscapes: false)
    }

    /// From just after an opening quote: where the content ends and where scanning resumes.
    /// An unterminated string runs to the end of the line: a cut line keeps its text.
    private func quotedEnd(from i: Int) -> (contentEnd: Int, next: Int, hasEscapes: Bool) {
        var j = i
        var hasEscapes = false
        while j < line.count {
            let b = line[j]
            if b == LineBytes.backslash {
                hasEscapes = true
                j += 2
            } else if b == LineBytes.quote {
                return (j, j + 1, hasEscapes)
            } else {
                j += 1
            }
        }
        return (line.count, line.count, hasEscapes)
    }

    @inline(__always) static func isSeparator(_ b: UInt8) -> Bool {
        b == LineBytes.space || b == LineBytes.tab || b == 0x0D
    }

    @inline(__always) static func isKeyByte(_ b: UInt8) -> Bool {
        LineBytes.isWord(b) || b == LineBytes.dot || b == LineBytes.dash || b == LineBytes.slash
            || b == UInt8(ascii: "@")
    }
}
