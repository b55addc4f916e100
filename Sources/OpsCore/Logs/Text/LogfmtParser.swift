/// Reads a line as logfmt (§9 of the log-formats reference) when it is logfmt: logrus
/// TextFormatter, slog TextHandler, go-kit, log15/Grafana, Heroku router lines, Prometheus.
///
/// Detection, so that prose with an `a=b` in it stays prose: at least two `key=value` pairs,
/// at least one of them with a key loggers use (`level`, `lvl`, `msg`, `message`, `ts`,
/// `time`, `t`, `at`, `err`, `error`, `caller`, `logger`, `component`), and fewer stray
/// words after the first pair than pairs. Text before the first pair is `leadingText`.
///
/// Two passes over the bytes: the first only counts (nothing is allocated for the many
/// lines that are not logfmt), the second builds the values.
public enum LogfmtParser {
    public static func parse(_ body: UnsafeBufferPointer<UInt8>) -> LogfmtLine? {
        guard let (firstPair, tokenCount) = detect(body) else { return nil }
        var leadingEnd = firstPair
        while leadingEnd > 0 && LogfmtTokenizer.isSeparator(body[leadingEnd - 1]) { leadingEnd -= 1 }
        let leadingStart = LineBytes.skip(body, from: 0, while: LogfmtTokenizer.isSeparator)

        var pairs: [JSONMember] = []
        pairs.reserveCapacity(tokenCount)
        var tokens = LogfmtTokenizer(body, from: firstPair)
        while let (_, token) = tokens.next() {
            switch token {
            case .pair(let key, let value):
                let typed = value.quoted
                    ? LogfmtValue.quoted(body, value.range, hasEscapes: value.hasEscapes)
                    : (value.range.isEmpty ? .string("") : LogfmtValue.bare(body, value.range))
                pairs.append(JSONMember(LineBytes.string(body, key), typed))
            case .bareKey(let word), .other(let word):
                // A word with no `=` is a key set to true (go-logfmt, fluent-bit); a stray
                // word is kept the same way rather than dropped, so no text is lost.
                pairs.append(JSONMember(LineBytes.string(body, word), .bool(true)))
            }
        }
        let leading = leadingStart < leadingEnd ? LineBytes.string(body, leadingStart..<leadingEnd) : nil
        return LogfmtLine(leadingText: leading, pairs: pairs)
    }

    public static func parse(_ body: String) -> LogfmtLine? {
        LineBytes.withBytes(body) { parse($0) }
    }

    /// Where the first pair starts and how many tokens follow from it, when the line passes
    /// detection.
    private static func detect(_ body: UnsafeBufferPointer<UInt8>) -> (firstPair: Int, tokenCount: Int)? {
        // Most text lines hold fewer than two `=`: a plain byte count settles them cheaply.
        var equalsSigns = 0
        for b in body where b == LineBytes.equals {
            equalsSigns += 1
            if equalsSigns == 2 { break }
        }
        guard equalsSigns == 2 else { return nil }
        var tokens = LogfmtTokenizer(body)
        var firstPair: Int?
        var pairCount = 0
        var bareKeys = 0
        var strayWords = 0
        var hasKnownKey = false
        while let (start, token) = tokens.next() {
            switch token {
            case .pair(let key, _):
                if firstPair == nil { firstPair = start }
                pairCount += 1
                if !hasKnownKey { hasKnownKey = isKnownKey(body, key) }
            case .bareKey:
                if firstPair != nil { bareKeys += 1 }
            case .other:
                if firstPair != nil { strayWords += 1 }
            }
        }
        guard let firstPair, pairCount >= 2, hasKnownKey, strayWords < pairCount else { return nil }
        return (firstPair, pairCount + bareKeys + strayWords)
    }

    private static func isKnownKey(_ body: UnsafeBufferPointer<UInt8>, _ key: Range<Int>) -> Bool {
        for known in knownKeys where known.count == key.count {
            var same = true
            for k in 0..<known.count where body[key.lowerBound + k] != known[k] {
                same = false
                break
            }
            if same { return true }
        }
        return false
    }

    private static let knownKeys: [[UInt8]] = [
        "level", "lvl", "msg", "message", "ts", "time", "t", "at", "err", "error", "caller", "logger", "component",
    ].map { Array($0.utf8) }
}
