import OpsCore

/// A semantic role of a piece of text on screen. Widgets and formatters name roles, never
/// colours; a theme (or the line-mode styler) decides what each role looks like.
public enum Role: String, CaseIterable, Sendable {
    case text = "text"
    case dim = "text.dim"
    case logTime = "log.time"
    case logSource = "log.source"
    case logFieldKey = "log.fieldKey"
    case logFieldValue = "log.fieldValue"
    case logTrace = "log.trace"
    case logDebug = "log.debug"
    case logInfo = "log.info"
    case logNotice = "log.notice"
    case logWarn = "log.warn"
    case logError = "log.error"
    case logFatal = "log.fatal"
    case logUnknown = "log.unknown"
    case logStack = "log.stack"
    case logMarker = "log.marker"
    /// Text the user searched for, wherever it shows.
    case searchMatch = "search.match"
    /// The selected row of a list or log.
    case selection = "selection"
    case paneBorder = "pane.border"
    case paneBorderFocused = "pane.borderFocused"
    case paneTitle = "pane.title"
    case statusBar = "status.bar"
    case statusInfo = "status.info"
    case statusWarning = "status.warning"
    case statusError = "status.error"
    case dialog = "dialog"
    case dialogTitle = "dialog.title"
    case input = "input"
    case helpKey = "help.key"
    case helpText = "help.text"
    case sparkline = "sparkline"
    /// What a service or replica is doing, as its state and health cells show it: up and well,
    /// on its way (starting, rolling out), stopped or paused on purpose, limping (restarting, part
    /// of its replicas down, unhealthy), down.
    case statusRunning = "status.running"
    case statusPending = "status.pending"
    case statusStopped = "status.stopped"
    case statusDegraded = "status.degraded"
    case statusFailed = "status.failed"

    /// The role a record's level badge is drawn in.
    public static func level(_ level: LogLevel) -> Role {
        switch level {
        case .unknown: .logUnknown
        case .trace: .logTrace
        case .debug: .logDebug
        case .info: .logInfo
        case .notice: .logNotice
        case .warn: .logWarn
        case .error: .logError
        case .fatal: .logFatal
        }
    }
}
