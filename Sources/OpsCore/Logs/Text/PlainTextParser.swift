/// Reads the header of a plain-text log line: a leading timestamp, a level word near the
/// start, klog's header, and the fields common layouts put around them (thread, logger,
/// pid, caller). Everything is returned as byte ranges and string metadata; `messageStart`
/// is where the human message begins. A line with no recognised header comes back with
/// `messageStart == 0` and nothing else set.
///
/// Layouts covered (one example each in the tests): klog/glog, Ruby Logger, python logging
/// (default, asctime with `-` separators, uvicorn), logback/log4j/Spring Boot, Go `log`
/// (with `Lshortfile`), zap and zerolog console, nginx error log, gunicorn, Rust env_logger,
/// Serilog console, .NET console, Node `Error:` lines.
public enum PlainTextParser {
    public static func parse(_ body: UnsafeBufferPointer<UInt8>) -> PlainLine {
        var plain = PlainLine()
        guard !body.isEmpty else { return plain }
        if KlogHeader.parse(body, into: &plain) || RubyLoggerHeader.parse(body, into: &plain) { return plain }

        var headerEnd = 0
        if let timestampEnd = LeadingTimestamp.parse(body, into: &plain) {
            headerEnd = timestampEnd
            plain.messageStart = skipSeparator(body, from: timestampEnd)
        }
        if plain.levelWord == nil, let found = LevelSearch.find(body, from: headerEnd) {
            plain.levelWord = found.level
            if let pid = found.pid { plain.note("pid", pid, in: body) }
            if let thread = found.thread { plain.note("thread", thread, in: body) }
            if let logger = found.logger { plain.note("logger", logger, in: body) }
            plain.messageStart = found.colonForm
                ? afterPythonLogger(body, from: found.end, into: &plain)
                : afterLevel(body, from: found.end, threadBeforeLevel: found.thread != nil, into: &plain)
        } else if plain.timestamp != nil || plain.levelWord != nil {
            plain.messageStart = HeaderTail.caller(body, at: plain.messageStart, into: &plain) ?? plain.messageStart
        }
        return plain
    }

    public static func parse(_ body: String) -> PlainLine {
        LineBytes.withBytes(body) { parse($0) }
    }

    /// Blanks, then one lone separator token (`-`, `|`, `:`) and the blanks after it.
    private static func skipSeparator(_ line: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let start = LineBytes.skipBlanks(line, from: i)
        let end = LineBytes.tokenEnd(line, from: start)
        guard end > start, LevelSearch.isSeparatorToken(line, start..<end) else { return start }
        return LineBytes.skipBlanks(line, from: end)
    }

    private static func afterLevel(_ line: UnsafeBufferPointer<UInt8>, from i: Int, threadBeforeLevel: Bool,
                                   into plain: inout PlainLine) -> Int {
        let start = skipSeparator(line, from: i)
        return HeaderTail.nginx(line, at: start, into: &plain)
            ?? HeaderTail.java(line, at: start, threadBeforeLevel: threadBeforeLevel, into: &plain)
            ?? HeaderTail.caller(line, at: start, into: &plain)
            ?? start
    }

    /// python logging's default `LEVEL:logger:message`; `LEVEL: message` has no logger.
    private static func afterPythonLogger(_ line: UnsafeBufferPointer<UInt8>, from i: Int,
                                          into plain: inout PlainLine) -> Int {
        let nameEnd = LineBytes.skip(line, from: i) { b in !LineBytes.isBlank(b) && b != LineBytes.colon }
        if nameEnd > i, LineBytes.isByte(line, nameEnd, LineBytes.colon) {
            plain.note("logger", i..<nameEnd, in: line)
            return min(nameEnd + 1, line.count)
        }
        return LineBytes.skipBlanks(line, from: i)
    }
}
