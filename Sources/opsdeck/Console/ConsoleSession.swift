import Foundation
import OpsCore
import OpsCurses
import OpsUI

/// The console's UI loop: the one thread that owns the terminal and the dashboard's state. It
/// waits for a key, a resize or a wake (an action posted by a background task), reduces, hands
/// the effects to the runtime, and draws only the cells that changed.
final class ConsoleSession {
    private let terminal: CursesTerminal
    private let effects: ConsoleEffects
    private let inbox: ActionInbox
    private let themeFolders: [String]
    private var styles: [Role: RoleStyle] = [:]
    private let boxStyle: BoxStyle
    private var state: DashboardState
    private var previous: CellGrid?
    private let lineCache = DashboardLineCache()
    /// Journal and hooks for alerts.
    private let alerting: AlertDelivery
    /// `alerts: {bell: true}`: a raised alert rings the terminal's bell.
    private let ringsBell: Bool
    /// Deploy, promote, rollback; nil without a configuration.
    private let actions: ConsoleActions?

    init(terminal: CursesTerminal, theme: Theme, themeFolders: [String], state: DashboardState,
         effects: ConsoleEffects, inbox: ActionInbox, alerting: AlertDelivery, ringsBell: Bool,
         actions: ConsoleActions?) {
        self.actions = actions
        self.terminal = terminal
        self.alerting = alerting
        self.ringsBell = ringsBell
        self.themeFolders = themeFolders
        self.state = state
        self.effects = effects
        self.inbox = inbox
        boxStyle = .forLocale(isUTF8: terminal.isUTF8)
        use(theme)
    }

    /// Runs until the user quits; returns normally for `q`, ends the process for a signal.
    func run() {
        if !apply(.refresh) { return }
        ScreenLoop(terminal: terminal, takeArrivals: { [self] in
            let actions = inbox.drain()
            for action in actions where !apply(action) { return .quit }
            return actions.isEmpty ? .unchanged : .changed
        }, key: { [self] key in apply(.key(key)) ? .changed : .quit },
        resized: { [self] in previous = nil },
        draw: { [self] in draw() },
        stop: { [effects, alerting, actions] in
            // A signal (the SSH link dropped): the running action's step finishes and is
            // journalled before the process ends.
            actions?.finishRunningAction()
            effects.stop()
            ConsoleSignalCleanup.runAll()
            // The console is going away: a running hook is killed, queued ones dropped.
            alerting.cancelHooks()
        }).run()
    }

    /// Reduces one action and carries out its effects; false when the user quit.
    private func apply(_ action: DashboardAction) -> Bool {
        for effect in DashboardReducer.reduce(&state, action) {
            switch effect {
            case .quit:
                return false
            case .setTheme(let name):
                let loaded = ThemeLoader.load(named: name, searchPaths: themeFolders)
                use(loaded.theme)
                previous = nil
                _ = DashboardReducer.reduce(&state, .notice(loaded.warning ?? "theme \(loaded.theme.name)",
                                                            isError: loaded.warning != nil))
            case .save(let path):
                let saved = RecordExport.save(state.logs, to: path)
                _ = DashboardReducer.reduce(&state, .notice(saved.message, isError: saved.isError))
            case .alert(let alert):
                if ringsBell, alert.transition == .raised { terminal.bell() }
                if let failure = alerting.deliver(alert) {
                    _ = DashboardReducer.reduce(&state, .notice("cannot journal \(alert.summary): \(failure)", isError: true))
                }
            case .refresh, .loadReleases, .followLogs, .rescanLogs, .loadMetricHistory:
                effects.perform(effect)
            case .loadVersions, .prepareAction, .runAction, .dropAction, .stopAction:
                actions?.perform(effect)
            }
        }
        return true
    }

    private func use(_ theme: Theme) {
        let degraded = theme.degraded(to: terminal.colorDepth)
        // Looked up once: drawing asks for a style per run of cells.
        styles = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, degraded.style(for: $0)) })
    }

    private func draw() {
        let frame = DashboardRenderer.render(state, size: terminal.size, style: boxStyle, cache: lineCache)
        if frame.viewport != state.viewport { _ = DashboardReducer.reduce(&state, .viewport(frame.viewport)) }
        let runs = frame.grid.changes(since: previous)
        if !runs.isEmpty {
            terminal.draw(runs) { [styles] role in styles[role] ?? .plain }
            terminal.refresh()
        }
        previous = frame.grid
    }
}
