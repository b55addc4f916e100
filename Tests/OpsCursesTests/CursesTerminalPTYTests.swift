import OpsUI
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import OpsCurses

/// CursesTerminal on a real pseudo-terminal: the test holds the master side, as a terminal
/// emulator would, reads what curses writes and types keys. One test, as curses and the signal
/// handlers are process-wide.
@Suite(.serialized) struct CursesTerminalPTYTests {
    @Test func drawsReadsKeysWakesResizesAndRestores() throws {
        let pty = try PseudoTerminal(columns: 40, rows: 10)
        let terminal = try CursesTerminal(input: pty.slave, output: pty.slave, terminalType: "xterm-256color",
                                          noColor: false) // swift test itself may run with NO_COLOR=1
        #expect(terminal.size == Size(columns: 40, rows: 10))
        #expect(terminal.colorDepth == .indexed256)
        #expect(terminal.isUTF8)
        _ = pty.read(until: "\u{1B}[?1049h") // the alternate screen: curses has the terminal

        let blank = CellGrid(size: terminal.size)
        var grid = blank
        _ = grid.put("hi", row: 2, column: 3, role: .logError)
        grid[2, 5] = Cell("\u{1B}", .text) // unsanitised on purpose: the backend must still not send it
        _ = grid.put("東", row: 2, column: 6, role: .text)
        let runs = grid.changes(since: blank)
        #expect(runs.count == 1)
        terminal.draw(runs) { role in
            role == .logError ? RoleStyle(foreground: .ansi(1), bold: true) : .plain
        }
        terminal.refresh()
        let frame = pty.read(until: "東")
        #expect(frame.contains("hi"))
        #expect(frame.contains("\u{1B}[31m")) // setaf 1
        #expect(frame.contains("\u{1B}[1m") || frame.contains(";1m") || frame.contains("[1;"))
        #expect(!frame.contains("\u{1B}\u{1B}")) // the escape cell was drawn as a space, never sent

        pty.type("\u{1B}OA") // xterm's Up in keypad mode
        #expect(terminal.nextEvent(timeout: .seconds(2)) == .key(.up))
        pty.type("q")
        #expect(terminal.nextEvent(timeout: .seconds(2)) == .key(.character("q")))
        pty.type("\u{4}")
        #expect(terminal.nextEvent(timeout: .seconds(2)) == .key(.control("d")))
        pty.type("\r")
        #expect(terminal.nextEvent(timeout: .seconds(2)) == .key(.enter))
        #expect(terminal.nextEvent(timeout: .milliseconds(20)) == nil)

        // Posted before waiting: a task posting later could starve in the test runner's busy
        // cooperative pool (posting from another thread is WakePipeTests' job).
        terminal.waker.post()
        #expect(terminal.nextEvent(timeout: .seconds(2)) == .wake)

        pty.resize(columns: 60, rows: 20)
        kill(getpid(), SIGWINCH)
        #expect(terminal.nextEvent(timeout: .seconds(2)) == .resize(Size(columns: 60, rows: 20)))
        #expect(terminal.size == Size(columns: 60, rows: 20))

        kill(getpid(), SIGHUP)
        #expect(terminal.nextEvent(timeout: .seconds(2)) == .terminate(signal: SIGHUP))
        _ = pty.read(until: "\u{1B}[?1049l") // back on the normal screen
        #expect(terminal.nextEvent(timeout: .milliseconds(10)) == nil)
        terminal.restore() // idempotent
    }
}
