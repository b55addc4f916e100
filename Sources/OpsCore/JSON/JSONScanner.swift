/// A strict, single-pass JSON validator over raw bytes (RFC 8259: no trailing commas, no
/// comments, no single quotes, no raw control characters in strings, no leading zeros).
///
/// It builds nothing: it answers where a value ends, and for a top-level object it records
/// where each member's key and value lie, so the normaliser can read only the members it needs.
/// Foundation's parsers are ten times slower on this path and accept trailing commas.
public struct JSONScanner {
    /// Why a scan stopped.
    public enum Failure: Error, Equatable, Sendable {
        /// The bytes ended inside a value outside any string: more lines may complete it.
        case incomplete
        /// A syntax error (or an unterminated string, which can never continue on another line).
        case invalid(offset: Int)
    }

    public enum ValueKind: UInt8, Sendable {
        case string, escapedString, number, object, array, `true`, `false`, null
    }

    /// One member of a scanned object: byte offsets into the scanned buffer. String ranges
    /// exclude the quotes.
    public struct Member: Sendable {
        public var keyStart: Int
        public var keyEnd: Int
        public var keyEscaped: Bool
        public var valueStart: Int
        public var valueEnd: Int
        public var kind: ValueKind
    }

    /// Nesting deeper than this is refused, so hostile input cannot exhaust the stack.
    public static let maxDepth = 512

    let base: UnsafePointer<UInt8>
    let count: Int

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have a nil base address; point at a static byte instead.
        base = bytes.baseAddress ?? JSONScanner.emptyBase
        count = bytes.count
    }

    nonisolated(unsafe) private static let emptyBase: UnsafePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        p.initialize(to: 0)
        return UnsafePointer(p)
    }()

    // MARK: - Entry points

    /// Skips JSON whitespace (space, tab, LF, CR) from `offset`.
    @inline(__always)
    public func skipWhitespace(from offset: Int) -> Int {
        var i = offset
        while i < count {
            let c = base[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { break }
            i += 1
        }
        return i
    }

    /// Validates one value starting at `offset` (after whitespace) and returns the offset just past it.
    public func scanValue(at offset: Int) -> Result<Int, Failure> {
        let start = skipWhitespace(from: offset)
        let end = value(at: start, depth: 0)
        return end >= 0 ? .success(end) : .failure(failure(end))
    }

    /// Validates an object starting at `offset` and appends its top-level members to `members`
    /// (which is cleared first). Returns the offset just past the closing brace.
    public func scanObject(at offset: Int, members: inout [Member]) -> Result<Int, Failure> {
        members.removeAll(keepingCapacity: true)
        let start = skipWhitespace(from: offset)
        guard start < count else { return .failure(.incomplete) }
        guard base[start] == UInt8(ascii: "{") else { return .failure(.invalid(offset: start)) }
        let end = object(at: start, depth: 0, members: &members, record: true)
        return end >= 0 ? .success(end) : .failure(failure(end))
    }

    // Internal results: an offset >= 0, or one of these codes. Errors are encoded as negative
    // numbers instead of thrown because this runs for every line of every log.
    private static let incompleteCode = -1
    private static let invalidBase = -2
    /// Set in a string scan's result when the string contains a backslash escape.
    private static let escapedFlag = 1 << 62
    private static let offsetMask = escapedFlag - 1

    @inline(__always)
    private func invalid(_ offset: Int) -> Int { JSONScanner.invalidBase - offset }

    private func failure(_ code: Int) -> Failure {
        code == JSONScanner.incompleteCode ? .incomplete : .invalid(offset: JSONScanner.invalidBase - code)
    }

    // MARK: - Grammar

    @inline(__always)
    private func value(at i: Int, depth: Int) -> Int {
        guard i < count else { return JSONScanner.incompleteCode }
        switch base[i] {
        case UInt8(ascii: "{"):
            var none: [Member] = []
            return object(at: i, depth: depth, members: &none, record: false)
        case UInt8(ascii: "["): return array(at: i, depth: depth)
        case UInt8(ascii: "\""):
            let end = string(at: i)
            return end >= 0 ? end & JSONScanner.offsetMask : end
        case UInt8(ascii: "t"): return literal(at: i, JSONScanner.trueBytes)
        case UInt8(ascii: "f"): return literal(at: i, JSONScanner.falseBytes)
        case UInt8(ascii: "n"): return literal(at: i, JSONScanner.nullBytes)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number(at: i)
        default: return invalid(i)
        }
    }

    @inline(__always)
    private func kindOf(_ first: UInt8) -> ValueKind {
        switch first {
        case UInt8(ascii: "\""): .string
        case UInt8(ascii: "{"): .object
        case UInt8(ascii: "["): .array
        case UInt8(ascii: "t"): .true
        case UInt8(ascii: "f"): .false
        case UInt8(ascii: "n"): .null
        default: .number
        }
    }

    /// Scans `{ ... }` starting at its brace; records members only when `record` is set (the top level).
    private func object(at start: Int, depth: Int, members: inout [Member], record: Bool) -> Int {
        guard depth < JSONScanner.maxDepth else { return invalid(start) }
        var i = skipWhitespace(from: start + 1)
        guard i < count else { return JSONScanner.incompleteCode }
        if base[i] == UInt8(ascii: "}") { return i + 1 }
        while true {
            guard base[i] == UInt8(ascii: "\"") else { return invalid(i) }
            let keyStart = i + 1
            let keyResult = string(at: i)
            guard keyResult >= 0 else { return keyResult }
            let keyEnd = keyResult & JSONScanner.offsetMask
            i = skipWhitespace(from: keyEnd)
            guard i < count else { return JSONScanner.incompleteCode }
            guard base[i] == UInt8(ascii: ":") else { return invalid(i) }
            let valueStart = skipWhitespace(from: i + 1)
            guard valueStart < count else { return JSONScanner.incompleteCode }
            var kind = kindOf(base[valueStart])
            let valueEnd: Int
            if kind == .string {
                let r = string(at: valueStart)
                guard r >= 0 else { return r }
                valueEnd = r & JSONScanner.offsetMask
                if r & JSONScanner.escapedFlag != 0 { kind = .escapedString }
            } else {
                valueEnd = value(at: valueStart, depth: depth + 1)
                guard valueEnd >= 0 else { return valueEnd }
            }
            if record {
                let quoted = kind == .string || kind == .escapedString
                members.append(Member(keyStart: keyStart, keyEnd: keyEnd - 1,
                                      keyEscaped: keyResult & JSONScanner.escapedFlag != 0,
                                      valueStart: quoted ? valueStart + 1 : valueStart,
                                      valueEnd: quoted ? valueEnd - 1 : valueEnd, kind: kind))
            }
            i = skipWhitespace(from: valueEnd)
            guard i < count else { return JSONScanner.incompleteCode }
            switch base[i] {
            case UInt8(ascii: ","):
                // A trailing comma is an error, not the end of the object.
                i = skipWhitespace(from: i + 1)
                guard i < count else { return JSONScanner.incompleteCode }
            case UInt8(ascii: "}"):
                return i + 1
            default:
                return invalid(i)
            }
        }
    }

    private func array(at start: Int, depth: Int) -> Int {
        guard depth < JSONScanner.maxDepth else { return invalid(start) }
        var i = skipWhitespace(from: start + 1)
        guard i < count else { return JSONScanner.incompleteCode }
        if base[i] == UInt8(ascii: "]") { return i + 1 }
        while true {
            let end = value(at: i, depth: depth + 1)
            guard end >= 0 else { return end }
            i = skipWhitespace(from: end)
            guard i < count else { return JSONScanner.incompleteCode }
            switch base[i] {
            case UInt8(ascii: ","):
                i = skipWhitespace(from: i + 1)
                guard i < count else { return JSONScanner.incompleteCode }
                guard base[i] != UInt8(ascii: "]") else { return invalid(i) }
            case UInt8(ascii: "]"):
                return i + 1
            default:
                return invalid(i)
            }
        }
    }

    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)
    private static let nullBytes: [UInt8] = Array("null".utf8)

    private func literal(at i: Int, _ word: [UInt8]) -> Int {
        for k in 0..<word.count {
            guard i + k < count else { return JSONScanner.incompleteCode }
            guard base[i + k] == word[k] else { return invalid(i + k) }
        }
        return i + word.count
    }

    @inline(__always)
    private func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`. A number cut by the end of the
    /// buffer counts as complete where the grammar allows it to end there.
    @inline(__always)
    private func number(at start: Int) -> Int {
        var i = start
        if base[i] == UInt8(ascii: "-") {
            i += 1
            guard i < count else { return JSONScanner.incompleteCode }
        }
        guard isDigit(base[i]) else { return invalid(i) }
        if base[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while i < count, isDigit(base[i]) { i += 1 }
        }
        if i < count, base[i] == UInt8(ascii: ".") {
            i += 1
            guard i < count else { return JSONScanner.incompleteCode }
            guard isDigit(base[i]) else { return invalid(i) }
            while i < count, isDigit(base[i]) { i += 1 }
        }
        if i < count, base[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            guard i < count else { return JSONScanner.incompleteCode }
            if base[i] == UInt8(ascii: "+") || base[i] == UInt8(ascii: "-") {
                i += 1
                guard i < count else { return JSONScanner.incompleteCode }
            }
            guard isDigit(base[i]) else { return invalid(i) }
            while i < count, isDigit(base[i]) { i += 1 }
        }
        return i
    }

    /// Scans a string from its opening quote. Returns the offset past the closing quote, with
    /// `escapedFlag` set when it holds an escape. A string cut by the end of the buffer is
    /// invalid, not incomplete: JSON strings cannot contain a raw line break, so no further line
    /// can finish it.
    @inline(__always)
    private func string(at start: Int) -> Int {
        var i = start + 1
        var escaped = 0
        while true {
            // Eight bytes at a time: the lowest flagged byte of the mask is exactly the first
            // quote, backslash or control byte, so the scan jumps straight to it.
            while i &+ 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let mask = JSONScanner.specialByteMask(word)
                if mask != 0 {
                    i &+= mask.trailingZeroBitCount &>> 3
                    break
                }
                i &+= 8
            }
            guard i < count else { return invalid(count) }
            let c = base[i]
            if c == UInt8(ascii: "\"") { return (i + 1) | escaped }
            if c == UInt8(ascii: "\\") {
                escaped = JSONScanner.escapedFlag
                let e = i + 1
                guard e < count else { return invalid(count) }
                switch base[e] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i = e + 1
                case UInt8(ascii: "u"):
                    guard e + 4 < count else { return invalid(count) }
                    for k in 1...4 where JSONScanner.hexValue(base[e + k]) < 0 { return invalid(e + k) }
                    i = e + 5
                default:
                    return invalid(e)
                }
            } else if c < 0x20 {
                return invalid(i)
            } else {
                i += 1
            }
        }
    }

    /// A mask with the high bit set in each byte of a little-endian word that is a `"` (0x22),
    /// a `\\` (0x5C) or below 0x20. Bits above the first flagged byte may be false alarms (borrows);
    /// the lowest one never is.
    @inline(__always)
    static func specialByteMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        return ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word) & highs
    }

    /// The value of a hex digit, or -1.
    @inline(__always)
    static func hexValue(_ c: UInt8) -> Int {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(c &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(c &- UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(c &- UInt8(ascii: "A")) + 10
        default: -1
        }
    }
}
