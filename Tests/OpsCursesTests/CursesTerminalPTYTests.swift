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

/// A pseudo-terminal pair; the master is what a terminal emulator holds.
final class PseudoTerminal {
    let master: Int32
    let slave: Int32

    struct Failed: Error {}

    init(columns: Int, rows: Int) throws {
        // posix_openpt and friends are hidden from Swift's Glibc (they need _XOPEN_SOURCE), so
        // this is what they do on Linux: open the multiplexer, unlock, ask the slave's number.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Failed() }
        var unlock: Int32 = 0, number: UInt32 = 0
        guard ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            close(master)
            throw Failed()
        }
        slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { throw Failed() }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        resize(columns: columns, rows: rows)
    }

    /// TIOCSPTLCK and TIOCGPTN (`_IOW('T', 0x31, int)`, `_IOR('T', 0x30, unsigned int)`):
    /// macro expressions Swift cannot import.
    static let setLock: UInt = 0x4004_5431
    static let getNumber: UInt = 0x8004_5430

    deinit {
        close(slave)
        close(master)
    }

    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// What the terminal wrote until `expected` appears or 3 seconds pass.
    func read(until expected: String) -> String {
        var collected: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = ContinuousClock.now.advanced(by: .seconds(3))
        while ContinuousClock.now < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            if count > 0 { collected += buffer[..<count] }
            if String(decoding: collected, as: UTF8.self).contains(expected) { break }
        }
        return String(decoding: collected, as: UTF8.self)
    }
}
