/// What a key asks of the dashboard.
public enum DashboardIntent: Hashable, Sendable {
    case nextPane, previousPane
    case focus(DashboardPane)
    case toggleZoom
    case lineDown, lineUp, pageDown, pageUp, top, bottom
    case open, close, filter
    case command, refresh, help, quit
    /// Clears the alert banner.
    case acknowledge
    /// `d`, `p`, `R`, `S`: plan a deploy, promote, rollback or restart of the selected service and show it.
    case deploy, promote, rollback, restart
    /// `P`, `X`: plan going on past an Argo Rollout canary's pause, or aborting the canary.
    case promoteCanaryStep, abortCanary
    /// Shows the progress of the running (or last) action again after Esc hid it.
    case showAction

    /// Intents that act on the dashboard whichever pane has focus. With the Logs pane focused,
    /// every other key is the log view's (so `Enter`, `Esc`, `/`, `j`, `G` mean there what they
    /// mean in `opsdeck view`).
    public var isGlobal: Bool {
        switch self {
        case .nextPane, .previousPane, .focus, .toggleZoom, .command, .refresh, .help, .quit, .acknowledge,
             .deploy, .promote, .rollback, .restart, .promoteCanaryStep, .abortCanary, .showAction: true
        case .lineDown, .lineUp, .pageDown, .pageUp, .top, .bottom, .open, .close, .filter: false
        }
    }
}

extension Keymap where Intent == DashboardIntent {
    /// The keys of the dashboard. `Enter` zooms a table pane but opens a record in Logs, as in
    /// the log view; `Z` zooms any pane, Logs included.
    public static let dashboard = Keymap([
        KeyBinding([.tab], .nextPane, section: "Panes", "next pane"),
        KeyBinding([.backTab], .previousPane, section: "Panes", "previous pane"),
        KeyBinding([.character("1")], .focus(.services), section: "Panes", "Services"),
        KeyBinding([.character("2")], .focus(.history), section: "Panes", "History of the selected service"),
        KeyBinding([.character("3")], .focus(.logs), section: "Panes", "Logs of the selected service"),
        KeyBinding([.character("4")], .focus(.details), section: "Panes", "Details of the selected service"),
        KeyBinding([.character("5")], .focus(.probes), section: "Panes", "Probes: state, latency, last hour, certificate"),
        KeyBinding([.character("Z")], .toggleZoom, section: "Panes", "zoom the focused pane, again to unzoom"),
        KeyBinding([.enter], .open, section: "Panes", "zoom Services, History or Details (Logs: open the record)"),
        KeyBinding([.escape], .close, section: "Panes", "unzoom, then clear the filter (Logs: close record, search)"),
        KeyBinding([.character("j"), .down], .lineDown, section: "Move", "down one row"),
        KeyBinding([.character("k"), .up], .lineUp, section: "Move", "up one row"),
        KeyBinding([.pageDown], .pageDown, section: "Move", "down a page"),
        KeyBinding([.pageUp], .pageUp, section: "Move", "up a page"),
        KeyBinding([.character("g"), .home], .top, section: "Move", "first row"),
        KeyBinding([.character("G"), .end], .bottom, section: "Move", "last row"),
        KeyBinding([.character("/")], .filter, section: "Filter", "filter the table: name, environment, image, state, reason"),
        KeyBinding([.character(":")], .command, section: "Filter",
                   "command: env svc theme refresh q level filter w wrap time"),
        KeyBinding([.character("d")], .deploy, section: "Change", "deploy a version of the selected service"),
        KeyBinding([.character("p")], .promote, section: "Change", "promote what it runs to the next environment"),
        KeyBinding([.character("R")], .rollback, section: "Change",
                   "roll back: to the last healthy release, or to the one selected in History"),
        KeyBinding([.character("S")], .restart, section: "Change", "restart: new replicas of the same version (Kubernetes)"),
        KeyBinding([.character("P")], .promoteCanaryStep, section: "Change",
                   "canary (Argo Rollouts): go on past the pause it waits in"),
        KeyBinding([.character("X")], .abortCanary, section: "Change",
                   "canary (Argo Rollouts): abort, the stable version takes every pod again"),
        KeyBinding([.character("o")], .showAction, section: "Change", "show the running action's progress again"),
        KeyBinding([.character("a")], .acknowledge, section: "Other", "acknowledge the alerts on the status line"),
        KeyBinding([.character("r")], .refresh, section: "Other", "reload services and the selected history"),
        KeyBinding([.character("?")], .help, section: "Other", "this help"),
        KeyBinding([.character("q")], .quit, section: "Other", "quit"),
    ])
}

extension Keymap where Intent == LogViewIntent {
    /// The log view's keys that still reach it in the Logs pane: those the dashboard does not
    /// take for itself everywhere. The help shows them under "Logs pane".
    public static let logsPane = Keymap(Keymap.logView.bindings.filter { binding in
        !binding.keys.allSatisfy { Keymap<DashboardIntent>.dashboard.intent(for: $0)?.isGlobal ?? false }
    })
}
