/// `ContinuationRule` with memory of the lines above, for the parts of stack traces that
/// one line cannot be judged by:
///
/// - **Python**: a traceback ends with an unindented exception line (`ValueError: bad`).
///   Stateless, such a line would start a record of its own; inside a traceback it joins it.
///   Recognised as `^[A-Za-z_][\w.]*(Error|Exception|Warning)(: .*)?$` or one of the
///   built-in exceptions named otherwise (`KeyboardInterrupt`, `SystemExit`, ...). Blank
///   lines inside a traceback, and the one after its exception line that separates a
///   chained traceback (`During handling of the above exception ...`), join too; a blank
///   line followed by a new record therefore stays with the traceback, harmlessly.
/// - **Go**: after `panic:`, `fatal error:` or a `goroutine N [...]` header, the unindented
///   function lines (`main.main()`, `net/http.(*conn).serve(...)`), `created by ...`,
///   `[signal ...]` and the blank lines between goroutines join the crash.
/// - **JVM**: an unindented package-qualified exception line
///   (`java.lang.IllegalStateException: bad`) directly under a record is the header of the
///   stack trace logback prints after the message, so it joins the record above.
///
/// Feed it every line of one stream in order; `reset()` when the stream restarts.
public struct ContinuationTracker: Sendable {
    private enum State: Sendable {
        case none
        case pythonTraceback
        /// After a traceback's exception line, or after a chaining sentence.
        case afterPythonException
        case goCrash
    }

    private var state = State.none
    private var hasLineAbove = false

    public init() {}

    public mutating func reset() {
        state = .none
        hasLineAbove = false
    }

    public mutating func isContinuation(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        defer { hasLineAbove = true }
        guard hasLineAbove else {
            state = nextState(line, joined: false)
            return false
        }
        let blank = LineBytes.isBlankLine(line)
        switch state {
        case .pythonTraceback:
            if blank || LineBytes.isBlank(line[0]) { return true }
            if StackTraceLines.isPythonException(line) {
                state = .afterPythonException
                return true
            }
        case .afterPythonException:
            if blank { return true }
        case .goCrash:
            if blank || StackTraceLines.isGoCrashLine(line) { return true }
        case .none:
            break
        }
        let joins = ContinuationRule.isContinuation(line) || StackTraceLines.isQualifiedJVMException(line)
        state = nextState(line, joined: joins)
        return joins
    }

    public mutating func isContinuation(_ line: String) -> Bool {
        LineBytes.withBytes(line) { isContinuation($0) }
    }

    private func nextState(_ line: UnsafeBufferPointer<UInt8>, joined: Bool) -> State {
        if LineBytes.hasLiteral(line, at: 0, "Traceback") { return .pythonTraceback }
        if LineBytes.hasLiteral(line, at: 0, "During handling of the above exception")
            || LineBytes.hasLiteral(line, at: 0, "The above exception was the direct cause") {
            return .afterPythonException
        }
        if LineBytes.hasLiteral(line, at: 0, "panic:") || LineBytes.hasLiteral(line, at: 0, "fatal error:")
            || ContinuationRule.isGoroutineHeader(line) {
            return .goCrash
        }
        // Indented lines keep a traceback or crash going (frames' file lines are indented).
        if joined && (state == .goCrash || state == .pythonTraceback) { return state }
        return .none
    }
}
