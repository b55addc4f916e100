/// The panes of the dashboard, numbered as the `1`–`5` keys reach them, in `Tab` order.
public enum DashboardPane: Int, CaseIterable, Hashable, Sendable {
    case services = 1
    case history = 2
    case logs = 3
    case details = 4
    /// Only when something is probed.
    case probes = 5

    public var title: String {
        switch self {
        case .services: "Services"
        case .history: "History"
        case .logs: "Logs"
        case .details: "Details"
        case .probes: "Probes"
        }
    }

    /// The pane `Tab` (forward) or `Shift-Tab` reaches from this one among those shown, wrapping around.
    func cycled(forward: Bool, among all: [DashboardPane]) -> DashboardPane {
        guard !all.isEmpty else { return self }
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + (forward ? 1 : all.count - 1)) % all.count]
    }
}
