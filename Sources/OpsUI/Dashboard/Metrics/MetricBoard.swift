import OpsCore

/// The metrics the console reads and where each stands: its tracker (damped level, last reading,
/// recent values) and the last hour from a range query, loaded for the selected service.
public struct MetricBoard: Sendable {
    public struct Entry: Sendable {
        public let id: MetricID
        public let config: MetricConfig
        public internal(set) var tracker: MetricTracker
        /// The last hour, one value a minute (nil where there was none), for the Details pane.
        public internal(set) var lastHour: PaneSource<[Double?]> = .idle
    }

    /// Metric ids in (service, environment, name) order.
    public private(set) var order: [MetricID]
    public private(set) var entries: [MetricID: Entry]
    /// Metric names in the order the configuration first names them: the Services table's columns.
    public let names: [String]
    /// Points of a metric's last hour in the Details pane: one every two minutes.
    public static let hourPoints = 30

    public init(_ metrics: [PlannedMetric] = []) {
        var entries: [MetricID: Entry] = [:]
        var names: [String] = []
        for metric in metrics where entries[metric.id] == nil {
            entries[metric.id] = Entry(id: metric.id, config: metric.config, tracker: MetricTracker())
            if !names.contains(metric.id.name) { names.append(metric.id.name) }
        }
        self.entries = entries
        self.names = names
        order = entries.keys.sorted()
    }

    public var isEmpty: Bool { order.isEmpty }

    /// Takes one reading; returns the level change it caused, if any. Readings of metrics the
    /// board does not know are dropped.
    mutating func record(_ reading: MetricReading) -> MetricTracker.Change? {
        guard entries[reading.id] != nil else { return nil }
        return entries[reading.id]?.tracker.record(reading)
    }

    mutating func update(_ id: MetricID, _ change: (inout PaneSource<[Double?]>) -> Void) {
        guard var entry = entries[id] else { return }
        change(&entry.lastHour)
        entries[id] = entry
    }

    /// The last readings of one service in one environment, by metric name.
    func readings(for key: ServiceKey) -> [String: MetricReading] {
        var readings: [String: MetricReading] = [:]
        for entry in entries(for: key) { readings[entry.id.name] = entry.tracker.lastReading }
        return readings
    }

    /// The metrics of one service in one environment, in name order of the configuration.
    func entries(for key: ServiceKey) -> [Entry] {
        names.compactMap { entries[MetricID(service: key.service, environment: key.environment, name: $0)] }
    }
}
