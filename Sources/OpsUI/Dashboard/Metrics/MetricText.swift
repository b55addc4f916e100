import OpsCore

/// How the dashboard words a metric: its thresholds, and the role its level is drawn in.
enum MetricText {
    /// `above 0.05` for a critical error rate, `below 0.99` for a success ratio; nil when the
    /// level has no threshold (ok, unknown) or the metric has none.
    static func threshold(of config: MetricConfig?, level: MetricLevel) -> String? {
        guard let config else { return nil }
        let thresholds = MetricThresholds(config)
        let bound: Double? = switch level {
        case .critical: config.critical
        case .warn: config.warn
        case .ok, .unknown: nil
        }
        guard let bound else { return nil }
        return (thresholds.lowerIsWorse ? "below " : "above ") + MetricValue(bound).text
    }

    static func role(_ level: MetricLevel) -> Role {
        switch level {
        case .ok: .text
        case .warn: .statusDegraded
        case .critical: .statusFailed
        case .unknown: .dim
        }
    }

    /// The health column's word for a metric's level: warn degrades, critical fails.
    static func verdict(_ level: MetricLevel) -> RolledHealth? {
        switch level {
        case .ok: .healthy
        case .warn: .degraded
        case .critical: .failing
        case .unknown: nil
        }
    }
}
