import OpsCore

/// The dashboard's reducer: pure, no clock, no processes, no terminal. It returns what the
/// runtime must do, in order.
public enum DashboardReducer {
    public static func reduce(_ state: inout DashboardState, _ action: DashboardAction,
                              keymap: Keymap<DashboardIntent> = .dashboard) -> [DashboardEffect] {
        switch action {
        case .key(let key):
            return self.key(key, on: &state, keymap: keymap)
        case .tick(let now):
            state.now = now
            return checkWatch(on: &state)
        case .refresh:
            return refresh(&state)
        case .servicesLoaded(let snapshots, let time):
            let before = state.selectedService
            state.services.load(snapshots, at: time)
            return reconcileSelection(&state) + followSelectedChanges(since: before, on: &state)
        case .servicesFailed(let message, let time):
            state.services.fail(message, at: time)
            return []
        case .endpointListed(let id, let snapshots, let time, let partial):
            return endpointAnswered(&state, at: time) { $0.load(id, snapshots, partial: partial) }
        case .endpointFailed(let id, let message, let time):
            return endpointAnswered(&state, at: time) { $0.fail(id, message, at: time) }
        case .releasesLoaded(let key, let releases, let time):
            state.releases[key, default: .idle].load(releases, at: time)
            if key == state.selectedKey { reconcileRelease(&state) }
            return []
        case .releasesFailed(let key, let message, let time):
            state.releases[key, default: .idle].fail(message, at: time)
            return []
        case .journalLoaded(let key, let actions):
            state.journal[key] = actions.newestFirst(limit: HistoryJournal.keptActions)
            if key == state.selectedKey { reconcileRelease(&state) }
            return []
        case .logRecords(let records, let key):
            guard key == state.selectedKey, !records.isEmpty else { return [] }
            state.logStream = .streaming(lastBatchAt: state.now)
            return logView(.records(records), on: &state)
        case .logsEnded(let key, let time):
            guard key == state.selectedKey else { return [] }
            state.logStream = .ended(at: time)
            return []
        case .logsFailed(let key, let message, let time):
            guard key == state.selectedKey else { return [] }
            state.logStream = .failed(SourceFailure(message: message, at: time))
            return []
        case .probeResult(let report):
            guard let change = state.probes.record(report) else { return [] }
            let watched = checkWatch(on: &state)
            guard let alert = AlertRules.alert(for: report.probe, change: change, at: report.result.at) else { return watched }
            return raise(alert, on: &state) + watched
        case .metricReading(let reading):
            guard let change = state.metrics.record(reading) else { return [] }
            let watched = checkWatch(on: &state)
            let id = reading.id
            let alert = AlertRules.alert(forMetric: id.service, environment: id.environment, name: id.name,
                                         from: change.from.word, to: change.to.word, value: reading.value?.text,
                                         reason: MetricText.threshold(of: state.metrics.entries[id]?.config, level: change.to),
                                         at: reading.at)
            return (alert.map { raise($0, on: &state) } ?? []) + watched
        case .metricHistoryLoaded(let id, let values, let time):
            state.metrics.update(id) { $0.load(values, at: time) }
            return []
        case .metricHistoryFailed(let id, let message, let time):
            state.metrics.update(id) { $0.fail(message, at: time) }
            return []
        case .viewport(let viewport):
            state.viewport = viewport
            return logView(.viewport(top: viewport.logsTop, rows: viewport.logsRows), on: &state)
        case .notice(let text, let isError):
            state.message = text
            state.messageIsError = isError
            return []
        case .versionsLoaded, .versionsFailed, .actionPrepared, .actionPlanFailed, .actionEvent, .actionEnded, .actionNotRun:
            return actionAnswer(action, on: &state)
        }
    }

    /// `r`, `:refresh` and the runtime's timer: reload the services and the selected history.
    static func refresh(_ state: inout DashboardState) -> [DashboardEffect] {
        state.services.startLoading()
        state.listings.startRound()
        var effects: [DashboardEffect] = [.refresh]
        if let key = state.selectedKey {
            state.releases[key, default: .idle].startLoading()
            effects.append(.loadReleases(key))
            effects += loadMetricHistory(key, on: &state)
        }
        return effects
    }

    /// Asks for the last hour of the service's metrics, if it has any.
    static func loadMetricHistory(_ key: ServiceKey, on state: inout DashboardState) -> [DashboardEffect] {
        let entries = state.metrics.entries(for: key)
        guard !entries.isEmpty else { return [] }
        for entry in entries { state.metrics.update(entry.id) { $0.startLoading() } }
        return [.loadMetricHistory(key)]
    }

    /// Puts an alert on the banner until acknowledged, and hands it to the runtime.
    static func raise(_ alert: Alert, on state: inout DashboardState) -> [DashboardEffect] {
        state.pendingAlerts.append(alert)
        if state.pendingAlerts.count > DashboardState.pendingAlertLimit {
            state.pendingAlerts.removeFirst(state.pendingAlerts.count - DashboardState.pendingAlertLimit)
        }
        return [.alert(alert)]
    }

    /// `a`: the banner goes; the alerts stay in the journal.
    static func acknowledge(_ state: inout DashboardState) {
        let count = state.pendingAlerts.count
        state.pendingAlerts = []
        state.message = count == 0 ? "no alert to acknowledge" : "acknowledged \(count) alert\(count == 1 ? "" : "s")"
    }

    /// Hands an action to the embedded log view and translates what it asks for.
    static func logView(_ action: LogViewAction, on state: inout DashboardState) -> [DashboardEffect] {
        switch LogViewReducer.reduce(&state.logs, action) {
        case .none: []
        case .quit: [.quit]
        case .save(let path): [.save(path: path)]
        }
    }
}
