/// The panes of the dashboard, numbered as the `1`–`4` keys reach them, in `Tab` order.
public enum DashboardPane: Int, CaseIterable, Hashable, Sendable {
    case services = 1
    case history = 2
    case logs = 3
    case details = 4

    public var title: String {
        switch self {
        case .services: "Services"
        case .history: "History"
        case .logs: "Logs"
        case .details: "Details"
        }
    }

    /// The pane `Tab` (forward) or `Shift-Tab` reaches from this one, wrapping around.
    func cycled(forward: Bool) -> DashboardPane {
        let all = DashboardPane.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + (forward ? 1 : all.count - 1)) % all.count]
    }
}
