/// The prefixes that begin with a timestamp. They are told apart by what follows it, so the
/// timestamp is scanned once and the most specific shape is tried first:
///
/// | Shape | Source |
/// |---|---|
/// | `TS stdout F ` | CRI log file (containerd, CRI-O); `P` = partial line |
/// | `TS\tREQUEST-ID\tLEVEL\t` | AWS Lambda text logs (Node.js runtime) |
/// | `TS app[INSTANCE] REGION [level] ` | `fly logs` text |
/// | `TS app[web.1]: ` | `heroku logs` |
/// | `TS ` (with a zone) | `docker logs -t`, `kubectl logs --timestamps`, `stern --timestamps` |
/// | `2006-01-02 15:04:05  ` (no zone, two spaces) | `render logs` text |
enum TimestampLedPrefix {
    static func strip(_ line: UnsafeBufferPointer<UInt8>, at i: Int, into prefix: inout LinePrefix) -> Int? {
        if let ts = TimestampExtent.iso(line, at: i, .rfc3339) {
            let range = i..<ts.end
            if let end = cri(line, range, ts.hasZone, &prefix)
                ?? lambda(line, range, ts.hasZone, &prefix)
                ?? fly(line, range, ts.hasZone, &prefix)
                ?? heroku(line, range, ts.hasZone, &prefix) {
                return end
            }
            guard ts.hasZone else { return nil }
            if ts.end == line.count || LineBytes.isByte(line, ts.end, LineBytes.space) {
                prefix.noteTimestamp(range, hasZone: true, in: line)
                return min(ts.end + 1, line.count)
            }
            return nil
        }
        return render(line, at: i, &prefix)
    }

    /// `TS (stdout|stderr) (F|P) `
    private static func cri(_ line: UnsafeBufferPointer<UInt8>, _ ts: Range<Int>, _ hasZone: Bool,
                            _ prefix: inout LinePrefix) -> Int? {
        let s = ts.upperBound
        guard LineBytes.hasLiteral(line, at: s, " stdout ") || LineBytes.hasLiteral(line, at: s, " stderr "),
              let tag = LineBytes.byte(line, s + 8), tag == UInt8(ascii: "F") || tag == UInt8(ascii: "P"),
              LineBytes.isTokenEnd(line, s + 9), !LineBytes.isByte(line, s + 9, LineBytes.tab)
        else { return nil }
        prefix.noteTimestamp(ts, hasZone: hasZone, in: line)
        prefix.note("stream", (s + 1)..<(s + 7), in: line)
        if tag == UInt8(ascii: "P") { prefix.partial = true }
        return min(s + 10, line.count)
    }

    /// `TS\t<36-char request id>\tLEVEL\t`
    private static func lambda(_ line: UnsafeBufferPointer<UInt8>, _ ts: Range<Int>, _ hasZone: Bool,
                               _ prefix: inout LinePrefix) -> Int? {
        guard LineBytes.isByte(line, ts.upperBound, LineBytes.tab),
              let id = LambdaRequestID.scan(line, at: ts.upperBound + 1),
              LineBytes.isByte(line, id.upperBound, LineBytes.tab)
        else { return nil }
        let levelStart = id.upperBound + 1
        let levelEnd = LineBytes.skip(line, from: levelStart, while: LineBytes.isUpper)
        guard levelEnd > levelStart, LineBytes.isByte(line, levelEnd, LineBytes.tab) else { return nil }
        prefix.noteTimestamp(ts, hasZone: hasZone, in: line)
        prefix.note("request_id", id, in: line)
        prefix.levelWord = levelStart..<levelEnd
        return levelEnd + 1
    }

    /// `TS PROVIDER[INSTANCE] REGION [LEVEL] ` (provider is `app`, `runner` or `proxy`).
    private static func fly(_ line: UnsafeBufferPointer<UInt8>, _ ts: Range<Int>, _ hasZone: Bool,
                            _ prefix: inout LinePrefix) -> Int? {
        guard LineBytes.isByte(line, ts.upperBound, LineBytes.space),
              let provider = run(line, from: ts.upperBound + 1, LineBytes.isWord),
              let instance = bracketed(line, at: provider.upperBound, LineBytes.isWord),
              LineBytes.isByte(line, instance.upperBound + 1, LineBytes.space),
              let region = run(line, from: instance.upperBound + 2, LineBytes.isWord),
              LineBytes.isByte(line, region.upperBound, LineBytes.space),
              let level = bracketed(line, at: region.upperBound + 1, LineBytes.isWord)
        else { return nil }
        let close = level.upperBound
        guard LineBytes.isTokenEnd(line, close + 1) else { return nil }
        prefix.noteTimestamp(ts, hasZone: hasZone, in: line)
        prefix.note("provider", provider, in: line)
        prefix.note("instance", instance, in: line)
        prefix.note("region", region, in: line)
        // The machine id names the replica the way a dyno or pod does.
        prefix.source = LineBytes.string(line, instance)
        prefix.levelWord = level
        return min(close + 2, line.count)
    }

    /// `TS SOURCE[DYNO]: ` (`app[web.1]`, `heroku[router]`, `app[api]`).
    private static func heroku(_ line: UnsafeBufferPointer<UInt8>, _ ts: Range<Int>, _ hasZone: Bool,
                               _ prefix: inout LinePrefix) -> Int? {
        guard LineBytes.isByte(line, ts.upperBound, LineBytes.space),
              let first = LineBytes.byte(line, ts.upperBound + 1), LineBytes.isWord(first),
              let origin = run(line, from: ts.upperBound + 1, isDynoByte),
              let dyno = bracketed(line, at: origin.upperBound, isDynoByte),
              LineBytes.isByte(line, dyno.upperBound + 1, LineBytes.colon)
        else { return nil }
        let colon = dyno.upperBound + 1
        guard LineBytes.isTokenEnd(line, colon + 1) else { return nil }
        prefix.noteTimestamp(ts, hasZone: hasZone, in: line)
        prefix.note("heroku_source", origin, in: line)
        prefix.note("dyno", dyno, in: line)
        prefix.source = LineBytes.string(line, dyno)
        return min(colon + 2, line.count)
    }

    /// `2006-01-02 15:04:05  ` as Render's CLI prints it: Go's `time.DateTime`, no zone,
    /// two spaces. One space is not enough: it is also how many plain-text loggers start.
    private static func render(_ line: UnsafeBufferPointer<UInt8>, at i: Int, _ prefix: inout LinePrefix) -> Int? {
        var rules = TimestampExtent.Rules()
        rules.allowSpaceSeparator = true
        guard LineBytes.isByte(line, i + 10, LineBytes.space),
              let ts = TimestampExtent.iso(line, at: i, rules), !ts.hasZone,
              LineBytes.hasLiteral(line, at: ts.end, "  ")
        else { return nil }
        prefix.noteTimestamp(i..<ts.end, hasZone: false, in: line)
        return ts.end + 2
    }

    private static func isDynoByte(_ b: UInt8) -> Bool {
        LineBytes.isWord(b) || b == LineBytes.dot || b == LineBytes.dash
    }

    /// A non-empty run of bytes satisfying `predicate` starting at `i`.
    private static func run(_ line: UnsafeBufferPointer<UInt8>, from i: Int, _ predicate: (UInt8) -> Bool) -> Range<Int>? {
        let end = LineBytes.skip(line, from: i, while: predicate)
        return end > i ? i..<end : nil
    }

    /// `[CONTENT]` at `i`; returns the content's range (the `]` is at its upper bound).
    private static func bracketed(_ line: UnsafeBufferPointer<UInt8>, at i: Int,
                                  _ predicate: (UInt8) -> Bool) -> Range<Int>? {
        guard LineBytes.isByte(line, i, LineBytes.openBracket), let content = run(line, from: i + 1, predicate),
              LineBytes.isByte(line, content.upperBound, LineBytes.closeBracket) else { return nil }
        return content
    }
}

/// The request id of AWS Lambda's text logs: a UUID, 36 characters of `[0-9a-f-]`.
enum LambdaRequestID {
    static func scan(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Range<Int>? {
        guard i >= 0, i + 36 <= line.count else { return nil }
        for k in i..<(i + 36) {
            let b = line[k]
            guard LineBytes.isHexLower(b) || b == LineBytes.dash else { return nil }
        }
        return i..<(i + 36)
    }
}
