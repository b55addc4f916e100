/// Where an alert goes besides the screen or the output: a line in the journal, and the
/// `on_alert` hook (queued, one at a time). Shared by the console and `opsdeck probe --watch`,
/// which differ only in how they tell the user.
public final class AlertDelivery: Sendable {
    private let journal: JournalWriter?
    private let observer: ActionOperator
    private let hooks: AlertHookQueue?

    /// `journalPath` nil: there is no place for a journal. `hook` nil: no `on_alert` (or hooks are
    /// off). `hookOutcome` hears how each hook ended.
    public init(journalPath: String?, hook: AlertHook?, observer: ActionOperator = .current(),
                hookOutcome: @escaping @Sendable (Alert, AlertHookOutcome) -> Void) {
        journal = journalPath.map(JournalWriter.init(path:))
        self.observer = observer
        hooks = hook.map { AlertHookQueue(hook: $0, report: hookOutcome) }
    }

    /// Journals `alert` and queues its hook, in the order called. A journal that cannot be written
    /// is returned, and the hook runs all the same: the alert is never dropped for it.
    public func deliver(_ alert: Alert) -> JournalError? {
        var failure: JournalError?
        if let journal {
            do {
                try journal.append(JournalAlertEntry(observer: observer, alert: alert))
            } catch {
                failure = error
            }
        }
        hooks?.submit(alert)
        return failure
    }

    /// Waits for the hooks still queued (each bounded by its deadline).
    public func finishHooks() async { await hooks?.finish() }

    /// Kills the running hook and skips the queued ones.
    public func cancelHooks() { hooks?.cancel() }
}
