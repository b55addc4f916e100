/// Shapes of unindented stack-trace lines, used by `ContinuationTracker`.
enum StackTraceLines {
    /// `^[A-Za-z_][\w.]*(Error|Exception|Warning)(: .*)?$`, the bare base names too
    /// (`raise Exception("x")` ends a traceback with `Exception: x`), or a Python built-in
    /// exception whose name ends otherwise.
    static func isPythonException(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let name = exceptionName(line, allowDollar: false) else { return false }
        if hasSuffix(line, name, "Error") || hasSuffix(line, name, "Exception") || hasSuffix(line, name, "Warning") {
            return true
        }
        var lastDot = name.lowerBound - 1
        for k in name where line[k] == LineBytes.dot { lastDot = k }
        let simpleName = (lastDot + 1)..<name.upperBound
        return pythonBuiltinsWithOtherNames.contains { word in
            word.count == simpleName.count && word.indices.allSatisfy { line[simpleName.lowerBound + $0] == word[$0] }
        }
    }

    /// `^([a-z][\w$]*\.)+[A-Z][\w$]*(Exception|Error|Throwable)(: .*)?$`: a JVM exception
    /// named with its package, as printed at the top of a stack trace.
    static func isQualifiedJVMException(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first, LineBytes.isLower(first),
              let name = exceptionName(line, allowDollar: true),
              hasSuffix(line, name, "Exception") || hasSuffix(line, name, "Error") || hasSuffix(line, name, "Throwable")
        else { return false }
        var segmentStart = name.lowerBound
        var segments = 0
        for k in name where line[k] == LineBytes.dot {
            guard k > segmentStart, LineBytes.isLower(line[segmentStart]) else { return false }
            segments += 1
            segmentStart = k + 1
        }
        return segments > 0 && segmentStart < name.upperBound && LineBytes.isUpper(line[segmentStart])
    }

    /// Lines of a Go crash that are not indented: function frames (`main.main()`,
    /// `net/http.(*conn).serve(0xc000...)`, `panic({0x4a2f40?, 0x4f2a80?})`), `created by`,
    /// `[signal SIGSEGV ...]`, `goroutine N [...]`, `exit status N` from `go run`, and the
    /// elision marker.
    static func isGoCrashLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if LineBytes.hasLiteral(line, at: 0, "created by ") || LineBytes.hasLiteral(line, at: 0, "[signal ")
            || LineBytes.hasLiteral(line, at: 0, "exit status ") || LineBytes.hasLiteral(line, at: 0, "...additional frames")
            || ContinuationRule.isGoroutineHeader(line) {
            return true
        }
        guard let first = line.first, LineBytes.isLetter(first) || first == UInt8(ascii: "_") else { return false }
        var open = 0
        while open < line.count && line[open] != UInt8(ascii: "(") {
            guard !LineBytes.isBlank(line[open]) else { return false }
            open += 1
        }
        var last = line.count - 1
        while last > open && (LineBytes.isBlank(line[last]) || line[last] == 0x0D) { last -= 1 }
        return open < line.count && line[last] == UInt8(ascii: ")")
    }

    /// The dotted identifier at the start of the line when what follows it is the end of
    /// the line, `:` at the end, or `: ` and a message.
    private static func exceptionName(_ line: UnsafeBufferPointer<UInt8>, allowDollar: Bool) -> Range<Int>? {
        guard let first = line.first, LineBytes.isLetter(first) || first == UInt8(ascii: "_") else { return nil }
        let end = LineBytes.skip(line, from: 0) { b in
            LineBytes.isWord(b) || b == LineBytes.dot || (allowDollar && b == UInt8(ascii: "$"))
        }
        var rest = end
        while rest < line.count && line[rest] == 0x0D { rest += 1 }
        if rest == line.count { return 0..<end }
        guard line[end] == LineBytes.colon else { return nil }
        guard end + 1 == line.count || LineBytes.isBlank(line[end + 1]) || line[end + 1] == 0x0D else { return nil }
        return 0..<end
    }

    private static func hasSuffix(_ line: UnsafeBufferPointer<UInt8>, _ name: Range<Int>, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard name.count > n else { return name.count == n && LineBytes.hasLiteral(line, at: name.lowerBound, suffix) }
        return LineBytes.hasLiteral(line, at: name.upperBound - n, suffix)
    }

    private static let pythonBuiltinsWithOtherNames: [[UInt8]] = [
        "KeyboardInterrupt", "SystemExit", "GeneratorExit", "StopIteration", "StopAsyncIteration",
        "ExceptionGroup", "BaseExceptionGroup",
    ].map { Array($0.utf8) }
}
