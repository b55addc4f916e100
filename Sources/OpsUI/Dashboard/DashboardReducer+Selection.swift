import OpsCore

/// Keeping the selection where the user left it while the rows change under it, and what a
/// new selection sets off (another log stream, another history).
extension DashboardReducer {
    /// After the rows changed (a reload, a scope, a filter): the selection stays on its service
    /// and environment; when that row is gone it moves to the row that now takes its place (the
    /// next in sort order, or the last row when it was the last).
    static func reconcileSelection(_ state: inout DashboardState) -> [DashboardEffect] {
        let rows = state.visibleServices
        let target: ServiceKey?
        if let key = state.selectedKey {
            if rows.contains(where: { $0.key == key }) {
                target = key
            } else {
                target = rows.first(where: { state.sortsBefore(key, $0.key) })?.key ?? rows.last?.key
            }
        } else {
            target = rows.first?.key
        }
        return select(target, on: &state)
    }

    /// Selects a service: empties the Logs pane and asks for the new one's logs, and for its
    /// history when none is at hand. Selecting the selected service does nothing.
    static func select(_ key: ServiceKey?, on state: inout DashboardState) -> [DashboardEffect] {
        guard key != state.selectedKey else { return [] }
        state.selectedKey = key
        state.selectedReleaseID = nil
        state.detailsScroll = 0
        // A row its endpoint has not listed yet has no logs or history to ask for: they are
        // asked for once it is listed (`endpointAnswered`).
        let placeholder = key.map { state.listings.status(of: $0) != nil } ?? false
        resetLogs(&state, following: placeholder ? nil : key)
        var effects: [DashboardEffect] = [.followLogs(placeholder ? nil : key)]
        guard let key, !placeholder else { return effects }
        effects += loadMetricHistory(key, on: &state)
        let history = state.releases[key] ?? .idle
        if history.value == nil, !history.isLoading {
            state.releases[key, default: .idle].startLoading()
            effects.append(.loadReleases(key))
        }
        reconcileRelease(&state)
        return effects
    }

    /// Empties the Logs pane for another service, keeping how the user set it up (level,
    /// filter, search, wrap, time style).
    static func resetLogs(_ state: inout DashboardState, following key: ServiceKey?) {
        let old = state.logs
        var fresh = LogViewState(capacity: state.logCapacity, query: old.baseQuery)
        fresh.levelOverride = old.levelOverride
        fresh.filterText = old.filterText
        fresh.filterQuery = old.filterQuery
        fresh.search = old.search
        fresh.wrap = old.wrap
        fresh.timeStyle = old.timeStyle
        fresh.pageRows = old.pageRows
        fresh.refilter()
        state.logs = fresh
        state.logGeneration &+= 1
        state.logStream = key == nil ? .idle : .connecting
    }

    /// Keeps the History selection on its release, else puts it on the live one (or the first).
    static func reconcileRelease(_ state: inout DashboardState) {
        let rows = state.visibleHistory
        if let id = state.selectedReleaseID, rows.contains(where: { $0.id == id }) { return }
        state.selectedReleaseID = (rows.first { $0.isLive } ?? rows.first)?.id
    }

    /// Keeps the Probes selection on its probe, else puts it on the first row.
    static func reconcileProbe(_ state: inout DashboardState) {
        let rows = state.visibleProbes
        if let id = state.selectedProbeID, rows.contains(where: { $0.id == id }) { return }
        state.selectedProbeID = rows.first?.id
    }

    // MARK: - Moving in the focused table

    enum Movement {
        case by(Int)
        case first
        case last
    }

    static func move(_ movement: Movement, on state: inout DashboardState) -> [DashboardEffect] {
        switch state.focus {
        case .services:
            let rows = state.visibleServices
            let current = rows.firstIndex { $0.key == state.selectedKey } ?? 0
            guard let index = target(movement, from: current, count: rows.count) else { return [] }
            return select(rows[index].key, on: &state)
        case .history:
            let rows = state.visibleHistory
            let current = rows.firstIndex { $0.id == state.selectedReleaseID } ?? 0
            guard let index = target(movement, from: current, count: rows.count) else { return [] }
            state.selectedReleaseID = rows[index].id
        case .details:
            let lines = state.selectedService.map { DashboardDetails.lines(for: $0, in: state).count } ?? 0
            let scrolls = max(0, lines - state.viewport.detailsRows) + 1
            state.detailsScroll = target(movement, from: min(state.detailsScroll, scrolls - 1), count: scrolls) ?? 0
        case .probes:
            let rows = state.visibleProbes
            let current = rows.firstIndex { $0.id == state.selectedProbeID } ?? 0
            guard let index = target(movement, from: current, count: rows.count) else { return [] }
            state.selectedProbeID = rows[index].id
        case .logs:
            break // the log view moves itself
        }
        return []
    }

    /// The row a movement lands on among `count` rows, nil when there are none.
    static func target(_ movement: Movement, from current: Int, count: Int) -> Int? {
        guard count > 0 else { return nil }
        switch movement {
        case .first: return 0
        case .last: return count - 1
        case .by(let delta):
            let (sum, overflow) = current.addingReportingOverflow(delta)
            return overflow ? (delta > 0 ? count - 1 : 0) : min(max(0, sum), count - 1)
        }
    }
}
