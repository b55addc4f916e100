/// Byte classes and tiny scanners shared by the prefix, logfmt and plain-text parsers.
///
/// Every function takes the line and an index and checks the index against the line's
/// count itself, so a recogniser can probe ahead freely on a line that was cut short
/// without ever reading past its buffer.
enum LineBytes {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let equals = UInt8(ascii: "=")
    static let colon = UInt8(ascii: ":")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let dash = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let pipe = UInt8(ascii: "|")
    static let slash = UInt8(ascii: "/")

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    /// `\w` of the regexes in the reference: `[A-Za-z0-9_]`.
    @inline(__always) static func isWord(_ b: UInt8) -> Bool { isAlphanumeric(b) || b == 0x5F }
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == space || b == tab }
    @inline(__always) static func isHexLower(_ b: UInt8) -> Bool { isDigit(b) || b &- 0x61 < 6 }
    @inline(__always) static func lowercased(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

    @inline(__always) static func byte(_ line: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8? {
        i >= 0 && i < line.count ? line[i] : nil
    }

    @inline(__always) static func isByte(_ line: UnsafeBufferPointer<UInt8>, _ i: Int, _ b: UInt8) -> Bool {
        i >= 0 && i < line.count && line[i] == b
    }

    /// True when `i` is at the end of the line or at a space or tab: the end of a token.
    @inline(__always) static func isTokenEnd(_ line: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i >= line.count || isBlank(line[i])
    }

    /// The value of exactly `count` digits at `i`, or nil when any of them is not a digit.
    @inline(__always)
    static func digits(_ line: UnsafeBufferPointer<UInt8>, at i: Int, count: Int) -> Int? {
        guard i >= 0, count > 0, i + count <= line.count else { return nil }
        var value = 0
        for k in i..<(i + count) {
            let d = line[k] &- 0x30
            guard d < 10 else { return nil }
            value = value &* 10 &+ Int(d)
        }
        return value
    }

    /// The index after the run of bytes satisfying `predicate` that starts at `i`.
    @inline(__always)
    static func skip(_ line: UnsafeBufferPointer<UInt8>, from i: Int, while predicate: (UInt8) -> Bool) -> Int {
        var j = max(i, 0)
        while j < line.count && predicate(line[j]) { j += 1 }
        return j
    }

    @inline(__always) static func skipBlanks(_ line: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        skip(line, from: i, while: isBlank)
    }

    /// The index after the next token (a run of non-blank bytes) starting at `i`.
    @inline(__always) static func tokenEnd(_ line: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        skip(line, from: i, while: { !isBlank($0) })
    }

    /// True when the bytes at `i` are exactly `literal` (ASCII).
    static func hasLiteral(_ line: UnsafeBufferPointer<UInt8>, at i: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i >= 0, i + n <= line.count else { return false }
        let lit = literal.utf8Start
        for k in 0..<n where line[i + k] != lit[k] { return false }
        return true
    }

    /// True when every byte of the line is a space, tab or carriage return.
    static func isBlankLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in line where !(isBlank(b) || b == 0x0D) { return false }
        return true
    }

    /// The bytes of `range` as a String; invalid UTF-8 is repaired, never trusted.
    static func string(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let lower = min(max(range.lowerBound, 0), line.count)
        let upper = min(max(range.upperBound, lower), line.count)
        return String(decoding: UnsafeBufferPointer(rebasing: line[lower..<upper]), as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of a String: the bridge for the String conveniences.
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = text
        return copy.withUTF8 { body($0) }
    }
}
