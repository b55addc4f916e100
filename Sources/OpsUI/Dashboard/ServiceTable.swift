import OpsCore

/// The Services table: one row per service and environment, its columns chosen for the width
/// (at 80 columns the provider goes; from 110 the version becomes the whole image reference
/// and restarts get their full header).
struct ServiceTable {
    enum Column: CaseIterable, Hashable {
        case service, environment, provider, version, state, health, replicas, restarts, age
    }

    /// Most important first: what a row is and whether it is well, then the rest.
    static let priority: [Column] = [.service, .state, .environment, .health, .replicas, .version, .restarts, .age,
                                     .provider]
    /// From this width the table shows whole image references.
    static let wideWidth = 110

    let columns: [Column]
    let tableColumns: [TableColumn]
    let wide: Bool

    init(width: Int, rows: [ServiceSnapshot]) {
        let wide = width >= Self.wideWidth
        self.wide = wide
        // Fixed columns as wide as their widest value, within bounds.
        let environmentWidth = Self.widest(rows.map(\.key.environment), header: "ENV", within: 3...12)
        let providerWidth = Self.widest(rows.map(\.provider), header: "PROVIDER", within: 8...12)
        let specs = Dictionary(uniqueKeysWithValues: Column.allCases.map {
            ($0, Self.spec($0, wide: wide, environmentWidth: environmentWidth, providerWidth: providerWidth))
        })
        columns = ColumnPriority.fitting(Column.allCases, priority: Self.priority, width: width) {
            ColumnPriority.minimum(of: specs[$0]?.width ?? .fixed(0))
        }
        tableColumns = columns.compactMap { specs[$0] }
    }

    static func spec(_ column: Column, wide: Bool, environmentWidth: Int, providerWidth: Int) -> TableColumn {
        switch column {
        case .service: TableColumn("SERVICE", width: .flexible(minimum: 14, weight: 1))
        case .environment: TableColumn("ENV", width: .fixed(environmentWidth))
        case .provider: TableColumn("PROVIDER", width: .fixed(providerWidth))
        case .version: wide ? TableColumn("IMAGE", width: .flexible(minimum: 24, weight: 3))
                            : TableColumn("VERSION", width: .flexible(minimum: 10, weight: 2))
        case .state: TableColumn("STATE", width: .fixed(8))
        case .health: TableColumn("HEALTH", width: .fixed(9))
        case .replicas: TableColumn("UP", width: .fixed(5), alignment: .right)
        case .restarts: wide ? TableColumn("RESTARTS", width: .fixed(8), alignment: .right)
                             : TableColumn("RST", width: .fixed(3), alignment: .right)
        case .age: TableColumn("AGE", width: .fixed(4), alignment: .right)
        }
    }

    static func widest(_ values: [String], header: String, within bounds: ClosedRange<Int>) -> Int {
        let widest = values.map { DisplayWidth.of(DashboardText.clean($0)) }.max() ?? 0
        return min(max(widest, DisplayWidth.of(header), bounds.lowerBound), bounds.upperBound)
    }

    /// `health`: the row's roll-up of platform check, probes and metrics.
    func row(_ snapshot: ServiceSnapshot, health: RolledHealth, now: LogTimestamp?) -> TableRow {
        TableRow(cells: columns.map { cell($0, snapshot, health: health, now: now) })
    }

    func cell(_ column: Column, _ snapshot: ServiceSnapshot, health: RolledHealth, now: LogTimestamp?) -> StyledSpan {
        switch column {
        case .service:
            return StyledSpan(DashboardText.clean(snapshot.key.service), StatusRoles.attention(snapshot, health: health))
        case .environment:
            return StyledSpan(DashboardText.clean(snapshot.key.environment), .text)
        case .provider:
            return StyledSpan(DashboardText.clean(snapshot.provider), .dim)
        case .version:
            let text = wide ? snapshot.image?.reference : snapshot.image?.version
            return StyledSpan(text.map(DashboardText.clean) ?? "-", .text)
        case .state:
            return StyledSpan(snapshot.state.word, StatusRoles.role(snapshot.state))
        case .health:
            return StyledSpan(health.word, StatusRoles.role(health))
        case .replicas:
            let wanted = snapshot.desiredReplicas ?? snapshot.replicas.count
            let up = snapshot.replicasUp
            let role: Role = up >= wanted ? .text : (up == 0 ? .statusFailed : .statusDegraded)
            return StyledSpan("\(up)/\(wanted)", role)
        case .restarts:
            return StyledSpan("\(snapshot.restarts)", snapshot.restarts > 0 ? .statusDegraded : .dim)
        case .age:
            return StyledSpan(snapshot.updatedAt.flatMap { DashboardText.age(of: $0, now: now) } ?? "-", .dim)
        }
    }
}
