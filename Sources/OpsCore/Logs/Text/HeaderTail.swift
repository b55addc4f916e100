/// Header fields that follow the level in well-known layouts. Each recogniser takes all of
/// its shape or nothing, so a message that merely starts like one keeps its text.
enum HeaderTail {
    /// nginx's error log: `[error] 7#7: *1 connect() failed` → pid 7, tid 7, connection 1.
    static func nginx(_ line: UnsafeBufferPointer<UInt8>, at i: Int, into plain: inout PlainLine) -> Int? {
        let pidEnd = LineBytes.skip(line, from: i, while: LineBytes.isDigit)
        guard pidEnd > i, LineBytes.isByte(line, pidEnd, UInt8(ascii: "#")) else { return nil }
        let tidEnd = LineBytes.skip(line, from: pidEnd + 1, while: LineBytes.isDigit)
        guard tidEnd > pidEnd + 1, LineBytes.isByte(line, tidEnd, LineBytes.colon),
              LineBytes.isTokenEnd(line, tidEnd + 1) else { return nil }
        plain.note("pid", i..<pidEnd, in: line)
        plain.note("tid", (pidEnd + 1)..<tidEnd, in: line)
        var j = LineBytes.skipBlanks(line, from: tidEnd + 1)
        if LineBytes.isByte(line, j, UInt8(ascii: "*")) {
            let connectionEnd = LineBytes.skip(line, from: j + 1, while: LineBytes.isDigit)
            if connectionEnd > j + 1, LineBytes.isTokenEnd(line, connectionEnd) {
                plain.note("connection", (j + 1)..<connectionEnd, in: line)
                j = LineBytes.skipBlanks(line, from: connectionEnd)
            }
        }
        return j
    }

    /// logback / log4j / Spring Boot after the level:
    /// `[main] c.e.App - boom`, `12345 --- [main] c.e.App : Started`,
    /// `12345 --- [app] [           main] c.e.App : Started` (Boot 3.2+: application, thread).
    /// Also loguru's `| INFO     | app.db:connect:42 - msg`. The logger must be followed by
    /// ` - ` or ` : ` and either carry a `.` or `:` (class, module or `mod:func:line`) or
    /// come after a thread or `---`, so `INFO server - ready` is left as a message.
    static func java(_ line: UnsafeBufferPointer<UInt8>, at i: Int, threadBeforeLevel: Bool,
                     into plain: inout PlainLine) -> Int? {
        var j = i
        var pid: Range<Int>?
        var thread: Range<Int>?
        var marked = threadBeforeLevel
        let firstEnd = LineBytes.tokenEnd(line, from: j)
        if LevelSearch.isDigits(line, j..<firstEnd) {
            pid = j..<firstEnd
            j = LineBytes.skipBlanks(line, from: firstEnd)
        }
        if LineBytes.hasLiteral(line, at: j, "---"), LineBytes.isTokenEnd(line, j + 3) {
            marked = true
            j = LineBytes.skipBlanks(line, from: j + 3)
        }
        for _ in 0..<2 where LineBytes.isByte(line, j, LineBytes.openBracket) {
            guard let (content, close) = LevelSearch.bracket(line, at: j) else { return nil }
            thread = content
            marked = true
            j = LineBytes.skipBlanks(line, from: close + 1)
        }
        let loggerEnd = LineBytes.tokenEnd(line, from: j)
        guard loggerEnd > j else { return nil }
        let separator = LineBytes.skipBlanks(line, from: loggerEnd)
        guard separator > loggerEnd, let s = LineBytes.byte(line, separator),
              s == LineBytes.dash || s == LineBytes.colon, LineBytes.isTokenEnd(line, separator + 1),
              marked || (j..<loggerEnd).contains(where: { line[$0] == LineBytes.dot || line[$0] == LineBytes.colon })
        else { return nil }
        if let pid { plain.note("pid", pid, in: line) }
        if let thread, !thread.isEmpty { plain.note("thread", thread, in: line) }
        plain.note("logger", j..<loggerEnd, in: line)
        return LineBytes.skipBlanks(line, from: separator + 1)
    }

    /// A source position right after the header: zap's console encoder
    /// (`INFO\tserver/main.go:42\tmsg`, or `INFO\tlogger\tmain.go:42\tmsg` with a named
    /// logger) and Go's `log.Lshortfile` (`main.go:12: msg`).
    static func caller(_ line: UnsafeBufferPointer<UInt8>, at i: Int, into plain: inout PlainLine) -> Int? {
        let end = LineBytes.tokenEnd(line, from: i)
        if let callerEnd = sourcePosition(line, i..<end) {
            plain.note("caller", i..<callerEnd, in: line)
            return LineBytes.skipBlanks(line, from: end)
        }
        // A named zap logger sits between level and caller, tab-separated.
        guard end > i, LineBytes.isByte(line, end, LineBytes.tab) else { return nil }
        let next = end + 1
        let nextEnd = LineBytes.tokenEnd(line, from: next)
        guard let callerEnd = sourcePosition(line, next..<nextEnd) else { return nil }
        plain.note("logger", i..<end, in: line)
        plain.note("caller", next..<callerEnd, in: line)
        return LineBytes.skipBlanks(line, from: nextEnd)
    }

    /// `path/file.ext:line` with a source-file extension, optionally followed by `:`;
    /// returns the end of the position (without that colon). The extension list keeps
    /// `db.example.com:5432` from reading as a caller.
    static func sourcePosition(_ line: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Int? {
        var end = token.upperBound
        if end > token.lowerBound && line[end - 1] == LineBytes.colon { end -= 1 }
        var digitsStart = end
        while digitsStart > token.lowerBound && LineBytes.isDigit(line[digitsStart - 1]) { digitsStart -= 1 }
        let colon = digitsStart - 1
        guard digitsStart < end, colon > token.lowerBound, line[colon] == LineBytes.colon else { return nil }
        var dot = colon - 1
        while dot > token.lowerBound && LineBytes.isLetter(line[dot]) { dot -= 1 }
        guard dot > token.lowerBound, line[dot] == LineBytes.dot,
              sourceExtensions.contains(where: { ext in
                  ext.count == colon - dot - 1 && ext.indices.allSatisfy { line[dot + 1 + $0] == ext[$0] }
              })
        else { return nil }
        return end
    }

    private static let sourceExtensions: [[UInt8]] = [
        "go", "py", "java", "kt", "scala", "rs", "js", "mjs", "cjs", "ts", "tsx", "jsx", "rb", "c", "cc",
        "cpp", "h", "hpp", "cs", "swift", "php", "ex", "exs", "erl", "clj", "dart", "lua", "pl",
    ].map { Array($0.utf8) }
}
