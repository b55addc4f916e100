extension ConfigReader {
    static let alertKeys = ["bell", "on_alert", "hook_timeout"]

    /// `alerts: { bell: true, on_alert: [page-oncall, --team, ops], hook_timeout: 10s }`; an absent or
    /// empty `alerts:` is no bell and no hook.
    func readAlerts(in top: KeyedMap) -> AlertsConfig {
        guard let node = top["alerts"] else { return AlertsConfig() }
        let place = "alerts"
        guard let map = KeyedMap(node, expected: "a map with bell, on_alert or hook_timeout", place: place,
                                 allowed: Self.alertKeys, nullIsEmpty: true, log: log) else { return AlertsConfig() }
        var alerts = AlertsConfig()
        alerts.bell = map["bell"].flatMap { values.bool($0, for: "bell in \(place)") } ?? false
        if let hook = map["on_alert"] { alerts.onAlert = readHookCommand(hook, place: place) }
        if let timeout = map["hook_timeout"] {
            alerts.hookTimeout = values.duration(timeout, for: "hook_timeout in \(place)") ?? AlertsConfig.defaultHookTimeout
        }
        return alerts
    }

    /// An argv list. A single string is refused rather than split: splitting it the way a shell
    /// would invites quoting mistakes, and running it through a shell would let an alert's text
    /// (a server's error message) become a command.
    private func readHookCommand(_ node: YAMLNode, place: String) -> [String]? {
        if let scalar = node.scalar, !scalar.isNull {
            values.expected("a command as a list of words", for: "on_alert in \(place)", found: node,
                            hint: "no shell is involved, e.g. on_alert: [notify-chat, --channel, ops]")
            return nil
        }
        return values.textList(node, for: "on_alert in \(place)")
    }
}
