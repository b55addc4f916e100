import OpsCore

/// The Services table: one row per service and environment, its columns chosen for the width
/// (at 80 columns the provider goes; from 110 the version becomes the whole image reference
/// and restarts get their full header).
struct ServiceTable {
    enum Column: Hashable {
        case service, environment, provider, version, state, health, replicas, restarts, age
        /// A configured metric's last value (`error_rate`), one column a metric name.
        case metric(String)
    }

    /// In display order, the metrics after the health they feed.
    static func display(metrics: [String]) -> [Column] {
        [.service, .environment, .provider, .version, .state, .health] + metrics.map(Column.metric)
            + [.replicas, .restarts, .age]
    }

    /// Most important first: what a row is and whether it is well, then the metrics, then the rest.
    static func priority(metrics: [String]) -> [Column] {
        [.service, .state, .environment, .health] + metrics.map(Column.metric)
            + [.replicas, .version, .restarts, .age, .provider]
    }

    /// A metric's column is as wide as its name (upper case, up to 10) or a value (7).
    static let metricHeaderLimit = 10
    /// From this width the table shows whole image references.
    static let wideWidth = 110

    let columns: [Column]
    let tableColumns: [TableColumn]
    let wide: Bool

    /// `metrics`: the names of the configured metrics, a column each when they fit.
    init(width: Int, rows: [ServiceSnapshot], metrics: [String] = []) {
        let wide = width >= Self.wideWidth
        self.wide = wide
        // Fixed columns as wide as their widest value, within bounds.
        let environmentWidth = Self.widest(rows.map(\.key.environment), header: "ENV", within: 3...12)
        let providerWidth = Self.widest(rows.map(\.provider), header: "PROVIDER", within: 8...12)
        (columns, tableColumns) = ColumnPriority.choose(Self.display(metrics: metrics), priority: Self.priority(metrics: metrics),
                                                        width: width) {
            Self.spec($0, wide: wide, environmentWidth: environmentWidth, providerWidth: providerWidth)
        }
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
        case .metric(let name):
            TableColumn(metricHeader(name), width: .fixed(max(MetricValue.maximumTextWidth, DisplayWidth.of(metricHeader(name)))),
                        alignment: .right)
        }
    }

    /// `ERROR_RATE`: the name in upper case, cut to `metricHeaderLimit`.
    static func metricHeader(_ name: String) -> String {
        String(DashboardText.clean(name).uppercased().prefix(metricHeaderLimit))
    }

    static func widest(_ values: [String], header: String, within bounds: ClosedRange<Int>) -> Int {
        let widest = values.map { DisplayWidth.of(DashboardText.clean($0)) }.max() ?? 0
        return min(max(widest, DisplayWidth.of(header), bounds.lowerBound), bounds.upperBound)
    }

    /// `health`: the row's roll-up of platform check, probes and metrics; `readings`: its metrics'
    /// last readings by name.
    /// `listing`: the row stands for a configured service its endpoint has not listed.
    func row(_ snapshot: ServiceSnapshot, health: RolledHealth, readings: [String: MetricReading] = [:],
             now: LogTimestamp?, listing: ServiceListings.RowStatus? = nil) -> TableRow {
        if let listing { return placeholderRow(snapshot.key, listing) }
        return TableRow(cells: columns.map { cell($0, snapshot, health: health, readings: readings, now: now) })
    }

    /// Its name and environment, and in STATE why nothing else is known yet.
    func placeholderRow(_ key: ServiceKey, _ listing: ServiceListings.RowStatus) -> TableRow {
        TableRow(cells: columns.map { column in
            switch column {
            case .service: StyledSpan(DashboardText.clean(key.service), .text)
            case .environment: StyledSpan(DashboardText.clean(key.environment), .text)
            case .state: listing == .loading ? StyledSpan("loading", .dim) : StyledSpan("no data", .statusFailed)
            default: StyledSpan("", .dim)
            }
        })
    }

    func cell(_ column: Column, _ snapshot: ServiceSnapshot, health: RolledHealth, readings: [String: MetricReading],
              now: LogTimestamp?) -> StyledSpan {
        switch column {
        case .metric(let name):
            // No reading: the metric is not read for this row (no Prometheus there) or not yet.
            guard let reading = readings[name] else { return StyledSpan("-", .dim) }
            let text = reading.value.map { $0.text } ?? (reading.error == nil ? "none" : "error")
            let role = reading.error != nil ? .statusFailed : MetricText.role(reading.level)
            return StyledSpan(text, role)
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
