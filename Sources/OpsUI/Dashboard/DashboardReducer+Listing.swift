import OpsCore

/// The Services table filled endpoint by endpoint: each answer replaces its own rows as soon as
/// it comes, so a dead cluster holding out until its deadline costs only the rows it serves.
extension DashboardReducer {
    /// Applies one endpoint's answer (`change`), then shows the union of every endpoint's rows,
    /// still refreshing while some have not answered this round.
    static func endpointAnswered(_ state: inout DashboardState, at time: LogTimestamp,
                                 _ change: (inout ServiceListings) -> Bool) -> [DashboardEffect] {
        let selected = state.selectedKey
        let before = state.selectedService
        let wasPlaceholder = selected.map { state.listings.status(of: $0) != nil } ?? false
        guard change(&state.listings) else { return [] }
        if state.listings.hasAnswered {
            state.services.load(state.listings.rows, at: time)
            if !state.listings.isComplete { state.services.startLoading() }
        } else if state.listings.isComplete, let failure = state.listings.failure {
            // Nothing listed anywhere: the failure has the whole pane, as a failed listing does.
            state.services.fail(failure.message, at: failure.at)
        }
        let effects = reconcileSelection(&state)
        // The selected row was a placeholder and its endpoint has now listed it: what selecting
        // it could not ask for then (its logs, its history), it asks for now.
        if let selected, wasPlaceholder, state.selectedKey == selected, state.listings.status(of: selected) == nil {
            return effects + loadSelected(selected, on: &state)
        }
        return effects + followSelectedChanges(since: before, on: &state)
    }

    /// The selected service is still selected and changed under it: other replicas (pods came or
    /// went) have their log sources asked again; another image (a deploy, by anyone) has its
    /// history read again, so the new release shows without `r`.
    static func followSelectedChanges(since before: ServiceSnapshot?, on state: inout DashboardState) -> [DashboardEffect] {
        guard let before, let after = state.selectedService, after.key == before.key else { return [] }
        var effects: [DashboardEffect] = []
        if Set(before.replicas.map(\.id)) != Set(after.replicas.map(\.id)) { effects.append(.rescanLogs(after.key)) }
        if before.image != after.image {
            state.releases[after.key, default: .idle].startLoading()
            effects.append(.loadReleases(after.key))
        }
        return effects
    }

    /// Follows the selected service's logs and loads its history afresh.
    static func loadSelected(_ key: ServiceKey, on state: inout DashboardState) -> [DashboardEffect] {
        resetLogs(&state, following: key)
        state.releases[key, default: .idle].startLoading()
        return [.followLogs(key), .loadReleases(key)]
    }
}
