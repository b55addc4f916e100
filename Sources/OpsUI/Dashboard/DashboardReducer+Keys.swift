import OpsCore

/// Keys: a prompt takes them all while open; the help takes them while shown; the Logs pane
/// gives every key the dashboard does not take everywhere to its log view; the other panes
/// act on their intents.
extension DashboardReducer {
    static func key(_ key: Key, on state: inout DashboardState, keymap: Keymap<DashboardIntent>) -> [DashboardEffect] {
        if key == .resize { return [] }
        if state.dialog != nil {
            state.message = nil
            state.messageIsError = false
            return dialogKey(key, on: &state)
        }
        if state.prompt != nil { return promptKey(key, on: &state) }
        // A prompt of the log view (search, filter, save) is open in the Logs pane.
        if state.logs.prompt != nil { return logView(.key(key), on: &state) }
        state.message = nil
        state.messageIsError = false
        if state.showingHelp {
            helpKey(keymap.intent(for: key), on: &state, keymap: keymap)
            return []
        }
        let intent = keymap.intent(for: key)
        if let effects = progressKey(key, intent: intent, on: &state) { return effects }
        if state.focus == .logs, !(intent?.isGlobal ?? false) {
            // Esc with nothing of the log view's open unzooms, as in the other panes.
            if intent == .close, state.zoomed, state.logs.detail == nil, state.logs.search == nil {
                state.zoomed = false
                return []
            }
            return logView(.key(key), on: &state)
        }
        state.logs.message = nil
        guard let intent else { return [] }
        return perform(intent, on: &state)
    }

    static func perform(_ intent: DashboardIntent, on state: inout DashboardState) -> [DashboardEffect] {
        switch intent {
        case .nextPane: state.focus = state.focus.cycled(forward: true, among: state.panes)
        case .previousPane: state.focus = state.focus.cycled(forward: false, among: state.panes)
        case .focus(let pane):
            guard state.panes.contains(pane) else {
                state.message = "nothing is probed: add probes (or a base_url) to a service in opsdeck.yml"
                state.messageIsError = true
                return []
            }
            state.focus = pane
        case .toggleZoom, .open: state.zoomed.toggle()
        case .close: return close(on: &state)
        case .lineDown: return move(.by(1), on: &state)
        case .lineUp: return move(.by(-1), on: &state)
        case .pageDown: return move(.by(pageRows(state)), on: &state)
        case .pageUp: return move(.by(-pageRows(state)), on: &state)
        case .top: return move(.first, on: &state)
        case .bottom: return move(.last, on: &state)
        case .filter:
            switch state.focus {
            case .services: open(.filter(.services), text: state.servicesFilter, on: &state)
            case .history: open(.filter(.history), text: state.historyFilter, on: &state)
            case .probes: open(.filter(.probes), text: state.probesFilter, on: &state)
            case .logs, .details:
                state.message = "the \(state.focus.title) pane has no filter"
                state.messageIsError = true
            }
        case .command: open(.command, text: "", on: &state)
        case .refresh: return refresh(&state)
        case .help: state.showingHelp = true
        case .acknowledge: acknowledge(&state)
        case .deploy, .promote, .rollback, .restart, .promoteCanaryStep, .abortCanary: return ask(intent, on: &state)
        case .showAction: return showAction(on: &state)
        case .quit: return quit(on: &state)
        }
        return []
    }

    /// Esc: unzoom first, then clear the focused table's filter.
    static func close(on state: inout DashboardState) -> [DashboardEffect] {
        if state.zoomed {
            state.zoomed = false
            return []
        }
        switch state.focus {
        case .services where !state.servicesFilter.isEmpty:
            state.servicesFilter = ""
            return reconcileSelection(&state)
        case .history where !state.historyFilter.isEmpty:
            state.historyFilter = ""
            reconcileRelease(&state)
        case .probes where !state.probesFilter.isEmpty:
            state.probesFilter = ""
            reconcileProbe(&state)
        default:
            break
        }
        return []
    }

    /// Rows a page moves in the focused pane, as the last render measured it.
    static func pageRows(_ state: DashboardState) -> Int {
        let rows = switch state.focus {
        case .services: state.viewport.servicesRows
        case .history: state.viewport.historyRows
        case .logs: state.viewport.logsRows
        case .details: state.viewport.detailsRows
        case .probes: state.viewport.probesRows
        }
        return max(1, rows)
    }

    // MARK: - Help

    static func helpKey(_ intent: DashboardIntent?, on state: inout DashboardState, keymap: Keymap<DashboardIntent>) {
        let last = DashboardHelp.rowCount(keymap)
        let page = max(1, pageRows(state) / 2)
        switch intent {
        case .lineDown: state.helpScroll = min(state.helpScroll + 1, last)
        case .lineUp: state.helpScroll = max(0, state.helpScroll - 1)
        case .pageDown: state.helpScroll = min(state.helpScroll + page, last)
        case .pageUp: state.helpScroll = max(0, state.helpScroll - page)
        case .close, .help, .quit:
            state.showingHelp = false
            state.helpScroll = 0
        default: break
        }
    }
}

/// The `?` screen: the dashboard's keys, then those the log view keeps in the Logs pane, all
/// from the keymaps, so help never disagrees with what the keys do.
enum DashboardHelp {
    static func sections(_ keymap: Keymap<DashboardIntent> = .dashboard)
        -> [(title: String, rows: [(keys: String, description: String)])] {
        keymap.helpSections() + Keymap<LogViewIntent>.logsPane.helpSections().map { ("Logs pane: " + $0.title, $0.rows) }
    }

    /// Rows the help has (a bound for its scroll: the overlay clamps to what fits).
    static func rowCount(_ keymap: Keymap<DashboardIntent>) -> Int {
        sections(keymap).reduce(0) { $0 + $1.rows.count + 2 }
    }
}
