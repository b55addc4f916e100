import OpsCore

/// The rows the tables show, derived from the data and the user's scopes and filters. Derived
/// each time rather than stored, so they can never disagree with the data (fleets are small).
extension DashboardState {
    /// The Services table's rows: scoped by `:env` and `:svc`, filtered by `/`, sorted by service
    /// then environment in the configured order.
    public var visibleServices: [ServiceSnapshot] {
        let needle = servicesFilter.lowercased()
        return (services.value ?? [])
            .filter { snapshot in
                (environmentScope.map { snapshot.key.environment == $0 } ?? true)
                    && (serviceScope.map { snapshot.key.service == $0 } ?? true)
                    && (needle.isEmpty || Self.servicesHaystack(snapshot).contains(needle))
            }
            .sorted { sortsBefore($0.key, $1.key) }
    }

    /// Why the Services table is not all fresh: the whole listing failed, or some endpoints did
    /// (their rows stay, from before).
    public var servicesFailure: SourceFailure? { services.failure ?? listings.failure }

    /// The selected service's snapshot (it is always one of `visibleServices`).
    public var selectedService: ServiceSnapshot? {
        guard let selectedKey else { return nil }
        return services.value?.first { $0.key == selectedKey }
    }

    /// The History pane's rows: the selected service's releases as the provider listed them
    /// (newest first), filtered by `/`.
    public var visibleReleases: [Release] {
        guard let selectedKey, let releases = releases[selectedKey]?.value else { return [] }
        let needle = historyFilter.lowercased()
        guard !needle.isEmpty else { return releases }
        return releases.filter { HistoryRow.release($0).haystack.contains(needle) }
    }

    /// The History pane's rows: the selected service's releases merged by time with opsdeck's
    /// actions on it from the journal (newest first), filtered by `/`.
    public var visibleHistory: [HistoryRow] {
        guard let selectedKey else { return [] }
        let rows = HistoryRow.merged(releases: releases[selectedKey]?.value ?? [], actions: journal[selectedKey] ?? [])
        let needle = historyFilter.lowercased()
        guard !needle.isEmpty else { return rows }
        return rows.filter { $0.haystack.contains(needle) }
    }

    /// Service by name, then environment in the configured order (unnamed ones after, by name).
    func sortsBefore(_ a: ServiceKey, _ b: ServiceKey) -> Bool {
        if a.service != b.service { return a.service < b.service }
        let rankA = environmentRank(a.environment), rankB = environmentRank(b.environment)
        if rankA != rankB { return rankA < rankB }
        return a.environment < b.environment
    }

    func environmentRank(_ environment: String) -> Int {
        environmentOrder.firstIndex(of: environment) ?? environmentOrder.count
    }

    /// What `/` looks in for a service, as shown (sanitised) and lower-cased.
    static func servicesHaystack(_ snapshot: ServiceSnapshot) -> String {
        [snapshot.key.service, snapshot.key.environment, snapshot.image?.reference ?? "", snapshot.state.word]
            .map { DashboardText.clean($0).lowercased() }.joined(separator: "\u{1F}")
    }
}
