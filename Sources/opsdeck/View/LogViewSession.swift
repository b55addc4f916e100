import Foundation
import OpsCore
import OpsCurses
import OpsUI

/// The loop of `opsdeck view`: the one thread that owns the terminal. It waits for a key, a
/// resize or a wake (new records) without polling, reduces, renders, and draws only the cells
/// that changed.
final class LogViewSession {
    private let terminal: CursesTerminal
    private let styles: [Role: RoleStyle]
    private let boxStyle: BoxStyle
    private let inbox: RecordInbox
    private let title: String
    private let hiddenSource: String?
    private var state: LogViewState
    private var previous: CellGrid?
    private let lineCache = LogLineCache()

    init(terminal: CursesTerminal, theme: Theme, state: LogViewState, inbox: RecordInbox, title: String,
         hiddenSource: String?) {
        self.hiddenSource = hiddenSource
        self.terminal = terminal
        let degraded = theme.degraded(to: terminal.colorDepth)
        // Looked up once: drawing asks for a style per run of cells.
        styles = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, degraded.style(for: $0)) })
        boxStyle = .forLocale(isUTF8: terminal.isUTF8)
        self.inbox = inbox
        self.title = title
        self.state = state
    }

    /// Runs until the user quits; returns normally for `q`, ends the process for a signal.
    func run() {
        ScreenLoop(terminal: terminal, takeArrivals: { [self] in
            let arrived = inbox.drain()
            guard !arrived.isEmpty else { return .unchanged }
            _ = LogViewReducer.reduce(&state, .records(arrived))
            return .changed
        }, key: { [self] key in
            switch LogViewReducer.reduce(&state, .key(key)) {
            case .none: return .changed
            case .quit: return .quit
            case .save(let path):
                save(to: path)
                return .changed
            }
        }, resized: { [self] in previous = nil },
        draw: { [self] in draw() },
        stop: { [inbox] in inbox.stop() }).run()
    }

    private func draw() {
        let frame = LogViewRenderer.render(state, size: terminal.size, style: boxStyle, title: title,
                                           hiddenSource: hiddenSource, cache: lineCache)
        if frame.top != state.top || frame.rows != state.pageRows {
            _ = LogViewReducer.reduce(&state, .viewport(top: frame.top, rows: frame.rows))
        }
        let runs = frame.grid.changes(since: previous)
        if !runs.isEmpty {
            terminal.draw(runs) { [styles] role in styles[role] ?? .plain }
            terminal.refresh()
        }
        previous = frame.grid
    }

    private func save(to path: String) {
        (state.message, state.messageIsError) = RecordExport.save(state, to: path)
    }
}
