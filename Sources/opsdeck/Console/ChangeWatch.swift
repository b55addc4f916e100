import OpsCore
import OpsUI

/// Follows one of an endpoint's change streams (`docker events`, `kubectl get --watch`): a relevant
/// line asks for a refresh, a burst of them for one. A stream that ends is started again after a
/// pause, which doubles (up to `longestPause`) while the stream keeps ending at once — a cluster
/// without the Argo Rollouts CRD, a kubectl that is refused — so a dead stream costs a process a
/// minute, not one every few seconds; the slow poll covers the gap.
struct ChangeWatch: Sendable {
    let watcher: any ChangeWatching
    let command: Command
    let runner: any CommandRunner
    let inbox: ActionInbox
    /// Changes closer together than this make one refresh (a compose `up` is a dozen events).
    var settle: Duration = .milliseconds(250)
    var restartAfter: Duration = .seconds(5)
    var longestPause: Duration = .seconds(60)

    /// One watch for each of the endpoint's streams.
    static func all(of watcher: any ChangeWatching, runner: any CommandRunner, inbox: ActionInbox) -> [ChangeWatch] {
        watcher.changeCommands.map { ChangeWatch(watcher: watcher, command: $0, runner: runner, inbox: inbox) }
    }

    func run() async {
        let pending = LockedValue(ChangeFlag())
        let watcher = watcher
        var pause = RestartPause(first: restartAfter, longest: longestPause)
        while !Task.isCancelled {
            let started = ContinuousClock.now
            async let flusher: Void = flush(pending)
            _ = try? await runner.stream(command) { line in
                if watcher.isRelevantChange(line) { pending.withLock { $0.raised = true } }
            }
            pending.withLock { $0.stopped = true }
            await flusher
            pending.withLock { $0 = ChangeFlag() }
            try? await Task.sleep(for: pause.next(wentWell: ContinuousClock.now - started > restartAfter))
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
