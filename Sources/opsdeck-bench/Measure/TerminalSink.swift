import Foundation
import OpsCurses
import OpsUI

/// A real curses screen on a pseudo-terminal, for counting the bytes each frame sends: what an
/// SSH link would carry. A thread reads the master side all along, as a terminal emulator
/// would, so curses never blocks on a full buffer.
final class TerminalSink: @unchecked Sendable {
    private let pty: PseudoTerminal
    private let terminal: CursesTerminal
    private let styles: [Role: RoleStyle]
    private let reader: MasterReader

    init(size: Size, terminalType: String) throws {
        pty = try PseudoTerminal(columns: size.columns, rows: size.rows)
        terminal = try CursesTerminal(input: pty.slave, output: pty.slave, terminalType: terminalType, noColor: false)
        let theme = Theme.stock.degraded(to: terminal.colorDepth)
        styles = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, theme.style(for: $0)) })
        reader = MasterReader(pty)
    }

    /// Draws the changes and returns the bytes written to the terminal for them.
    func send(_ runs: [CellRun]) -> Int {
        let before = CursesTerminal.bytesWrittenByProcess()
        terminal.draw(runs) { [styles] role in styles[role] ?? .plain }
        terminal.refresh()
        return CursesTerminal.bytesWrittenByProcess() - before
    }

    func close() {
        terminal.restore()
        reader.stop()
    }
}

/// Reads the master side of a pseudo-terminal on its own thread until stopped.
private final class MasterReader: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var finished = false

    init(_ pty: PseudoTerminal) {
        Thread.detachNewThread { [self] in
            while !lock.withLock({ stopped }) { _ = pty.drain(timeout: .milliseconds(20)) }
            lock.withLock { finished = true }
        }
    }

    func stop() {
        lock.withLock { stopped = true }
        while !lock.withLock({ finished }) { usleep(1000) }
    }
}
