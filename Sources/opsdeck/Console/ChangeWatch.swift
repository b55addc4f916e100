import OpsCore
import OpsUI

/// Follows one endpoint's change stream (`docker events`): a relevant line asks for a refresh,
/// a burst of them for one. A stream that fails is restarted after a pause; the slow poll covers
/// the gap.
struct ChangeWatch: Sendable {
    let watcher: any ChangeWatching
    let runner: any CommandRunner
    let inbox: ActionInbox
    /// Changes closer together than this make one refresh (a compose `up` is a dozen events).
    var settle: Duration = .milliseconds(250)
    var restartAfter: Duration = .seconds(5)

    func run() async {
        let pending = LockedValue(ChangeFlag())
        let watcher = watcher
        while !Task.isCancelled {
            async let flusher: Void = flush(pending)
            _ = try? await runner.stream(watcher.changeCommand) { line in
                if watcher.isRelevantChange(line) { pending.withLock { $0.raised = true } }
            }
            pending.withLock { $0.stopped = true }
            await flusher
            pending.withLock { $0 = ChangeFlag() }
            try? await Task.sleep(for: restartAfter)
        }
    }

    /// Posts a refresh when changes were seen, at most once per `settle`.
    private func flush(_ pending: LockedValue<ChangeFlag>) async {
        while !Task.isCancelled, !pending.value.stopped {
            try? await Task.sleep(for: settle)
            let raised = pending.withLock { flag in
                defer { flag.raised = false }
                return flag.raised
            }
            if raised { inbox.post(.refresh) }
        }
    }
}

/// Set from the stream's reading task, taken by the flusher.
struct ChangeFlag: Sendable {
    var raised = false
    var stopped = false
}
