/// Strips the prefixes that tools put before an application's log line and keeps what they
/// said (§3, §4 step 3 of the log-formats reference). Prefixes nest — `kubectl logs --prefix
/// --timestamps` writes `[pod/api-1/api] 2024-05-01T12:00:00.123456789Z {...}`, compose with
/// `-t` writes `web-1  | TS ...` — so recognition repeats from the new body start, in the
/// reference's order (kubectl, compose, stern, CRI, docker/kubectl timestamp, Heroku, Fly,
/// Lambda, syslog, then Render), until none matches.
///
/// The input is expected with ANSI escapes already removed (§4 step 1). The common case costs
/// next to nothing: a line starting with `{` is settled by one byte check (with
/// `strip(_:into:)`, about twenty instructions in all), and every recogniser is reached only
/// through the first byte it can start with.
public enum PrefixStripper {
    /// More nesting than any real pipeline produces; bounds the work on hostile input.
    static let maxNestedPrefixes = 8

    public static func strip(_ line: UnsafeBufferPointer<UInt8>) -> LinePrefix {
        var prefix = LinePrefix()
        strip(line, into: &prefix)
        return prefix
    }

    /// The same, into a `LinePrefix` the caller keeps from line to line: it is reset first,
    /// and a line without a prefix then costs a few byte compares, with no copy of the
    /// struct and no retain or release (returning a fresh `LinePrefix` costs both). Metadata
    /// capacity is reused too.
    @inline(__always)
    public static func strip(_ line: UnsafeBufferPointer<UInt8>, into prefix: inout LinePrefix) {
        prefix.reset()
        if let first = line.first, first != LineBytes.openBrace { stripPrefixes(line, into: &prefix) }
    }

    @inline(never)
    private static func stripPrefixes(_ line: UnsafeBufferPointer<UInt8>, into prefix: inout LinePrefix) {
        var found = 0
        while found < maxNestedPrefixes, let end = stripOne(line, at: prefix.bodyStart, into: &prefix) {
            prefix.bodyStart = end
            found += 1
        }
    }

    /// For tests and callers holding a String: ranges are offsets into its UTF-8 bytes.
    public static func strip(_ line: String) -> LinePrefix {
        LineBytes.withBytes(line) { strip($0) }
    }

    /// One prefix at `i`, or nil. Each recogniser changes `prefix` only when it matches.
    private static func stripOne(_ line: UnsafeBufferPointer<UInt8>, at i: Int, into prefix: inout LinePrefix) -> Int? {
        guard i < line.count else { return nil }
        let b = line[i]
        if b == LineBytes.openBracket {
            return KubectlPrefix.strip(line, at: i, into: &prefix)
                ?? LambdaPythonPrefix.strip(line, at: i, into: &prefix)
        }
        if b == UInt8(ascii: "<") {
            return SyslogPrefix.strip(line, at: i, into: &prefix)
        }
        if LineBytes.isDigit(b) {
            // Compose and pod names may start with a digit; a timestamp never has a blank
            // before its first `:`, so they cannot be confused with one.
            return ComposePrefix.strip(line, at: i, into: &prefix)
                ?? SternPrefix.strip(line, at: i, into: &prefix)
                ?? TimestampLedPrefix.strip(line, at: i, into: &prefix)
        }
        if ComposePrefix.isNameByte(b) {
            return ComposePrefix.strip(line, at: i, into: &prefix)
                ?? SternPrefix.strip(line, at: i, into: &prefix)
        }
        return nil
    }
}
