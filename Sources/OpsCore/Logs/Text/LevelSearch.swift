/// Finds the level word among the first tokens of a text line's header, where the common
/// layouts put it:
/// - `ERROR ...`, `[WARN] ...`, `[error] ...` (nginx), `INF ...` (zerolog console);
/// - `ERROR:root:boom` (python logging's default), `INFO:     Started` (uvicorn),
///   `error: ...` / `info: ...` (first word only: Node, .NET console), `app.ERROR: ...`
///   (Monolog: PHP, Laravel);
/// - after header-like tokens: `[main] ERROR` (logback's thread first), `[7] [INFO]`
///   (gunicorn's pid), `12:00:00.123 [main] INFO` (time of day), `- root - ERROR -`
///   (python `%(asctime)s - %(name)s - %(levelname)s`).
///
/// A bare level must be in capitals, so prose ("error connecting") is not a level; a word
/// that is not header-like ends the search.
enum LevelSearch {
    struct Found {
        var level: Range<Int>
        /// Index just after the level token (after its `]` or `:`).
        var end: Int
        /// The level ended in `:` directly (`ERROR:root:msg`, `info: msg`).
        var colonForm: Bool
        var thread: Range<Int>?
        var pid: Range<Int>?
        var logger: Range<Int>?
    }

    static let maxHeaderTokens = 6
    static let maxBracketContent = 128

    static func find(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Found? {
        var j = start
        var thread: Range<Int>?
        var pid: Range<Int>?
        var logger: Range<Int>?
        for position in 0..<maxHeaderTokens {
            j = LineBytes.skipBlanks(line, from: j)
            guard j < line.count else { return nil }
            if line[j] == LineBytes.openBracket {
                guard let (content, close) = bracket(line, at: j) else { return nil }
                if TextLevelWords.isLevel(line, content, anyCase: true) {
                    return Found(level: content, end: close + 1, colonForm: false, thread: thread, pid: pid, logger: logger)
                }
                if !content.isEmpty && content.allSatisfy({ LineBytes.isDigit(line[$0]) }) {
                    pid = content
                } else if !content.isEmpty {
                    thread = content
                }
                j = close + 1
                continue
            }
            let tokenEnd = LineBytes.tokenEnd(line, from: j)
            let wordEnd = LineBytes.skip(line, from: j, while: LineBytes.isLetter)
            if wordEnd > j {
                let word = j..<wordEnd
                if wordEnd == tokenEnd, TextLevelWords.isLevel(line, word, anyCase: false) {
                    return Found(level: word, end: wordEnd, colonForm: false, thread: thread, pid: pid, logger: logger)
                }
                if LineBytes.isByte(line, wordEnd, LineBytes.colon),
                   TextLevelWords.isLevel(line, word, anyCase: position == 0) {
                    return Found(level: word, end: wordEnd + 1, colonForm: true, thread: thread, pid: pid, logger: logger)
                }
            }
            if let monolog = channelAndLevel(line, j..<tokenEnd) {
                return Found(level: monolog.level, end: monolog.level.upperBound + 1, colonForm: true,
                             thread: thread, pid: pid, logger: monolog.channel)
            }
            if isSeparatorToken(line, j..<tokenEnd) || isDigits(line, j..<tokenEnd) || isTimeOfDay(line, j..<tokenEnd) {
                if isDigits(line, j..<tokenEnd) { pid = j..<tokenEnd }
                j = tokenEnd
                continue
            }
            // A name is header-like only when a separator follows it (` - root - `).
            let next = LineBytes.skipBlanks(line, from: tokenEnd)
            guard next > tokenEnd, isSeparatorToken(line, next..<LineBytes.tokenEnd(line, from: next)) else { return nil }
            logger = j..<tokenEnd
            j = tokenEnd
        }
        return nil
    }

    /// Monolog's (PHP, Laravel) `channel.LEVEL:`, as in `[2024-05-01 12:00:00] app.ERROR: msg`.
    private static func channelAndLevel(_ line: UnsafeBufferPointer<UInt8>, _ token: Range<Int>)
        -> (channel: Range<Int>, level: Range<Int>)? {
        let channelEnd = LineBytes.skip(line, from: token.lowerBound) { b in LineBytes.isWord(b) || b == LineBytes.dash }
        guard channelEnd > token.lowerBound, channelEnd < token.upperBound, line[channelEnd] == LineBytes.dot else {
            return nil
        }
        let levelEnd = LineBytes.skip(line, from: channelEnd + 1, while: LineBytes.isUpper)
        guard levelEnd + 1 == token.upperBound, line[levelEnd] == LineBytes.colon,
              TextLevelWords.isLevel(line, (channelEnd + 1)..<levelEnd, anyCase: false) else { return nil }
        return (token.lowerBound..<channelEnd, (channelEnd + 1)..<levelEnd)
    }

    /// `[content]` at `i`: the trimmed content and the index of `]`.
    static func bracket(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> (Range<Int>, Int)? {
        let limit = min(line.count, i + 1 + maxBracketContent)
        var close = i + 1
        while close < limit && line[close] != LineBytes.closeBracket {
            guard line[close] != LineBytes.openBracket else { return nil }
            close += 1
        }
        guard close < limit else { return nil }
        let contentStart = LineBytes.skipBlanks(line, from: i + 1)
        var contentEnd = close
        while contentEnd > contentStart && LineBytes.isBlank(line[contentEnd - 1]) { contentEnd -= 1 }
        return (contentStart..<max(contentStart, contentEnd), close)
    }

    /// `-`, `--`, `---`, `|`, `:`, `::`: the punctuation layouts put between header fields.
    static func isSeparatorToken(_ line: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard (1...3).contains(r.count) else { return false }
        return r.allSatisfy { k in line[k] == LineBytes.dash || line[k] == LineBytes.pipe || line[k] == LineBytes.colon }
    }

    static func isDigits(_ line: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        !r.isEmpty && r.count <= 10 && r.allSatisfy { LineBytes.isDigit(line[$0]) }
    }

    private static func isTimeOfDay(_ line: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard let clockEnd = TimestampExtent.clock(line, at: r.lowerBound) else { return false }
        return TimestampExtent.fraction(line, at: clockEnd) == r.upperBound
    }
}
