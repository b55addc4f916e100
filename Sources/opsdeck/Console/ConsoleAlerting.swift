import Foundation
import OpsCore
import OpsUI

/// What the console does with an alert besides its banner: journals it and queues the
/// `on_alert` hook. A journal that cannot be written and a hook that fails, hangs or is missing
/// are said on the status line; neither stops the console nor loses the alert.
final class ConsoleAlerting: Sendable {
    private let journal: JournalWriter?
    private let observer: ActionOperator
    private let hooks: AlertHookQueue?
    private let inbox: ActionInbox

    /// `journalPath` nil: there is no place for a journal. `hook` nil: no `on_alert`.
    init(journalPath: String?, hook: AlertHook?, inbox: ActionInbox, observer: ActionOperator = .current()) {
        journal = journalPath.map(JournalWriter.init(path:))
        self.observer = observer
        self.inbox = inbox
        hooks = hook.map { hook in
            AlertHookQueue(hook: hook) { alert, outcome in
                guard !outcome.succeeded else { return }
                inbox.post(.notice("on_alert for \(alert.path) \(alert.transition.rawValue): \(outcome)", isError: true))
            }
        }
    }

    /// Called on the UI thread in the order alerts happen, so they are journalled and hooked in
    /// that order.
    func handle(_ alert: Alert) {
        if let journal {
            do {
                try journal.append(JournalAlertEntry(observer: observer, alert: alert))
            } catch {
                inbox.post(.notice("cannot journal \(alert.summary): \(error)", isError: true))
            }
        }
        hooks?.submit(alert)
    }

    /// Kills a running hook and drops the queued ones: the console is going away.
    func stop() { hooks?.cancel() }
}
