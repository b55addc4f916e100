/// Decides, from one line alone, whether it continues the record above it (§4 step 7, as
/// lnav does): stack frames, chained-exception headers and anything indented. Blank lines
/// are not continuations here; `ContinuationTracker` knows when they are.
public enum ContinuationRule {
    /// True for a non-blank line starting with a space or tab, or starting with `at `,
    /// `Caused by:`, `Traceback`, `goroutine N [`, `panic:`, `... N more`,
    /// `During handling of the above exception` or `The above exception was the direct cause`.
    public static func isContinuation(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        if LineBytes.isBlank(first) { return !LineBytes.isBlankLine(line) }
        switch first {
        case UInt8(ascii: "a"): return LineBytes.hasLiteral(line, at: 0, "at ")
        case UInt8(ascii: "C"): return LineBytes.hasLiteral(line, at: 0, "Caused by:")
        case UInt8(ascii: "T"):
            return LineBytes.hasLiteral(line, at: 0, "Traceback")
                || LineBytes.hasLiteral(line, at: 0, "The above exception was the direct cause")
        case UInt8(ascii: "D"): return LineBytes.hasLiteral(line, at: 0, "During handling of the above exception")
        case UInt8(ascii: "g"): return isGoroutineHeader(line)
        case UInt8(ascii: "p"): return LineBytes.hasLiteral(line, at: 0, "panic:")
        case LineBytes.dot: return isElidedFrames(line)
        default: return false
        }
    }

    public static func isContinuation(_ line: String) -> Bool {
        LineBytes.withBytes(line) { isContinuation($0) }
    }

    /// `goroutine 1 [running]:`, or Go 1.23+'s `goroutine 1 gp=0xc000002380 m=0 ...`.
    static func isGoroutineHeader(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard LineBytes.hasLiteral(line, at: 0, "goroutine ") else { return false }
        let digitsEnd = LineBytes.skip(line, from: 10, while: LineBytes.isDigit)
        guard digitsEnd > 10 else { return false }
        return LineBytes.hasLiteral(line, at: digitsEnd, " [") || LineBytes.hasLiteral(line, at: digitsEnd, " gp=")
    }

    /// Java's `... 12 more` (normally indented, sometimes not after a prefix was stripped).
    private static func isElidedFrames(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard LineBytes.hasLiteral(line, at: 0, "... ") else { return false }
        let digitsEnd = LineBytes.skip(line, from: 4, while: LineBytes.isDigit)
        return digitsEnd > 4 && LineBytes.hasLiteral(line, at: digitsEnd, " more")
    }
}
