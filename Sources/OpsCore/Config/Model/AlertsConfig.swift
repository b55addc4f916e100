/// What happens when an alert is raised or recovers (`alerts:` in opsdeck.yml): a terminal bell,
/// and a command of the team's own (`on_alert`) that pages or posts to chat.
public struct AlertsConfig: Sendable, Equatable {
    /// Long enough for a chat or paging API over a slow link; short enough that a hung hook does
    /// not hold back the alerts queued behind it for long.
    public static let defaultHookTimeout: Duration = .seconds(10)

    /// `bell: true`: ring the terminal bell when an alert is raised.
    public var bell: Bool
    /// `on_alert`: the argv of the hook run for every alert, nil for none. Never a shell string:
    /// the alert's words reach the hook only through environment variables.
    public var onAlert: [String]?
    /// `hook_timeout`: how long one run of the hook may take before its process group is killed.
    public var hookTimeout: Duration

    public init(bell: Bool = false, onAlert: [String]? = nil, hookTimeout: Duration = defaultHookTimeout) {
        self.bell = bell
        self.onAlert = onAlert
        self.hookTimeout = hookTimeout
    }
}
