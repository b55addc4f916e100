import OpsCore

/// The Probes pane's rows and the health column's roll-up, derived from the probe board each
/// time, like the other tables' rows.
extension DashboardState {
    /// The panes on screen, in `Tab` order: Probes only when something is probed.
    public var panes: [DashboardPane] {
        DashboardPane.allCases.filter { $0 != .probes || !probes.isEmpty }
    }

    /// The Probes pane's rows: scoped by `:env` (probes of a fixed place stay) and `:svc`,
    /// filtered by `/` on name, target, state and last failure; failing first, then degraded,
    /// so a short pane shows what is wrong.
    public var visibleProbes: [ProbeBoard.Entry] {
        let needle = probesFilter.lowercased()
        let rows = probes.order.compactMap { id -> ProbeBoard.Entry? in
            guard let entry = probes.entries[id],
                  environmentScope.map({ id.environment == nil || id.environment == $0 }) ?? true,
                  serviceScope.map({ id.service == $0 }) ?? true,
                  needle.isEmpty || Self.probeHaystack(entry).contains(needle) else { return nil }
            return entry
        }
        return rows.enumerated().sorted { a, b in
            let urgencyA = Self.urgency(a.element.tracker.state), urgencyB = Self.urgency(b.element.tracker.state)
            return urgencyA != urgencyB ? urgencyA < urgencyB : a.offset < b.offset
        }.map(\.element)
    }

    /// Failing rows first, then degraded, then the rest in name order.
    static func urgency(_ state: ProbeState) -> Int {
        switch state {
        case .failing: 0
        case .degraded: 1
        case .ok, .unknown: 2
        }
    }

    static func probeHaystack(_ entry: ProbeBoard.Entry) -> String {
        [entry.id.description, entry.target, entry.tracker.state.word, entry.tracker.lastFailure?.failedCondition ?? ""]
            .joined(separator: " ").lowercased()
    }

    /// The health column of a row: the platform's check, the service's probes in its environment
    /// (and those of a fixed place) and its metrics there, the worst of them.
    public func health(of snapshot: ServiceSnapshot) -> HealthRollup {
        var signals = [HealthSignal(platform: snapshot.health)]
        for entry in probes.entries(for: snapshot.key) {
            let tracker = entry.tracker
            signals.append(HealthSignal(probe: entry.id.name, state: tracker.state,
                                        reason: tracker.lastFailure?.failedCondition))
        }
        for entry in metrics.entries(for: snapshot.key) {
            let level = entry.tracker.level
            let detail = [entry.tracker.lastReading?.value?.text, MetricText.threshold(of: entry.config, level: level)]
                .compactMap { $0 }.joined(separator: " ")
            signals.append(HealthSignal(source: "metric \(entry.id.name)", verdict: MetricText.verdict(level),
                                        detail: detail.isEmpty ? nil : detail))
        }
        return HealthRollup(signals)
    }
}
