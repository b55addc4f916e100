/// Which actions and alerts of a journal to show: `opsdeck journal --since --service --env`, and
/// the History pane's rows for one service.
public struct JournalFilter: Hashable, Sendable {
    /// Actions started at or after this time.
    public var since: LogTimestamp?
    /// Exact service name.
    public var service: String?
    /// Exact environment name.
    public var environment: String?

    public init(since: LogTimestamp? = nil, service: String? = nil, environment: String? = nil) {
        self.since = since
        self.service = service
        self.environment = environment
    }

    public func matches(_ action: JournalAction) -> Bool {
        if let since, action.startedAt < since { return false }
        if let service, action.key.service != service { return false }
        if let environment, action.key.environment != environment { return false }
        return true
    }

    /// An alert of a probe with no environment (a fixed URL, tcp, a command) matches no `--env`.
    public func matches(_ alert: JournalAlertEntry) -> Bool {
        if let since, alert.time < since { return false }
        if let service, alert.alert.service != service { return false }
        if let environment, alert.alert.environment != environment { return false }
        return true
    }
}
