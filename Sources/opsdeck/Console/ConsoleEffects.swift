import Foundation
import OpsCore
import OpsUI

/// Runs what the dashboard's reducer asks for, off the UI thread, and posts the answers back as
/// actions. Provider calls have their own deadlines (in their commands), so a hung CLI costs
/// one pane its data, never the screen its keys.
final class ConsoleEffects: @unchecked Sendable {
    private let providers: ProviderSet
    private let runner: any CommandRunner
    private let inbox: ActionInbox
    private let now: @Sendable () -> LogTimestamp
    /// Lines of history each replica's log stream starts with.
    var logTail = 200
    /// The slow poll that catches what change watching misses (or all of it, where it fails).
    var pollInterval: Duration = .seconds(15)
    /// The journal whose actions the History pane shows beside the releases; nil: none.
    var journalPath: String?
    /// Reads the configured metrics; nil when there are none.
    private let metrics: MetricFeed?

    private let lock = NSLock()
    private var logTask: Task<Void, Never>?
    /// The service followed and what asks its log sources again.
    private var followed: (key: ServiceKey, nudge: WakeSignal)?
    private var background: [Task<Void, Never>] = []
    private var refreshing = false
    private var refreshAgain = false
    /// The first listing starts with the quick one, so the first frame has rows sooner.
    private var listedOnce = false

    /// `metrics`: what to read from Prometheus, every `metricInterval`.
    init(providers: ProviderSet, runner: any CommandRunner, inbox: ActionInbox, metrics: [PlannedMetric] = [],
         metricInterval: Duration = MetricPoller.defaultInterval, now: @escaping @Sendable () -> LogTimestamp) {
        self.metrics = metrics.isEmpty ? nil : MetricFeed(metrics: metrics, interval: metricInterval, inbox: inbox, now: now)
        self.providers = providers
        self.runner = runner
        self.inbox = inbox
        self.now = now
    }

    /// Starts the clock, the slow poll, change watching, the probes and the metrics.
    func start(probes: [Probe] = []) {
        let inbox = inbox, now = now, pollInterval = pollInterval
        let ticker = Task {
            while !Task.isCancelled {
                inbox.post(.tick(now()))
                try? await Task.sleep(for: .seconds(1))
            }
        }
        let poll = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: pollInterval)
                if !Task.isCancelled { inbox.post(.refresh) }
            }
        }
        let watchers = providers.watchers.flatMap { ChangeWatch.all(of: $0, runner: runner, inbox: inbox) }.map { watch in
            Task { await watch.run() }
        }
        let probing = Task { await ProbeFeed(probes: probes, inbox: inbox).run() }
        let reading = Task { [metrics] in if let metrics { await metrics.run() } }
        lock.withLock { background = [ticker, poll, probing, reading] + watchers }
    }

    func stop() {
        let tasks = lock.withLock { () -> [Task<Void, Never>] in
            defer { background = []; logTask = nil }
            return background + (logTask.map { [$0] } ?? [])
        }
        for task in tasks { task.cancel() }
    }

    func perform(_ effect: DashboardEffect) {
        switch effect {
        case .refresh: refresh()
        case .loadReleases(let key): loadReleases(key)
        case .followLogs(let key): follow(key)
        case .rescanLogs(let key): lock.withLock { followed?.key == key ? followed?.nudge : nil }?.raise()
        case .loadMetricHistory(let key): Task { [metrics] in if let metrics { await metrics.loadHistory(of: key) } }
        case .quit, .setTheme, .save, .alert: break // the session's own
        case .loadVersions, .prepareAction, .runAction, .dropAction, .stopAction: break // ConsoleActions
        }
    }

    /// One listing at a time: a refresh asked for while one runs happens once it is done.
    private func refresh() {
        let start = lock.withLock { () -> Bool in
            if refreshing { refreshAgain = true; return false }
            refreshing = true
            return true
        }
        guard start else { return }
        let quickFirst = lock.withLock { () -> Bool in
            defer { listedOnce = true }
            return !listedOnce
        }
        Task { [self] in
            var quick = quickFirst
            while true {
                await providers.list(quickFirst: quick) { [inbox, now] answer in
                    switch answer.result {
                    case .success(let snapshots):
                        inbox.post(.endpointListed(answer.index, snapshots, at: now(), partial: answer.partial))
                    case .failure(let error): inbox.post(.endpointFailed(answer.index, "\(error)", at: now()))
                    }
                }
                quick = false
                let again = lock.withLock { () -> Bool in
                    if refreshAgain { refreshAgain = false; return true }
                    refreshing = false
                    return false
                }
                if !again { return }
            }
        }
    }

    /// The provider's releases and, beside them (neither waits for the other), opsdeck's own
    /// actions from the journal.
    private func loadReleases(_ key: ServiceKey) {
        if let journalPath { loadJournal(key, path: journalPath) }
        Task { [providers, inbox, now] in
            do {
                let releases = try await providers.releases(of: key)
                inbox.post(.releasesLoaded(key, releases, at: now()))
            } catch {
                inbox.post(.releasesFailed(key, "\(error)", at: now()))
            }
        }
    }

    /// Reads the end of the journal off the UI thread. No journal yet is no action; one that
    /// cannot be read says so on the status line and the releases show without new actions.
    private func loadJournal(_ key: ServiceKey, path: String) {
        Task.detached { [inbox] in
            do {
                let tail = try JournalTail.read(path: path, maximumBytes: HistoryJournal.tailBytes)
                let found = tail.actions(of: key, limit: HistoryJournal.keptActions)
                inbox.post(.journalLoaded(key, found.actions))
            } catch {
                // What was read before stays: a read that failed says nothing about the actions.
                inbox.post(.notice("cannot read the journal \(path): \(error.localizedDescription)", isError: true))
            }
        }
    }

    /// Cancels the stream of the service followed before (killing its processes) and follows `key`.
    private func follow(_ key: ServiceKey?) {
        let nudge = WakeSignal()
        let task = key.map { key in
            Task { [providers, runner, inbox, now, logTail] in
                await LogFollowLoop(key: key, providers: providers, runner: runner, inbox: inbox, now: now,
                                    tail: logTail, nudge: nudge).run()
            }
        }
        let old = lock.withLock { () -> Task<Void, Never>? in
            defer {
                logTask = task
                followed = key.map { ($0, nudge) }
            }
            return logTask
        }
        old?.cancel()
    }
}
